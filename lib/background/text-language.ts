import { buildDetectorRules } from '../core/detectors';
import { readDetectors } from '../core/detectors/data-file';
import { checkDetectors } from '../core/detectors/data-file-check';
import { readsAsOtherLanguage } from '../core/detectors/language';
import { shippedFile } from './shipped-file';

export type ForeignTest = (text: string) => boolean;

/**
 * Whether a text reads as another language than English, judged as a tab judges it before acting on a topic by
 * meaning (the detectors' language profile, models/detectors.json, the file the tabs read). Read on first use,
 * once per background lifetime; null when the file cannot be read (the caller then treats every text as English).
 */
export const foreignText: () => Promise<ForeignTest | null> = shippedFile(
  '/models/detectors.json',
  async (res) => {
    const { language } = buildDetectorRules(readDetectors(checkDetectors(await res.json())));
    return (text: string) => readsAsOtherLanguage(text, language);
  },
  'topic previews read every title as English',
);
