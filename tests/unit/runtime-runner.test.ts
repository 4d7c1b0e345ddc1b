// @vitest-environment happy-dom
// The runner's wiring, on the Hacker News fixture with a stand-in engine and background: the profile reaches the
// engine as the background sent it, and a person's own choice is told to the background once, as feedback.
import { afterEach, describe, expect, it } from 'vitest';
import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { ATTR, startShield } from '@/lib/shield-runtime/runner';
import type { Transport } from '@/lib/shield-runtime/transport';
import { MARK_TAG, STUB_TAG, actionsFor } from '@/lib/shield-runtime/ui';
import type { MenuCommand } from '@/lib/schema/menu-command';
import { scriptedEngine } from '../doubles/runtime-engine';
import { loadFixture, tick } from './adapters-fixture';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function start(sent: Profile) {
  const page = loadFixture('hackernews-front.html', 'https://news.ycombinator.com/', { scripts: false });
  const e = scriptedEngine((title, c) => (c.profile.blockedAuthors.length > 0 && /postgres/i.test(title) ? 'hide' : 'show'));
  const messages: Array<{ type: string; payload: unknown }> = [];
  const menu: { choose: (token: string, c: MenuCommand) => void } = { choose: () => {} };
  const transport: Transport = {
    send: (async (type: string, payload: unknown) => {
      messages.push({ type, payload });
      return type === 'profile/get' ? sent : null;
    }) as Transport['send'],
    onProfile: () => () => {},
    onCommand: (fn) => ((menu.choose = fn), () => {}),
  };
  const shield = startShield(hackernewsAdapter, { engine: e.engine, transport }, { doc: page.doc, profileHoldMs: 50, healthDelayMs: 60_000, flushMs: 5 });
  cleanup = () => (shield.stop(), page.close());
  // A message's payload, or a part of the tab's reports (decisions, flags, signals).
  const rows = (type: string) =>
    type in { decisions: 1, flags: 1, signals: 1 }
      ? messages.filter((m) => m.type === 'tab/report').flatMap((m) => (m.payload as Record<string, unknown[]>)[type])
      : messages.filter((m) => m.type === type).map((m) => m.payload);
  return { page, shield, engine: e, messages, rows, menu };
}

const person = (): Profile => ({ ...defaultProfile(1), revision: 2, blockedAuthors: [{ platform: 'hackernews', name: 'pgdev' }] });

describe('the runner', () => {
  it('hands the engine the very profile object the background sent, fields it does not know included', async () => {
    const sent = { ...person(), topicExpansions: { databases: ['postgres'] } } as Profile;
    const s = start(sent);
    await tick(20);
    expect(s.engine.compiled.at(-1)!.profile).toBe(sent);
    expect(s.page.doc.getElementById('42000008')!.getAttribute(ATTR)).toBe('stub');
  });

  it('tells the background of a hand hide once, as feedback and a signal, without logging a second decision', async () => {
    const s = start(person());
    await tick(20);
    const story = s.page.doc.getElementById('42000001')!;
    // A plain story's ⋯ comes when the person points at it.
    expect(story.nextElementSibling!.querySelector(MARK_TAG)).toBeNull();
    story.dispatchEvent(new Event('pointerover', { bubbles: true }));
    const mark = story.nextElementSibling!.querySelector(MARK_TAG)!;
    // The item's menu opens in the extension's frame; its choice comes back from the background by the menu's token.
    actionsFor(mark).menu();
    await tick(5);
    const put = s.messages.find((m) => m.type === 'why/put')!.payload as { token: string; view: string };
    expect(put.view).toBe('menu');
    s.menu.choose('0'.repeat(32), 'hide-this');
    expect(story.getAttribute(ATTR)).not.toBe('stub');
    s.menu.choose(put.token, 'hide-this');
    expect(story.getAttribute(ATTR)).toBe('stub');
    expect(story.querySelector(STUB_TAG)).not.toBeNull();
    await s.shield.flush();
    const decided = s.rows('decisions').filter((r) => (r as { itemId: string }).itemId === '42000001');
    expect(decided).toHaveLength(1);
    expect(s.rows('feedback/record')).toMatchObject([{ feedback: { type: 'hide-this', itemId: '42000001' } }]);
    expect(s.rows('signals')).toMatchObject([{ type: 'hide-by-hand', itemId: '42000001' }]);
    expect(s.shield.counts()).toMatchObject({ hidden: 2 });
  });
});
