import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { regexRisk } from '@/lib/core/shield/regex-risk';
import { withRunnableRules } from '@/lib/schema/rule-risk';
import { Rule, defaultProfile, type Profile } from '@/lib/schema/profile';
import { buildExport } from '@/lib/schema/export';
import { dispatch } from '@/lib/messaging';
import { createHandlers } from '@/lib/background/handlers';
import { openStore } from '@/lib/db';
import type { WithPrepared } from '../../lib/core/shield/prepared';

// Issue 25, finding 7: one shared rule could hang every tab it reached. JavaScript cannot stop a running regex, so a
// pattern that could take that long is refused when it is saved or imported, and never run.

/** Each of these froze a tab for seconds (or forever) on some text of at most 1,000 characters. */
const FREEZING = [
  '(a+)+$',
  '(a|a)+$',
  '(a|aa)+$',
  '(?:a|a)*b',
  '(a|a?)+b',
  '(x|xx|xxx)+y',
  '(a{1,99}){1,99}$',
  'a*a*a*a*b',
  '[a-z]+[a-z]+[a-z]+[a-z]+[a-z]+x',
  '(\\w+\\s?)*$',
  // No quantifier on a repeated group, still exponential: 2^30 ways to match thirty a's.
  '(?:a|a){30}x',
  `${'a?'.repeat(30)}${'a'.repeat(30)}X`,
  // Cubic on 1,000 characters: a second or more.
  '.*foo.*bar',
];

/** Rules people write: keywords with boundaries, alternatives, optional letters, one wildcard, lookbehind. */
const ORDINARY = [
  '\\bcrypto\\b',
  'giveaway|airdrop',
  '^breaking:',
  "\\b(you won'?t believe|shocking)\\b",
  '\\d+ (reasons|things)',
  '\\w+ \\w+ (?:gone wrong)',
  'best .* ever',
  'colou?r',
  '(?<!not )spoiler',
  '(?<=\\$)\\d+',
  '(?<w>\\w+) \\k<w>',
  '\\b(?:free|cheap)\\b.{0,20}\\bnow\\b',
  '[A-Z]{5,}',
  '!!+',
  '\\s+$',
  '[a-z]+x',
  '(free|win) (iphone|prize)',
  '\\b(?:crypto|bitcoin|nft)s?\\b',
  '(?:\\p{Emoji}\\s*){3,}',
  '🔥+',
  '\\S+\\s\\S+',
];

/** Texts a hostile page can title its items with, at the 1,000 characters a rule sees. */
const HOSTILE_TEXTS = ['a', 'a ', 'ab', 'foo', 'x', '1 ', '🔥 ', '!', '$1', 'A'].flatMap((unit) => {
  const long = unit.repeat(Math.ceil(1000 / unit.length)).slice(0, 999);
  return [long, `${long}!`];
});

describe('regex rules that could freeze a page', () => {
  it.each(FREEZING)('refuses %s, saying why in words', (pattern) => {
    expect(regexRisk(pattern)).toMatch(/could freeze the page on some text/);
  });

  it.each(ORDINARY)('accepts %s, and it runs fast on every hostile text', (pattern) => {
    expect(regexRisk(pattern)).toBeNull();
    const re = new RegExp(pattern, 'iu');
    const started = performance.now();
    for (const text of HOSTILE_TEXTS) re.test(text);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('never sends a tab a repeated repeat, not even one it lets through (tabs never ran those either)', () => {
    const patterns = ['(a+)+$', '((ab)*c)+d', '(?:x*y?){2,}z', '(?<!not )spoiler', '(ab){1,3}c+', '[a+]+b', '(\\d{2})+x'];
    expect(regexRisk('((ab)*c)+d')).toBeNull();
    const rules = patterns.map((pattern, i) => ({ id: `r${i}`, kind: 'regex', pattern }));
    expect(withRunnableRules({ rules }).rules.map((r) => r.pattern)).toEqual(['(?<!not )spoiler', '(ab){1,3}c+', '[a+]+b', '(\\d{2})+x']);
  });
});

describe('the rule schema', () => {
  const rule = (kind: 'regex' | 'keyword', pattern: string) => Rule.safeParse({ id: 'r', kind, pattern, action: 'hide' });

  it('accepts lookbehind and named groups: their < is regex syntax, not markup', () => {
    for (const pattern of ['(?<!not )spoiler', '(?<=\\$)\\d+', '(?<w>\\w+) \\k<w>']) expect(rule('regex', pattern).success, pattern).toBe(true);
  });

  it('still refuses markup in a keyword, and a tag inside a regex', () => {
    expect(rule('keyword', '<script>alert(1)</script>').success).toBe(false);
    expect(rule('regex', '(?<!not )<img src=x onerror=alert(1)>').success).toBe(false);
  });
});

describe('saving and importing a profile with a freezing rule', () => {
  const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
  const fromDashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html', tab: { id: 4 } };
  const setup = () =>
    createHandlers({
      store: openStore(`risk-${Math.random()}`),
      broadcastProfile: vi.fn(),
      tabStats: { get: async () => null, set: async () => {} },
      selectInstructions: () => [],
      now: () => 1000,
    });
  const withRules = (patterns: string[]): Profile => ({
    ...defaultProfile(1),
    rules: patterns.map((pattern, i) => ({ id: `r${i}`, kind: 'regex', pattern, action: 'hide', platforms: [], enabled: true })),
  });

  it('refuses the import, naming the rule and its pattern, and keeps the profile as it was', async () => {
    const handlers = setup();
    const text = JSON.stringify(buildExport(withRules(['\\bcrypto\\b', '(a|a)+$']), undefined, 1));
    const r = await dispatch(handlers, { type: 'data/import', payload: { text, byteLength: text.length } }, fromDashboard, self);
    expect(r).toEqual({
      ok: true,
      value: { ok: false, errors: [expect.stringMatching(/^profile\.rules\[1\]\.pattern "\(a\|a\)\+\$" could freeze the page on some text/)] },
    });
    const p = await dispatch(handlers, { type: 'profile/get', payload: {} }, fromDashboard, self);
    expect(p.ok && (p.value as Profile).rules).toEqual([]);
  });

  it('never sends a tab a freezing rule stored before the check; the dashboard still sees it, to fix it', async () => {
    const store = openStore(`risk-${Math.random()}`);
    const handlers = createHandlers({
      store,
      broadcastProfile: vi.fn(),
      tabStats: { get: async () => null, set: async () => {} },
      selectInstructions: () => [],
      now: () => 1000,
    });
    await store.db.profile.put({ key: 'current', data: withRules(['\\bcrypto\\b', '(a|a)+$']) });
    const fromTab = { id: 'ext-id', url: 'https://www.reddit.com/', tab: { id: 3, url: 'https://www.reddit.com/' } };
    const tab = await dispatch(handlers, { type: 'profile/get', payload: {} }, fromTab, self);
    // A tab receives its rules built into its look-ups (lib/core/shield/prepared.ts).
    const sent = tab.ok ? (tab.value as Profile & WithPrepared) : null;
    expect(sent?.rules).toEqual([]);
    expect(sent?.prepared?.rules.map(([, , pattern]) => pattern)).toEqual(['\\bcrypto\\b']);
    expect(sent?.prepared?.matcher.regexes.map(([source]) => source)).toEqual(['\\bcrypto\\b']);
    const dashboard = await dispatch(handlers, { type: 'profile/get', payload: {} }, fromDashboard, self);
    expect(dashboard.ok && (dashboard.value as Profile).rules.map((r) => r.pattern)).toEqual(['\\bcrypto\\b', '(a|a)+$']);
  });

  it('refuses the save the same way, and accepts the profile once the rule is fixed', async () => {
    const handlers = setup();
    const bad = await dispatch(handlers, { type: 'profile/save', payload: { profile: withRules(['a*a*a*a*b']) } }, fromDashboard, self);
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^profile\.rules\[0\]\.pattern "a\*a\*a\*a\*b" could freeze the page/) });
    const good = await dispatch(handlers, { type: 'profile/save', payload: { profile: withRules(['a*b', '(?<!not )spoiler']) } }, fromDashboard, self);
    expect(good.ok).toBe(true);
  });
});
