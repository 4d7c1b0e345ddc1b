import { describe, expect, it } from 'vitest';
import { addNaturalRule, checkNaturalRule, removeNaturalRule, updateNaturalRule } from '@/components/profile-edit';
import { applyVerdict } from '@/lib/judge/apply';
import { parseModelOutput } from '@/lib/judge/output';
import { buildPrompt, naturalRuleIds } from '@/lib/judge/prompt';
import { Profile } from '@/lib/schema/profile';
import { ScriptedEngine, itemsInPrompt } from '../doubles/scripted-engine';
import { fast, item, profile } from '../doubles/judge-fixtures';

// A rule typed in the Profile view's "Rules in your own words" reaches the local model's prompt, and the model's
// answer naming it hides the item with the rule's own words as the reason (the scripted engine stands in for it).
describe('rules in your own words, from the editor to the judge', () => {
  it('an added rule is in the prompt and hides what the model says breaks it; a switched-off one is not asked about', async () => {
    let p = addNaturalRule(profile({ naturalRules: [] }), 'No videos that just react to other videos');
    p = addNaturalRule(p, 'Nothing about celebrity breakups');
    p = updateNaturalRule(p, p.naturalRules[1].id, { enabled: false });
    expect(Profile.safeParse(p).success).toBe(true);

    const items = [item('a', 'REACTING to the worst music video ever'), item('b', 'How sourdough starters work')];
    const prompt = buildPrompt(p, items, []);
    expect(prompt.system).toMatch(/r1: No videos that just react to other videos/);
    expect(prompt.system).not.toMatch(/celebrity breakups/);

    const engine = new ScriptedEngine((req) =>
      JSON.stringify({ items: itemsInPrompt(req).map((it) => ({ id: it.id, relevance: 0.5, kinds: [], rule: /react/i.test(it.title) ? 'r1' : '', reason: '' })) }),
    );
    const out = await engine.generate({ system: prompt.system, user: prompt.user, jsonSchema: prompt.jsonSchema, maxTokens: prompt.maxTokens, temperature: 0 }, new AbortController().signal);
    const { verdicts } = parseModelOutput(out.text, prompt.itemIds, [...prompt.ruleIds.keys()]);
    const rules = naturalRuleIds(p);
    const decided = items.map((it, i) => applyVerdict(fast(it), it, verdicts.get(prompt.itemIds[i])!, p, rules, 'Qwen2.5 0.5B'));
    expect(decided[0].action).toBe('hide');
    expect(decided[0].reasons).toContainEqual(expect.objectContaining({ code: 'natural-rule', detail: 'judged by Qwen2.5 0.5B: No videos that just react to other videos' }));
    expect(decided[1].action).toBe('show');

    expect(removeNaturalRule(p, p.naturalRules[0].id).naturalRules.map((r) => r.text)).toEqual(['Nothing about celebrity breakups']);
  });

  it('refuses an empty rule, markup and a rule already there', () => {
    expect(checkNaturalRule('   ', [])).toMatchObject({ ok: false, error: 'This rule must not be empty' });
    expect(checkNaturalRule('<b>no</b>', [])).toMatchObject({ ok: false, error: 'This rule must be plain text, not markup' });
    expect(checkNaturalRule('No spoilers', ['no spoilers'])).toMatchObject({ ok: false, error: 'You have this rule already' });
    expect(checkNaturalRule('  No spoilers ', [])).toEqual({ ok: true, value: 'No spoilers' });
  });
});
