import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '@/lib/core/instructions/default-lexicon';
import { overrides, settingOf } from '@/lib/core/instructions/override';
import { tokenize, words } from '@/lib/core/instructions/text';

const lexicon = defaultLexicon();
const areaIds = (text: string) => tokenize(text, lexicon).map((t) => t.areas.map((a) => lexicon.areas[a.area].id));

describe('instruction text', () => {
  it('reads an everyday phrase made of function words as one subject', () => {
    const tokens = tokenize('Any things to do in Leeds tonight?', lexicon);
    const phrase = tokens.find((t) => t.surface === 'things to do');
    expect(phrase?.areas.map((a) => lexicon.areas[a.area].id)).toContain('events');
  });

  it('takes joined names apart and keeps the sense the words share', () => {
    expect(tokenize('RentalCars', lexicon).map((t) => t.surface)).toEqual(['rental', 'cars']);
    expect(areaIds('rental cars')[0][0]).toBe('cars');
  });

  it('records which areas are narrower parts of others', () => {
    const dental = lexicon.areas.find((a) => a.id === 'dental')!;
    expect(lexicon.areas[dental.parent!].id).toBe('health');
  });

  it('tells a changed setting from a restated one', () => {
    const setting = settingOf('my preferred seating class is Economy')!;
    expect(setting).toBeDefined();
    expect(overrides(words('Book a flight to Oslo, seating class should be business'), setting)).toBe(true);
    expect(overrides(words('Book a flight to Oslo, seating class is economy'), setting)).toBe(false);
    expect(overrides(words('Book a flight to Oslo in economy'), setting)).toBe(false);
  });
});
