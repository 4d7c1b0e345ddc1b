import type { Reason } from '../../schema/decision';
import type { FeedItem } from '../../schema/item';
import { quoteClickbait, quoteLearned } from '../detectors';
import type { CompiledProfile } from './types';

/**
 * The decision's reasons with the models' words quoted: the headline model's in its clickbait reason, a learned
 * detector's in its `<kind>-learned` reason. decide() leaves them out: nothing on the page shows them, and quoting
 * costs as much as scoring. The runtime calls this when it writes the decision to the log or the person asks why,
 * after the items are painted. Returns `reasons` itself when there is nothing to quote.
 */
export function quoteEvidence(c: CompiledProfile, item: FeedItem, reasons: readonly Reason[]): readonly Reason[] {
  let out: Reason[] | undefined;
  reasons.forEach((r, i) => {
    if (r.evidence.length > 0 || !r.kind) return;
    const words =
      r.kind === 'clickbait' && r.source === 'classifier'
        ? c.clickbait && quoteClickbait(c.clickbait, item)
        : r.code === `${r.kind}-learned` && c.learned && quoteLearned(c.learned, r.kind, item);
    if (words) (out ??= [...reasons])[i] = { ...r, evidence: words };
  });
  return out ?? reasons;
}
