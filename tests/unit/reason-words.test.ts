import { describe, expect, it } from 'vitest';
import { describeReason, explainDecision, readableRule } from '@/lib/core/reason-words';
import type { Reason } from '@/lib/schema/decision';

const rule = (code: string, detail: string): Reason => ({ code, detail, source: 'rule', evidence: [] });

describe('a rule is named in words, never as its raw pattern', () => {
  it('reads a regular expression out as the words it matches', () => {
    expect(readableRule("you won('|’)?t believe", 'regex')).toBe('“you won\'t believe”');
    expect(readableRule('\\bshocking\\b|jaw[- ]?dropping', 'regex')).toBe('“shocking” or “jaw-dropping”');
    expect(readableRule('^top \\d+ (?:reasons|ways)', 'regex')).toBe('“top # reasons”');
    expect(readableRule('colou?r grading.*tips', 'regex')).toBe('“colour grading…tips”');
    expect(readableRule('(?<!not )free gift', 'regex')).toBe('“free gift”');
    expect(readableRule('spoilers', 'keyword')).toBe('“spoilers”');
  });

  it('the why frame and the Activity log say "Your rule: “you won\'t believe”"', () => {
    expect(describeReason(rule('regex-rule', "you won('|’)?t believe"))).toBe('Your rule: “you won\'t believe”');
    expect(describeReason(rule('keyword-rule', 'spoilers'))).toBe('Your rule: “spoilers”');
    const d = { platform: 'youtube' as const, itemId: 'v1', action: 'hide' as const, reasons: [rule('regex-rule', 'you won.t believe')], score: 0.5, uncertain: false };
    expect(explainDecision(d).title).toBe('Hidden by Parapet: Your rule: “you won…t believe”');
  });

  it('a pattern of syntax alone still reads as words', () => {
    expect(readableRule('^.*$', 'regex')).toBe('“…”');
    expect(readableRule('()', 'regex')).toBe('a pattern you wrote');
  });
});

describe('a flag says which of the item\'s words made it', () => {
  const rage: Reason = {
    code: 'rage-learned',
    kind: 'rage',
    detail: 'Written to set you against a group, in the way angry us-versus-them posts are',
    source: 'rule',
    evidence: ['zero shame', 'zero humanity'],
  };

  it('the why frame and the Activity log quote them before the explanation, so a clipped line still shows them', () => {
    const line = describeReason(rage);
    expect(line.startsWith('Rage bait (“zero shame”, “zero humanity”): Written to set you against')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(80);
    const d = { platform: 'x' as const, itemId: 'p1', action: 'label' as const, reasons: [rage], score: 0.7, uncertain: false };
    expect(explainDecision(d)).toEqual({ title: 'Rage bait', lines: [line] });
  });

  it('a flag with no words quoted reads as before', () => {
    expect(describeReason({ ...rage, evidence: [] })).toMatch(/^Rage bait: Written to set you against/);
  });
});
