import { browser } from 'wxt/browser';
import { buildDetectorRules, detectLanguage } from '../core/detectors';
import { readDetectors } from '../core/detectors/data-file';

export type ForeignTest = (text: string) => boolean;

let loading: Promise<ForeignTest | null> | null = null;

/**
 * Whether a text reads as another language than English, judged as a tab judges it before acting on a topic by
 * meaning (the detectors' language profile, models/detectors.json, the file the tabs read). Read on first use,
 * once per background lifetime; null when the file cannot be read (the caller then treats every text as English).
 */
export function foreignText(): Promise<ForeignTest | null> {
  loading ??= (async () => {
    try {
      const res = await fetch(browser.runtime.getURL('/models/detectors.json' as '/'));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const { language } = buildDetectorRules(readDetectors(await res.json()));
      return (text: string) => {
        const lang = detectLanguage(text, language);
        return lang !== 'en' && lang !== 'und';
      };
    } catch (e) {
      console.warn('Parapet: the language profile could not be read; topic previews read every title as English', e);
      loading = null;
      return null;
    }
  })();
  return loading;
}
