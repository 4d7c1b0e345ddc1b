import type { Reason } from '../../schema/decision';
import type { FeedItem } from '../../schema/item';
import { quoteClickbait, quoteLearned } from '../detectors';
import type { CompiledProfile } from './types';

/** A reason of the shipped headline model whose words are still to be quoted (see quoteClickbait). */
const unquotedHeadline = (r: Reason) => r.kind === 'clickbait' && r.source === 'classifier' && r.evidence.length === 0;
/** A reason of a learned detector whose words are still to be quoted (see quoteLearned). */
const unquotedLearned = (r: Reason) => r.evidence.length === 0 && r.kind !== undefined && r.code === `${r.kind}-learned`;

/**
 * The decision's reasons with the models' words quoted: the headline model's in its clickbait reason, a learned
 * detector's in its reason. decide() leaves them out: nothing on the page shows them, and quoting costs as much as
 * scoring. The runtime calls this when it writes the decision to the log or the person asks why, after the items
 * are painted. Returns `reasons` itself when there is nothing to quote.
 */
export function quoteEvidence(c: CompiledProfile, item: FeedItem, reasons: readonly Reason[]): readonly Reason[] {
  const { clickbait, learned } = c;
  const quotes = (r: Reason) => (clickbait !== undefined && unquotedHeadline(r)) || (learned !== undefined && unquotedLearned(r));
  if (!reasons.some(quotes)) return reasons;
  return reasons.map((r) =>
    !quotes(r) ? r : { ...r, evidence: unquotedHeadline(r) ? quoteClickbait(clickbait!, item) : quoteLearned(learned!, r.kind!, item) },
  );
}
