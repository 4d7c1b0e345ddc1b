// The background keeps the shipped models in storage.local for the feed tabs to read while they ask for their
// profile (page/start answers with the stamp of that copy): what each feed's tab reads there must be what it was
// sent before, a worker that wakes with the same files must not write them again, and a file it could not read
// must leave the tabs to be sent the models in the answer.
import { describe, expect, it } from 'vitest';
import { createModelStore, type ModelArea } from '@/lib/background/page-models';
import { learnedFor } from '@/lib/core/detectors/learned-format';
import { bytesToBase64 } from '@/lib/core/shield/packed';
import type { FeedPlatform } from '@/lib/schema/common';
import type { PageModels } from '@/lib/schema/messages';
import { modelsKey, type StoredModels } from '@/lib/schema/stored-models';

function memoryArea() {
  const items = new Map<string, unknown>();
  let writes = 0;
  const area: ModelArea = {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (more) => {
      writes++;
      for (const [k, v] of Object.entries(more)) items.set(k, v);
    },
  };
  return { area, items, writes: () => writes };
}

/** Models as the background reads them: the learned file cut for the feed as learnedFor cuts it. */
const file = new Uint8Array(5 * 10).map((_, i) => i);
const models =
  (clickbait: string | null = 'AAEC') =>
  async (feed: FeedPlatform | null): Promise<PageModels> => ({
    clickbait,
    detectorTables: '{"version":4}',
    learned: bytesToBase64(learnedFor(file, feed)),
  });

describe('the models kept for the tabs', () => {
  it('hold, under each feed’s key, what a tab of that feed was sent, with the stamp page/start answers', async () => {
    const { area, items } = memoryArea();
    const stamp = await createModelStore(() => area, models())();
    expect(stamp).toEqual(expect.any(String));
    for (const feed of ['youtube', 'hackernews', 'reddit', 'x'] as const) {
      expect(items.get(modelsKey(feed)), feed).toEqual({ ...(await models()(feed)), stamp });
    }
    // Hacker News and YouTube read no post head: theirs is the shorter copy.
    const learned = (feed: FeedPlatform) => (items.get(modelsKey(feed)) as StoredModels).learned!.length;
    expect(learned('hackernews')).toBeLessThan(learned('x'));
  });

  it('are written once: a worker that wakes with the same files finds them kept, new files are written over them', async () => {
    const { area, writes } = memoryArea();
    const first = await createModelStore(() => area, models())();
    const again = createModelStore(() => area, models());
    expect(await again()).toBe(first);
    expect(await again()).toBe(first);
    expect(writes()).toBe(1);
    const changed = await createModelStore(() => area, models('AAED'))();
    expect(changed).not.toBe(first);
    expect(writes()).toBe(2);
  });

  it('are not kept while a file cannot be read, and are tried again on the next page start', async () => {
    const { area, items } = memoryArea();
    let clickbait: string | null = null;
    const store = createModelStore(() => area, async (feed) => ({ ...(await models()(feed)), clickbait }));
    expect(await store()).toBeNull();
    expect(items.size).toBe(0);
    clickbait = 'AAEC';
    expect(await store()).toEqual(expect.any(String));
  });

  it('answer null when storage refuses them, so page/start carries the models', async () => {
    const area: ModelArea = { get: async () => ({}), set: async () => Promise.reject(new Error('quota')) };
    expect(await createModelStore(() => area, models())()).toBeNull();
  });
});
