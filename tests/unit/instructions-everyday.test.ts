import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { MeaningModel } from '@/lib/core/meaning/model';
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

  it('skips an instruction in the user\'s own words when the message states another value of its kind', () => {
    const cuisine = auto('My go-to cuisine is Mexican.');
    const gp = auto('For doctors, I usually want a General Practitioner.');
    const city = auto('I like to eat out in Alameda.');
    const got = chooseInstructions('Can you help me find a place to eat? Keep in mind that cuisine is cafe', [cuisine, city], 'chatgpt');
    expect(got.added.map((s) => s.instruction.text)).toEqual([city.text]);
    expect(got.skipped.map((s) => [s.instruction.text, s.overridden])).toEqual([[cuisine.text, 'you asked for cafe']]);
    expect(chooseInstructions('I would like to find a doctor. Keep in mind that type is Gynecologist', [gp], 'chatgpt').skipped).toHaveLength(1);
  });

  it('relates no words by accident: "form" is no language, "of course" no class', () => {
    const translate = auto('When translating, use the Spanish spoken in Mexico.');
    const courses = auto('For my online courses, remind me of deadlines.');
    const events = auto('For events, I prefer evening ones.');
    const mine = [translate, courses, events];
    for (const message of ['How do I fill in this form?', 'How do I submit my tax form online?', 'The form of a sonnet', 'Of course, tell me more.', 'Which TV shows are worth watching?']) {
      expect(chooseInstructions(message, mine, 'chatgpt').added.map((s) => s.instruction.text)).toEqual([]);
    }
    expect(chooseInstructions('Translate "good morning" please', mine, 'chatgpt').added.map((s) => s.instruction.text)).toEqual([translate.text]);
  });

  it('lists as skipped only what would have applied, and adds nothing to an unrelated question', () => {
    // Another place, but the instruction about hotels does not fit a question about bakeries.
    expect(choose('Recommend a bakery in Oakland').skipped).toEqual([]);
    expect(choose('What is the capital of Australia?')).toEqual({ added: [], skipped: [] });
  });
});

const MODEL = 'public/models/meaning.bin';
describe.runIf(existsSync(MODEL))('everyday preferences with the meaning model', () => {
  const meaning = MeaningModel.fromBytes(new Uint8Array(readFileSync(MODEL)));
  const seafood = auto('I dislike seafood.');
  const transit = auto('I avoid public transport.');
  const dog = auto('My dog is an elderly golden retriever.');
  const prefs = [seafood, transit, dog, auto('Show code examples in Python.'), auto('I have a bad knee, so keep exercise low-impact.')];
  const byMeaning = (message: string) => chooseInstructions(message, prefs, 'chatgpt', { meaning }).added.map((s) => s.instruction.text);

  it('adds a preference to a question about its subject that shares no word with it', () => {
    expect(byMeaning('How should I commute to my new office across town?')).toEqual([transit.text]);
    expect(byMeaning('How often should I take my pup to the vet?')).toEqual([dog.text]);
    expect(byMeaning('Where can I get a good lobster roll in Maine?')).toEqual([seafood.text]);
    expect(byMeaning('What cardio can I do at the gym?')).toEqual([prefs[4].text]);
  });

  it('says in the reason which word of the message it matched', () => {
    const [got] = chooseInstructions('How often should I take my pup to the vet?', prefs, 'chatgpt', { meaning }).added;
    expect(got.why).toMatch(/"(pup|vet)"/);
  });

  it('adds none of them to a question about something else', () => {
    expect(byMeaning('Who painted the Mona Lisa?')).toEqual([]);
    expect(byMeaning('What year did the Berlin Wall fall?')).toEqual([]);
  });
});
