import { queryDecisions, type Store } from '../db';
import type { MeaningModel } from '../core/meaning/model';
import type { TopicExpansion } from '../core/meaning/types';
import { previewTopic, type TopicPreview } from '../core/topic-preview';
import { meaningModel } from './meaning';
import { foreignText, type ForeignTest } from './text-language';

/** How far back the preview looks: the newest log rows, enough for a few days of feeds and quick to read. */
export const PREVIEW_RECENT_ROWS = 2_000;
/** Expansions kept between keystrokes: the UI asks again for the same label as the user drops words. */
const CACHE_SIZE = 16;

export interface TopicPreviewRequest {
  label: string;
  kind: 'avoid' | 'interest';
  exclude: string[];
  keywords: string[];
}

/**
 * The handler behind 'topics/preview': the typed topic expanded by the meaning model (held by the background,
 * never loaded by the popup), tried on the items of the user's own recent feed. Without the model the preview
 * shows what the literal words catch, which is what the tabs then do too.
 */
export function createTopicPreview(
  store: Store,
  model: () => Promise<MeaningModel | null> = meaningModel,
  foreign: () => Promise<ForeignTest | null> = foreignText,
) {
  const cache = new Map<string, TopicExpansion>();
  const expand = (m: MeaningModel, req: TopicPreviewRequest): TopicExpansion => {
    const key = JSON.stringify([req.label.toLowerCase(), [...req.exclude].sort(), [...req.keywords].sort()]);
    let e = cache.get(key);
    if (!e) {
      e = m.expandTopic(req.label, { exclude: req.exclude, keywords: req.keywords });
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    } else cache.delete(key);
    cache.set(key, e);
    return e;
  };

  return async (req: TopicPreviewRequest): Promise<TopicPreview> => {
    const [m, rows] = await Promise.all([model().catch(() => null), queryDecisions(store, { limit: PREVIEW_RECENT_ROWS })]);
    const expansion = m ? expand(m, req) : null;
    const isForeign = expansion?.known ? ((await foreign().catch(() => null)) ?? undefined) : undefined;
    return previewTopic({ label: req.label, keywords: req.keywords, expansion, recent: rows, isForeign });
  };
}
