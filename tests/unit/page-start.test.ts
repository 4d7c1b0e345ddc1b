// What a feed page asks for as it starts (lib/shield-runtime/page-start.ts), asked at document_start and taken up
// by the feed script once the page is parsed.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { modelsKey } from '@/lib/schema/stored-models';
import { requestPageStart } from '@/lib/shield-runtime/page-start';
import type { Transport } from '@/lib/shield-runtime/transport';

const at = (revision: number): Profile => ({ ...defaultProfile(1), revision });
const models = { clickbait: 'AAAA', detectorTables: '{}', learned: null, stamp: 'one' };

function background(answer: () => Promise<unknown>): Transport {
  return { send: (() => answer()) as Transport['send'], onProfile: () => () => {} };
}

describe('the start of a feed page', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [modelsKey('hackernews')]: models });
  });

  it("takes the answer's profile, or one the person saved while the page loaded (a later revision)", async () => {
    const answer = background(async () => ({ profile: at(3), models: 'one' }));
    expect((await requestPageStart(answer, 'hackernews', 0).profile).revision).toBe(3);
    expect((await requestPageStart(answer, 'hackernews', 0, () => at(5)).profile).revision).toBe(5);
    expect((await requestPageStart(answer, 'hackernews', 0, () => at(2)).profile).revision).toBe(3);
  });

  it('reads the models the answer names from storage, or takes them from the answer', async () => {
    const stored = requestPageStart(background(async () => ({ profile: at(1), models: 'one' })), 'hackernews', 0);
    expect(await stored.models).toEqual(models);
    const carried = { ...models, stamp: undefined, clickbait: 'BBBB' };
    const inAnswer = requestPageStart(background(async () => ({ profile: at(1), models: carried })), 'hackernews', 0);
    expect(await inAnswer.models).toEqual(carried);
  });

  it('fails quietly until taken up: no unhandled rejection while the page is parsed, the failure once asked', async () => {
    const start = requestPageStart(background(async () => Promise.reject(new Error('no background'))), 'hackernews', 0);
    await new Promise((r) => setTimeout(r, 20)); // the parse: nobody is listening yet
    await expect(start.profile).rejects.toThrow('no background');
    await expect(start.models).rejects.toThrow('no background');
  });
});
