import type { Action, Decision, Reason } from '../schema/decision';
import { REASON_DETAIL_MAX } from '../schema/constants';
import type { FeedItem } from '../schema/item';
import type { NaturalRule, Profile } from '../schema/profile';
import type { ParsedVerdict } from './output';
import type { ManipulationKind } from '../schema/profile';
import { ItemExceptions, compileUserExceptions, type UserExceptions } from '../core/shield/exceptions';
import { foldAuthor } from '../core/shield/text';

/** How far one verdict may move an item's relevance from the fast tier's score. A model that is fooled, or a
 * title that talks to it, can shift this one item by at most this much. */
export const SCORE_BOUND = 0.3;

const SEVERITY: Record<Action, number> = { show: 0, boost: 0, label: 1, demote: 2, hide: 3 };
const stronger = (a: Action, b: Action): Action => (SEVERITY[b] > SEVERITY[a] ? b : a);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const judgedBy = (modelLabel: string) => `judged by ${modelLabel}`;

const compiledExceptions = new WeakMap<Profile, UserExceptions>();

/** The same exceptions the fast tier honours (author, author and kind, this very item, a whole rule), so a
 * model cannot label again what the person said was fine. */
function excepted(profile: Profile, item: FeedItem, kind: ManipulationKind): boolean {
  let index = compiledExceptions.get(profile);
  if (!index) compiledExceptions.set(profile, (index = compileUserExceptions(profile.exceptions)));
  return ItemExceptions.lookup(index, item.platform, foldAuthor(item.author), item.title).excuses({ code: kind, kind, detail: '', source: 'model', evidence: [] });
}

/** Folds one model verdict into the fast decision. The model may move the score within the bound and may
 * label or demote for manipulation (never more than demote, whatever the profile's policy says, since a small
 * model's judgement of manipulation is not sure enough to hide on); it hides only when it matched one of the
 * person's own natural-language rules, and then says which. It never removes what the fast tier decided. */
export function applyVerdict(
  fast: Decision,
  item: FeedItem,
  verdict: ParsedVerdict,
  profile: Profile,
  rules: Map<string, NaturalRule>,
  modelLabel: string,
): Decision {
  const by = judgedBy(modelLabel);
  const score = clamp(clamp(verdict.relevance, fast.score - SCORE_BOUND, fast.score + SCORE_BOUND), 0, 1);
  let action: Action = fast.action;
  const added: Reason[] = [];
  const why = verdict.reason ? `: ${verdict.reason}` : '';
  for (const kind of verdict.kinds) {
    const policy = profile.policies[kind];
    if (!policy || policy.action === 'off' || excepted(profile, item, kind)) continue;
    const act: Action = policy.action === 'label' ? 'label' : 'demote';
    action = stronger(action, act);
    added.push({ code: kind, kind, source: 'model', detail: `${by}${why}`.slice(0, REASON_DETAIL_MAX), evidence: [] });
  }
  const rule = verdict.rule ? rules.get(verdict.rule) : undefined;
  if (rule) {
    action = 'hide';
    added.push({ code: 'natural-rule', source: 'model', detail: `${by}: ${rule.text}`.slice(0, REASON_DETAIL_MAX), evidence: [] });
  }
  if (!added.length) {
    added.push({ code: 'model-relevance', source: 'model', detail: `${by}: relevance ${score.toFixed(2)}${why}`.slice(0, 300), confidence: score, evidence: [] });
  }
  // Fast reasons first: the model's never push out the ones that explain a hide.
  const reasons = [...fast.reasons, ...added].slice(0, 20);
  return { ...fast, action, score, reasons, uncertain: false, judgedBy: modelLabel.slice(0, 120) };
}

/** The fast decision, marked so the person can see the model was asked and did not answer. */
export function notJudged(fast: Decision, note: string): Decision {
  const reason: Reason = { code: 'not-judged', source: 'model', detail: `not judged: ${note}`.slice(0, 300), evidence: [] };
  return { ...fast, reasons: [...fast.reasons.filter((r) => r.code !== 'not-judged'), reason].slice(0, 20) };
}
