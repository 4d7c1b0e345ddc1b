import type { FeedItem } from '../../schema/item';
import type { KindPolicy, PolicyKind, Profile } from '../../schema/profile';
import type { ClickbaitModel } from '../clickbait/model';
import { detectAll, type DetectorRules } from '../detectors';
import { applyPolicies, compileExceptions } from '../manipulation';
import type { PolicyStage } from './types';

export type { ClickbaitModel, DetectorRules };

/** The shipped detectors with the profile's policies and the user's verdicts applied. Without `detectors` only
 * the site's own ad markers and the clickbait model are looked at. */
export function defaultPolicyStage(
  profile: Profile,
  opts: { clickbait?: ClickbaitModel; detectors?: DetectorRules; policies: Record<PolicyKind, KindPolicy> },
): PolicyStage {
  const listed = (profile.exceptions ?? []).filter((e) => e && typeof e === 'object');
  // Most profiles have none: nothing is indexed, and compileExceptions is never compiled in a tab (issue 24).
  const exceptions = listed.length ? compileExceptions(listed) : null;
  // A kind whose policy is off never acts nor makes a decision uncertain (applyPolicies skips it): with
  // clickbait off, the model need not run at all.
  const detectOpts = { clickbait: opts.policies.clickbait?.action === 'off' ? undefined : opts.clickbait, rules: opts.detectors };
  return (item) => {
    const safe = wellFormed(item);
    return applyPolicies(safe, detectAll(safe, detectOpts), opts.policies, exceptions);
  };
}

/** The detectors expect a parsed FeedItem; an adapter's raw object with a missing or odd field is mended here. */
function wellFormed(item: FeedItem): FeedItem {
  if (
    typeof item.title === 'string' &&
    typeof item.text === 'string' &&
    typeof item.url === 'string' &&
    typeof item.author === 'string' &&
    typeof item.domain === 'string' &&
    Array.isArray(item.promotedMarkers)
  ) {
    return item;
  }
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    ...item,
    title: s(item.title),
    text: s(item.text),
    url: s(item.url),
    author: s(item.author),
    domain: s(item.domain),
    promotedMarkers: Array.isArray(item.promotedMarkers) ? item.promotedMarkers.filter((m) => typeof m === 'string') : [],
    promoted: item.promoted === true,
  };
}
