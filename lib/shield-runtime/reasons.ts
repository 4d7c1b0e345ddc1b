import type { Reason } from '../schema/decision';
export { describeReason, explainDecision, mainReason, MANIPULATION, quotedEvidence } from '../core/reason-words';

/** The rule code an "always allow this rule" exception names (see reasonKeys in lib/core/shield). */
export function ruleCodeOf(reason: Reason | undefined): string {
  if (!reason) return '';
  // A policy (ads, clickbait...) is switched off by its kind; a rule or topic by its code and what it names.
  if (reason.kind) return reason.kind;
  return reason.detail ? `${reason.code}:${reason.detail}`.slice(0, 200) : reason.code;
}
