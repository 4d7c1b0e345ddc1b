import type { Reason } from '../../schema/decision';
import type { FeedItem } from '../../schema/item';
import { quoteClickbait } from '../detectors';
import type { CompiledProfile } from './types';

/** A reason of the shipped headline model whose words are still to be quoted (see quoteClickbait). */
const unquoted = (r: Reason) => r.kind === 'clickbait' && r.source === 'classifier' && r.evidence.length === 0;

/**
 * The decision's reasons with the headline model's words quoted in its clickbait reason. decide() leaves them out:
 * nothing on the page shows them, and quoting costs as much as scoring. The runtime calls this when it writes the
 * decision to the log, after the items are painted. Returns `reasons` itself when there is nothing to quote.
 */
export function quoteEvidence(c: CompiledProfile, item: FeedItem, reasons: readonly Reason[]): readonly Reason[] {
  const model = c.clickbait;
  if (!model || !reasons.some(unquoted)) return reasons;
  let words: string[] | undefined;
  return reasons.map((r) => (unquoted(r) ? { ...r, evidence: (words ??= quoteClickbait(model, item)) } : r));
}
