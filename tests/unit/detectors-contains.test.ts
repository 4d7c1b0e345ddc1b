// Regex rules gated by a `contains` string: a handful are looked for with indexOf, many with one automaton built for
// them (RuleEngine). Either way an item's text brings up the same rules.
import { describe, expect, it } from 'vitest';
import { buildRuleEngine } from '@/lib/core/detectors/rule-index';
import { makeContext, type PatternRule } from '@/lib/core/detectors/rules';

const rule = (n: number): PatternRule => ({ code: `c${n}`, weight: 0.5, re: new RegExp(`utm_${n}x\\b`), contains: [`utm_${n}x`] });

function codes(rules: number, text: string): string[] {
  const engine = buildRuleEngine({ rage: Array.from({ length: rules }, (_, i) => rule(i)), engagement: [], urgency: [], promotion: [] });
  return [...engine.match(makeContext(text)).values()].flat().map((h) => h.rule.code).sort();
}

describe('rules gated by what the text contains', () => {
  it('finds the same rules with a handful of strings as with more than indexOf serves', () => {
    const text = 'see example.com/?utm_2x and ?utm_20x, not utm_3';
    expect(codes(4, text)).toEqual(['c2']);
    expect(codes(24, text)).toEqual(['c2', 'c20']);
    expect(codes(24, 'nothing here')).toEqual([]);
  });
});
