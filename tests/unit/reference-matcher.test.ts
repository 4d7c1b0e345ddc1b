// The fast TextMatcher against the obvious one (tests/reference/matcher.ts): the same targets match every item,
// and each piece of text it quotes is one that matched. On the bench's profile and items, and on odd text.
import { describe, expect, it } from 'vitest';
import type { TextMatcher } from '@/lib/core/shield/matcher';
import { MatcherBuilder } from '@/lib/core/shield/matcher-builder';
import type { FeedItem } from '@/lib/schema/item';
import type { Profile } from '@/lib/schema/profile';
import { buildItems, buildLargeProfile, readHeadlines } from '../../scripts/bench-core';
import { ReferenceMatcher } from '../reference/matcher';
import { oddKeywords, oddTexts } from '../reference/odd-text';

function both(add: (m: Pick<MatcherBuilder, 'addKeyword' | 'addRegex'>, r: ReferenceMatcher) => void) {
  const builder = new MatcherBuilder();
  const ref = new ReferenceMatcher();
  add(builder, ref);
  return { fast: builder.build(), ref };
}

/** The targets and quotes where the two differ on these items, as readable lines (none when they agree). */
function disagreements(fast: TextMatcher, ref: ReferenceMatcher, items: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  for (const fields of items) {
    const got = new Map<number, string>();
    fast.match(fields, (target, evidence) => got.set(target, evidence));
    const want = ref.match(fields);
    const targets = new Set([...got.keys(), ...want.keys()]);
    for (const t of targets) {
      const quote = got.get(t);
      const ok = quote !== undefined && want.get(t)?.has(quote);
      if (!ok) out.push(`${JSON.stringify(fields)}: target ${t}: fast ${JSON.stringify(quote)}, reference ${JSON.stringify([...(want.get(t) ?? [])])}`);
    }
  }
  return out;
}

/** Every keyword and regex of a profile, numbered as they come. */
function addProfile(p: Profile, m: Pick<MatcherBuilder, 'addKeyword' | 'addRegex'>): void {
  let target = 0;
  for (const r of p.rules) (r.kind === 'regex' ? m.addRegex(r.pattern, target++) : m.addKeyword(r.pattern, target++));
  for (const i of p.interests) for (const k of [i.label, ...i.keywords]) m.addKeyword(k, target++);
  for (const a of p.avoidTopics) for (const k of [a.label, ...a.keywords]) m.addKeyword(k, target++);
}

const fieldsOf = (it: FeedItem) => [it.title, it.text, it.author];

describe('the fast matcher agrees with the reference', () => {
  it("on the bench's large profile and its items", () => {
    const headlines = readHeadlines();
    const profile = buildLargeProfile(headlines);
    const items = buildItems(headlines, profile, 3000).map(fieldsOf);
    const { fast, ref } = both((f, r) => (addProfile(profile, f), addProfile(profile, r)));
    let matched = 0;
    for (const fields of items) fast.match(fields, () => matched++);
    expect(matched).toBeGreaterThan(300);
    expect(disagreements(fast, ref, items)).toEqual([]);
  });

  it('on odd text: accents two ways, invisible characters, other scripts, emoji, punctuation', () => {
    const keywords = oddKeywords(7, 120);
    const regexes = ['\\bc\\+\\+', '^[a-z]+\\s', '!{2,}', "don['’]t", 'caf[eé]', '\\d+\\.\\d+', '東京', '\\bstor(?:y|ies)\\b', '(?<w>ß)'];
    const texts = oddTexts(11, 3000);
    const items = texts.map((t, i) => [t, i % 3 === 0 ? texts[(i * 7) % texts.length] : '', i % 5 === 0 ? 'İstanbul ſ' : 'someone']);
    const { fast, ref } = both((f, r) => {
      keywords.forEach((k, i) => (f.addKeyword(k, i), r.addKeyword(k, i)));
      regexes.forEach((x, i) => (f.addRegex(x, 1000 + i), r.addRegex(x, 1000 + i)));
    });
    const kinds = new Set<number>();
    for (const fields of items) fast.match(fields, (t) => kinds.add(t));
    // Most keywords and every regex match somewhere, so agreement is not agreement on nothing.
    expect(kinds.size).toBeGreaterThan(80);
    expect(disagreements(fast, ref, items)).toEqual([]);
  });
});
