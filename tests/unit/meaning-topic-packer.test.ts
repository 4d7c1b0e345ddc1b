import { describe, expect, it, vi } from 'vitest';
import { createTopicPacker, isPageSender, type PackStore } from '../../lib/background/topic-pack';
import { defaultProfile, type Profile } from '../../lib/schema/profile';
import { shippedMeaning } from './meaning-model';

function memoryStore(): PackStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

const withTopics = (avoid: string[]): Profile => ({
  ...defaultProfile(0),
  avoidTopics: avoid.map((label, i) => ({ id: `a${i}`, label, keywords: [], exclude: [] })),
});

describe('the background gives feed tabs their topics by meaning', () => {
  it('a woken worker answers from the kept pack without loading the model', async () => {
    const store = memoryStore();
    const first = vi.fn(async () => shippedMeaning());
    const p = withTopics(['politics']);
    const sent = await createTopicPacker(first, store)(p);
    expect(first).toHaveBeenCalledTimes(1);
    expect((sent as { topicPack?: { avoid: unknown[] } }).topicPack?.avoid).toHaveLength(1);

    const woken = vi.fn(async () => shippedMeaning());
    const again = await createTopicPacker(woken, store)(p);
    expect(woken).not.toHaveBeenCalled();
    expect(again).toEqual(sent);
  });

  it('expands again when a topic changes', async () => {
    const store = memoryStore();
    const meaning = vi.fn(async () => shippedMeaning());
    const pack = createTopicPacker(meaning, store);
    await pack(withTopics(['politics']));
    const changed = (await pack(withTopics(['politics', 'gardening']))) as { topicPack?: { avoid: Array<{ id: string }> } };
    expect(changed.topicPack?.avoid.map((t) => t.id)).toEqual(['a0', 'a1']);
  });

  it('a tab is not kept waiting for a model still loading: the profile goes at once, the topics follow', async () => {
    let loaded!: () => void;
    const loading = new Promise<void>((resolve) => (loaded = resolve));
    const slow = vi.fn(async () => {
      await loading;
      return shippedMeaning();
    });
    const pack = createTopicPacker(slow, memoryStore());
    const late = vi.fn();
    const p = withTopics(['politics']);
    const first = await pack(p, { waitMs: 20, late });
    expect(first).toBe(p);
    expect(late).not.toHaveBeenCalled();
    loaded();
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    const next = (await pack(p, { waitMs: 20 })) as { topicPack?: unknown };
    expect(next.topicPack).toBeDefined();
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('a tab is answered at once, not after the wait, while the model has yet to load', async () => {
    let loaded!: () => void;
    const loading = new Promise<void>((resolve) => (loaded = resolve));
    const pack = createTopicPacker(async () => (await loading, shippedMeaning()), memoryStore());
    const late = vi.fn();
    const p = withTopics(['politics']);
    const waited = await Promise.race([
      pack(p, { waitMs: 60_000, late }),
      new Promise<'kept waiting'>((resolve) => setTimeout(() => resolve('kept waiting'), 500)),
    ]);
    expect(waited).toBe(p);
    loaded();
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    // Loaded now: a new topic is worth the short wait, as it is expanded in milliseconds.
    const changed = (await pack(withTopics(['politics', 'gardening']), { waitMs: 60_000 })) as { topicPack?: { avoid: unknown[] } };
    expect(changed.topicPack?.avoid).toHaveLength(2);
  });

  it('with the model already in (the popup previewed a topic), the tab waits the few ms its new topic takes', async () => {
    const model = await shippedMeaning();
    const pack = createTopicPacker(Object.assign(async () => model, { loaded: true }), memoryStore());
    const sent = (await pack(withTopics(['politics']), { waitMs: 60_000 })) as { topicPack?: { avoid: unknown[] } };
    expect(sent.topicPack?.avoid).toHaveLength(1);
  });

  it('without the model the profile goes as it is (topics act by their words)', async () => {
    const p = withTopics(['politics']);
    expect(await createTopicPacker(async () => null)(p)).toBe(p);
    const failing = createTopicPacker(async () => {
      throw new Error('no model');
    });
    expect(await failing(p)).toBe(p);
  });

  it('only pages get the pack, not the popup or the dashboard', () => {
    expect(isPageSender({ url: 'https://www.youtube.com/' })).toBe(true);
    expect(isPageSender({ url: 'chrome-extension://abc/popup.html' })).toBe(false);
    expect(isPageSender({ url: 'moz-extension://abc/dashboard.html' })).toBe(false);
    expect(isPageSender({})).toBe(false);
  });
});
