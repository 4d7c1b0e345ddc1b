// The background's keeping of "why" for the extension's frame (issue 25): a feed tab puts an item's decision under a
// random token; only the extension's own pages read it back; it does not pile up.
import { describe, expect, it } from 'vitest';
import { createWhyHandlers } from '@/lib/background/why-store';
import type { Decision } from '@/lib/schema/decision';

const tab = { url: 'https://news.ycombinator.com/', tab: { id: 3 } };
const frame = { url: 'chrome-extension://abc/why.html#x', tab: { id: 3 } };
const decision: Decision = {
  platform: 'hackernews',
  itemId: '1',
  action: 'hide',
  reasons: [{ code: 'blocked-author', detail: 'spammer', source: 'user', evidence: [] }],
  score: 0.5,
  uncertain: false,
};
const token = (n: number) => n.toString(16).padStart(32, '0');

describe('why an item was hidden, kept for the frame', () => {
  it('gives the frame what the tab put, and never gives it to a web page', async () => {
    let now = 0;
    const why = createWhyHandlers(() => now);
    await why['why/put']({ token: token(1), decision, author: 'spammer', view: 'why', hidden: true }, tab);
    expect(await why['why/get']({ token: token(1) }, frame)).toEqual({ decision, author: 'spammer', view: 'why', hidden: true });
    await expect(why['why/get']({ token: token(1) }, tab)).rejects.toThrow();
    await expect(why['why/put']({ token: token(2), decision, author: '', view: 'why', hidden: false }, { url: 'chrome-extension://abc/popup.html' })).rejects.toThrow();
    now = 11 * 60_000;
    expect(await why['why/get']({ token: token(1) }, frame)).toBeNull();
  });

  it('keeps the last hundred at most', async () => {
    const why = createWhyHandlers(() => 0);
    for (let i = 0; i < 150; i++) await why['why/put']({ token: token(i), decision, author: '', view: 'why', hidden: false }, tab);
    expect(await why['why/get']({ token: token(0) }, frame)).toBeNull();
    expect(await why['why/get']({ token: token(149) }, frame)).not.toBeNull();
  });

  it('hands a menu’s command to the tab and frame that opened it, from the frame only', async () => {
    const sent: unknown[] = [];
    const why = createWhyHandlers(() => 0, async (tabId, frameId, m) => sent.push([tabId, frameId, m]));
    await why['why/put']({ token: token(5), decision, author: 'spammer', view: 'menu', hidden: true }, { ...tab, frameId: 2 });
    await why['why/act']({ token: token(5), command: 'exception-rule' }, frame);
    expect(sent).toEqual([[3, 2, { type: 'why/command', token: token(5), command: 'exception-rule' }]]);
    // A page cannot send one, nor act through a token that only explains.
    await expect(why['why/act']({ token: token(5), command: 'block-author' }, tab)).rejects.toThrow();
    await why['why/put']({ token: token(6), decision, author: 'spammer', view: 'why', hidden: true }, tab);
    await expect(why['why/act']({ token: token(6), command: 'block-author' }, frame)).rejects.toThrow();
    expect(sent).toHaveLength(1);
  });
});
