import { CHAT_SITES, FEED_PLATFORMS, label as labelSchema, type FeedPlatform, type Site } from '@/lib/schema/common';
import { NaturalRule, type AvoidTopic, type Instruction, type Interest, type KindPolicy, type PolicyKind, type Profile, type Rule } from '@/lib/schema/profile';

/** Pure profile edits shared by the popup and the dashboard. Each returns a new profile and never mutates. */

export type Checked = { ok: true; value: string } | { ok: false; error: string };

/** A stable, schema-valid id (`[A-Za-z0-9_-]{1,64}`) derived from the text, unique among `taken`. */
export function makeId(text: string, taken: Iterable<string>, prefix = ''): string {
  const used = new Set(taken);
  const base =
    (prefix ? `${prefix}-` : '') +
    (text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item');
  let candidate = base.slice(0, 64);
  for (let n = 2; used.has(candidate); n++) candidate = `${base.slice(0, 58)}-${n}`;
  return candidate;
}

/** Checks a new chip label the way the schema will, and refuses a duplicate (case-insensitive). */
export function checkLabel(text: string, existing: readonly string[], noun = 'list'): Checked {
  const parsed = labelSchema.safeParse(text);
  if (!parsed.success) return { ok: false, error: `This ${parsed.error.issues[0]?.message ?? 'is not valid'}` };
  const value = parsed.data;
  if (existing.some((e) => e.toLocaleLowerCase() === value.toLocaleLowerCase())) {
    return { ok: false, error: `“${value}” is already in your ${noun}` };
  }
  return { ok: true, value };
}

/** `exclude`: related words the user dropped while typing the topic (see components/topics). */
export function addInterest(p: Profile, text: string, weight = 0.7, exclude: readonly string[] = []): Profile {
  const interest: Interest = { id: makeId(text, p.interests.map((i) => i.id)), label: text, weight, keywords: [], exclude: [...exclude] };
  return { ...p, interests: [...p.interests, interest] };
}

export function removeInterest(p: Profile, id: string): Profile {
  return { ...p, interests: p.interests.filter((i) => i.id !== id) };
}

export function updateInterest(p: Profile, id: string, patch: Partial<Omit<Interest, 'id'>>): Profile {
  return { ...p, interests: p.interests.map((i) => (i.id === id ? { ...i, ...patch } : i)) };
}

export function addAvoidTopic(p: Profile, text: string, exclude: readonly string[] = []): Profile {
  const topic: AvoidTopic = { id: makeId(text, p.avoidTopics.map((t) => t.id)), label: text, keywords: [], exclude: [...exclude] };
  return { ...p, avoidTopics: [...p.avoidTopics, topic] };
}

export function removeAvoidTopic(p: Profile, id: string): Profile {
  return { ...p, avoidTopics: p.avoidTopics.filter((t) => t.id !== id) };
}

export function updateAvoidTopic(p: Profile, id: string, patch: Partial<Omit<AvoidTopic, 'id'>>): Profile {
  return { ...p, avoidTopics: p.avoidTopics.map((t) => (t.id === id ? { ...t, ...patch } : t)) };
}

export function setSite(p: Profile, site: Site, on: boolean): Profile {
  return { ...p, sites: { ...p.sites, [site]: on } };
}

export function setPaused(p: Profile, paused: boolean): Profile {
  return { ...p, paused };
}

export function addInstruction(p: Profile, text: string): Profile {
  const instruction: Instruction = {
    id: makeId(text, p.instructions.map((i) => i.id), 'ins'),
    text,
    enabled: true,
    sites: [...CHAT_SITES],
    scope: { type: 'auto' },
  };
  return { ...p, instructions: [...p.instructions, instruction] };
}

export function newRule(p: Profile, kind: Rule['kind'] = 'keyword'): Rule {
  return { id: makeId('rule', p.rules.map((r) => r.id)), kind, pattern: '', action: 'hide', platforms: [], enabled: true };
}

/** The compile error of a regex rule exactly as the background will meet it (flags `iu`), or null. */
export function regexError(pattern: string): string | null {
  if (!pattern) return null;
  try {
    new RegExp(pattern, 'iu');
    return null;
  } catch (e) {
    // V8 says "Invalid regular expression: /pattern/iu: reason"; the reason is what helps.
    return (e as Error).message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '');
  }
}

export function addBlockedAuthor(p: Profile, platform: FeedPlatform, name: string): Profile {
  return { ...p, blockedAuthors: [...p.blockedAuthors, { platform, name }] };
}

export function removeBlockedAuthor(p: Profile, platform: FeedPlatform, name: string): Profile {
  return { ...p, blockedAuthors: p.blockedAuthors.filter((a) => !(a.platform === platform && a.name === name)) };
}

export function addRule(p: Profile, kind: Rule['kind'] = 'keyword'): Profile {
  return { ...p, rules: [...p.rules, newRule(p, kind)] };
}

export function updateRule(p: Profile, id: string, patch: Partial<Omit<Rule, 'id'>>): Profile {
  return { ...p, rules: p.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

export function removeRule(p: Profile, id: string): Profile {
  return { ...p, rules: p.rules.filter((r) => r.id !== id) };
}

/** Flips one platform in a rule's list; an empty list means every platform, so unticking the last one
 * is refused rather than silently widening the rule. */
export function toggleRulePlatform(rule: Rule, platform: FeedPlatform): FeedPlatform[] {
  const all = rule.platforms.length === 0 ? [...FEED_PLATFORMS] : rule.platforms;
  const next = all.includes(platform) ? all.filter((x) => x !== platform) : [...all, platform];
  if (next.length === 0) return all;
  return next.length === FEED_PLATFORMS.length ? [] : FEED_PLATFORMS.filter((x) => next.includes(x));
}

export function setPolicy(p: Profile, kind: PolicyKind, patch: Partial<KindPolicy>): Profile {
  return { ...p, policies: { ...p.policies, [kind]: { ...p.policies[kind], ...patch } } };
}

export function setDisplay(p: Profile, patch: Partial<Profile['display']>): Profile {
  return { ...p, display: { ...p.display, ...patch } };
}

/** Checks a rule in words the way the schema will, and refuses one already there (case-insensitive). */
export function checkNaturalRule(text: string, existing: readonly string[]): Checked {
  const parsed = NaturalRule.shape.text.safeParse(text.trim());
  if (!parsed.success) return { ok: false, error: `This rule ${parsed.error.issues[0]?.message ?? 'is not valid'}` };
  if (existing.some((e) => e.toLocaleLowerCase() === parsed.data.toLocaleLowerCase())) return { ok: false, error: 'You have this rule already' };
  return { ok: true, value: parsed.data };
}

export function addNaturalRule(p: Profile, text: string): Profile {
  const rule: NaturalRule = { id: makeId(text, p.naturalRules.map((r) => r.id), 'nl'), text, enabled: true };
  return { ...p, naturalRules: [...p.naturalRules, rule] };
}

export function updateNaturalRule(p: Profile, id: string, patch: Partial<Omit<NaturalRule, 'id'>>): Profile {
  return { ...p, naturalRules: p.naturalRules.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

export function removeNaturalRule(p: Profile, id: string): Profile {
  return { ...p, naturalRules: p.naturalRules.filter((r) => r.id !== id) };
}
