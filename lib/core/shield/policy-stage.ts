import type { KindPolicy, PolicyKind, Profile } from '../../schema/profile';
import type { PolicyStage } from './types';

/** The clickbait model as the detectors take it (lib/core/clickbait). */
export type ClickbaitModel = unknown;

/** The shipped detectors with the profile's policies applied. */
export function defaultPolicyStage(
  _profile: Profile,
  _opts: { clickbait?: ClickbaitModel; policies: Record<PolicyKind, KindPolicy> },
): PolicyStage | null {
  return null;
}
