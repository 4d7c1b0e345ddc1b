import { describe, expect, it } from 'vitest';
import { selectInstructions, selectInstructionsRefined } from '@/lib/core/instructions/select';
import { CHAT_SITES } from '@/lib/schema/common';
import type { Instruction, InstructionScope } from '@/lib/schema/profile';

let next = 0;
function instruction(text: string, scope: InstructionScope = { type: 'auto' }): Instruction {
  return { id: `i${next++}`, text, sites: [...CHAT_SITES], enabled: true, scope };
}

/** A profile with one instruction per everyday subject, so every test has plenty to wrongly pick. */
const everyday = [
  instruction('When I ask about recipes, use metric units'),
  instruction('For trips, always include a packing list'),
  instruction('Anything about money: mention fees and keep amounts in euros'),
  instruction('Whenever I ask about code, answer with TypeScript examples'),
  instruction('On music questions, remember I like jazz and soul, not pop'),
  instruction('If I mention my teeth, remember I am afraid of dentists'),
  instruction('For car rentals, I always want an automatic'),
];

const picked = (message: string, instructions: Instruction[]) =>
  selectInstructions(message, instructions, 'chatgpt').map((s) => s.instruction.text);

describe('standing-instruction selection', () => {
  it('selects an instruction for a message that says the same thing in other words', () => {
    const food = instruction("When I'm after food, suggest vegetarian places first");
    expect(picked('Where can I grab dinner near the station tonight?', [...everyday, food])).toEqual([food.text]);
    expect(picked('How do I move cash from savings to my checking account?', everyday)).toEqual([everyday[2].text]);
    expect(picked('One of my molars hurts when I drink something cold', everyday)).toEqual([everyday[5].text]);
  });

  it('reads a name as the name: "Mont Blanc" is a mountain, not the sauce', () => {
    expect(picked('How tall is Mont Blanc?', everyday)).toEqual([]);
    expect(picked('Which novels did Jack London write?', everyday)).toEqual([]);
    // The words on their own keep their sense.
    expect(picked('How do I make a sauce blanc for fish?', everyday)).toEqual([everyday[0].text]);
    expect(picked('Cheap flights to London in May', everyday)).toEqual([everyday[1].text]);
  });

  it('applies an instruction scoped "always" to any message, with the reason shown', () => {
    const brief = instruction('Answer in plain English', { type: 'always' });
    const result = selectInstructions('What is 17 times 23?', [...everyday, brief], 'chatgpt');
    expect(result.map((s) => s.instruction.text)).toEqual([brief.text]);
    expect(result[0].why).toBe('always');
  });

  it('selects nothing for a message about none of the subjects', () => {
    expect(picked('Tell me a joke', everyday)).toEqual([]);
    expect(picked('What is 17 times 23?', everyday)).toEqual([]);
  });

  it('picks the subject that fits the whole phrase, not every related one', () => {
    const stays = instruction('If I ask for HouseStays, my preferred where to is Lisbon');
    const homes = instruction('If I ask for Homes, my preferred area is Oakland');
    expect(picked('Can you find me a house to stay in for a week?', [stays, homes])).toEqual([stays.text]);
    expect(picked('I am hunting for a new apartment to buy', [stays, homes])).toEqual([homes.text]);
  });

  it('follows what selected instructions bring in: a trip brings in hotels, a cuisine its restaurants', () => {
    const alsoHotels = instruction('For trips, also look at hotels');
    const hotels = instruction('When I book hotels, I want free cancellation');
    const cuisine = instruction('If I ask for restaurants, my preferred cuisine is Thai');
    const thai = instruction('If the cuisine is Thai then look for places with spicy food');
    const profile = [alsoHotels, hotels, cuisine, thai, everyday[3]];
    expect(picked('Plan me a long weekend trip to Rome', profile)).toEqual([alsoHotels.text, hotels.text]);
    const dinner = selectInstructions('Find me a restaurant for tonight', profile, 'chatgpt');
    expect(dinner.map((s) => s.instruction.text)).toEqual([cuisine.text, thai.text]);
    expect(dinner[1].why).toContain('follows from');
  });

  it('drops an instruction whose setting the message itself overrides, and what followed from it', () => {
    const city = instruction('If I ask for Events, my preferred city is Atlanta');
    const type = instruction('If I ask for Events, my preferred event type is Sports');
    const sports = instruction('If event type is Sports then look for event name as Falcons vs Rams');
    const profile = [city, type, sports];
    expect(picked('Find me some events this weekend', profile)).toEqual([city.text, type.text, sports.text]);
    expect(picked('Find me some events this weekend, the city is Boston', profile)).toEqual([type.text, sports.text]);
    expect(picked('Find me some events, and look for event type as Music', profile)).toEqual([city.text]);
    // Restating the same value is no override.
    expect(picked('Find me some events, the city is Atlanta', profile)).toEqual(profile.map((i) => i.text));
  });

  it('never selects a disabled instruction or one for another site', () => {
    const off = { ...instruction('For trips, always include a packing list'), enabled: false };
    const elsewhere = { ...instruction('For trips, mention train options'), sites: ['claude' as const] };
    expect(picked('Plan a trip to Lisbon', [off, elsewhere])).toEqual([]);
  });

  it('lets a second opinion drop a match but never an "always" instruction, and survives its failure', async () => {
    const brief = instruction('Answer in plain English', { type: 'always' });
    const profile = [...everyday, brief];
    const message = 'Plan a trip to Lisbon';
    const dropAll = async () => [];
    const kept = await selectInstructionsRefined(message, profile, 'chatgpt', dropAll);
    expect(kept.map((s) => s.instruction.text)).toEqual([brief.text]);
    const broken = async () => Promise.reject(new Error('model crashed'));
    const fallback = await selectInstructionsRefined(message, profile, 'chatgpt', broken);
    expect(fallback.map((s) => s.instruction.text)).toEqual([everyday[1].text, brief.text]);
  });
});
