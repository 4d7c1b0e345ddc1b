import { describe, expect, it } from 'vitest';
import { chooseInstructions } from '@/lib/core/instructions/select';
import { CHAT_SITES } from '@/lib/schema/common';
import type { Instruction } from '@/lib/schema/profile';

let next = 0;
const auto = (text: string): Instruction => ({ id: `e${next++}`, text, sites: [...CHAT_SITES], enabled: true, scope: { type: 'auto' } });

/** Everyday preferences as people type them, under the default scope "When it fits". */
const metric = auto('Use metric units.');
const shellfish = auto("I'm allergic to shellfish.");
const sanCarlos = auto("I'd rather stay in San Carlos when I book a hotel.");
const profile = [metric, shellfish, auto('I avoid public transport.'), auto('Show code examples in Python.'), sanCarlos, auto('I have two young children.')];

const choose = (message: string) => chooseInstructions(message, profile, 'chatgpt');
const added = (message: string) => choose(message).added.map((s) => s.instruction.text);

describe('everyday instructions, by what a message is about', () => {
  it('adds "Use metric units" to distances, temperatures and weights that never say "metric"', () => {
    expect(added('How far is it from Paris to Berlin, and how long would it take to drive?')).toEqual([metric.text]);
    expect(added('What temperature should I bake bread at?')).toContain(metric.text);
    expect(added('How much does a road bike weigh?')).toEqual([metric.text]);
  });

  it('skips "Use metric units" when the message asks for miles, and says why', () => {
    const got = choose('How far is it from Paris to Berlin in miles, please?');
    expect(got.added).toEqual([]);
    expect(got.skipped.map((s) => [s.instruction.text, s.overridden])).toEqual([[metric.text, 'you asked for miles']]);
  });

  it('adds a shellfish allergy to a restaurant question that never says "shellfish"', () => {
    expect(added('Can you recommend a good restaurant in Boston for a birthday dinner?')).toEqual([shellfish.text]);
  });

  it('skips a place the instruction names when the message names another one', () => {
    expect(added('Find me a hotel for Friday')).toEqual([sanCarlos.text]);
    const got = choose('Find me a hotel in Calistoga for Friday');
    expect(got.added).toEqual([]);
    expect(got.skipped.map((s) => s.overridden)).toEqual(['you asked for Calistoga']);
  });

  it('lists as skipped only what would have applied, and adds nothing to an unrelated question', () => {
    // Another place, but the instruction about hotels does not fit a question about bakeries.
    expect(choose('Recommend a bakery in Oakland').skipped).toEqual([]);
    expect(choose('What is the capital of Australia?')).toEqual({ added: [], skipped: [] });
  });
});
