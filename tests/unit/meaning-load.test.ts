import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeaningModel } from '../../lib/core/meaning/model';
import { shippedMeaning } from './meaning-model';

const bytes = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../public/models/meaning.bin')));

// The background reads the model while feed tabs wait for their start to be answered (lib/background/meaning.ts):
// read in steps, it lets them in between, and what it makes of a topic is the same as when read in one go.
describe('the meaning model read in steps', () => {
  it('gives other work a turn between its steps', async () => {
    const turns: number[] = [];
    let done = false;
    await MeaningModel.load(bytes, async () => {
      turns.push(turns.length);
      await new Promise((r) => setTimeout(r, 0));
      if (done) throw new Error('paused after it was done');
    });
    done = true;
    expect(turns.length).toBeGreaterThanOrEqual(4);
  });

  it('expands every topic exactly as the model read in one go', async () => {
    const stepped = await MeaningModel.load(bytes, () => Promise.resolve());
    const whole = shippedMeaning();
    for (const label of ['politics', 'vegetarian recipes', 'celebrity gossip', 'gardening', 'crypto'])
      expect(stepped.expandTopic(label, {})).toEqual(whole.expandTopic(label, {}));
    expect(stepped.embed('a raised garden bed for tomatoes')).toEqual(whole.embed('a raised garden bed for tomatoes'));
  });
});
