import { describe, expect, it } from 'vitest';
import { chatSelections } from '@/lib/background/chat';
import { defaultProfile } from '@/lib/schema/profile';
import type { Instruction } from '@/lib/schema/profile';

const ins = (id: string, text: string, extra: Partial<Instruction> = {}): Instruction => ({
  id,
  text,
  enabled: true,
  sites: ['chatgpt', 'claude', 'gemini', 'perplexity'],
  scope: { type: 'auto' },
  ...extra,
});

const profileWith = (instructions: Instruction[]) => ({ ...defaultProfile(0), instructions });

describe('chat selections in the background', () => {
  const profile = profileWith([
    ins('veg', 'For recipes and cooking, I am vegetarian.'),
    ins('metric', 'Always use metric units.', { scope: { type: 'always' } }),
    ins('claude-only', 'Answer in French.', { sites: ['claude'], scope: { type: 'always' } }),
    ins('off', 'Keep it short.', { enabled: false, scope: { type: 'always' } }),
  ]);

  it('adds the food instruction to a message about dinner, with the ones that always apply', async () => {
    const got = await chatSelections(profile, 'chatgpt', 'What should I cook for dinner tonight?');
    expect(got.map((s) => s.id)).toEqual(['veg', 'metric']);
    expect(got.every((s) => s.why.length > 0)).toBe(true);
  });

  it('leaves the food instruction out of a message about something else', async () => {
    const got = await chatSelections(profile, 'chatgpt', 'Explain how a transistor works.');
    expect(got.map((s) => s.id)).toEqual(['metric']);
  });

  it('never sends an instruction to a site it is not allowed on, nor a switched-off one', async () => {
    const got = await chatSelections(profile, 'gemini', 'Explain how a transistor works.');
    expect(got.map((s) => s.id)).not.toContain('claude-only');
    expect(got.map((s) => s.id)).not.toContain('off');
    expect((await chatSelections(profile, 'claude', 'hello there')).map((s) => s.id)).toContain('claude-only');
  });

  it('reports an instruction the message overrides as skipped, with the reason, after the ones added', async () => {
    const withUnits = profileWith([ins('units', 'Use metric units.'), ins('brief', 'Keep answers short.', { scope: { type: 'always' } })]);
    const got = await chatSelections(withUnits, 'chatgpt', 'How far is Paris from Berlin in miles, please?');
    expect(got).toEqual([
      { id: 'brief', text: 'Keep answers short.', why: 'always' },
      { id: 'units', text: 'Use metric units.', why: 'you asked for miles', skipped: true },
    ]);
  });

  it('adds nothing to an empty message', async () => {
    expect(await chatSelections(profile, 'chatgpt', '   ')).toEqual([]);
  });

  it('keeps the local model from adding what the site may not receive, and falls back when it fails', async () => {
    const greedy = async () => profileWith([ins('off', 'Keep it short.', { enabled: false })]).instructions.map((instruction) => ({ instruction, score: 1, why: 'model' }));
    expect((await chatSelections(profile, 'chatgpt', 'Explain transistors', greedy)).map((s) => s.id)).toEqual(['metric']);
    const broken = async () => {
      throw new Error('engine crashed');
    };
    expect((await chatSelections(profile, 'chatgpt', 'How do I cook lentils for dinner?', broken)).map((s) => s.id)).toEqual(['veg', 'metric']);
  });
});
