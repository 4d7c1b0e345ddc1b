import type { Page } from 'playwright-core';

/**
 * What the Inferred view's page sends and shows, watched from inside it, for the tests of what a person sees while
 * the background's answers arrive. The dashboard reaches the background through `chrome.runtime.sendMessage` (wxt's
 * `browser` is `chrome` in Chromium, looked up at each call), so wrapping it here holds the profile's saves for as
 * long as the test wants: an Inferred answer asked for meanwhile is computed from the profile before the save, every
 * time, not only when the machine is slow.
 */
export interface Sent {
  type: 'profile/save' | 'inference/get';
  sent: number;
  /** 0 until the reply is in. */
  answered: number;
}

/** One state of the topic cards, taken after every change to the page (a MutationObserver: every state the DOM
 * held when scripts yielded, painted or not). */
export interface CardsState {
  at: number;
  names: string[];
  pinned: string[];
}

type Watched = Window & { __sent: Sent[]; __cards: CardsState[]; __releaseSaves(): void };

export async function holdSavesAndWatchCards(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Watched;
    type Runtime = { sendMessage(message: unknown): Promise<unknown> };
    const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    w.__sent = [];
    w.__releaseSaves = release;
    runtime.sendMessage = (message: unknown) => {
      const type = (message as { type?: string } | null)?.type;
      if (type !== 'profile/save' && type !== 'inference/get') return send(message);
      const entry: Sent = { type, sent: performance.now(), answered: 0 };
      w.__sent.push(entry);
      const reply = type === 'profile/save' ? released.then(() => send(message)) : send(message);
      return reply.then((r) => ((entry.answered = performance.now()), r));
    };

    w.__cards = [];
    const look = () => {
      const cards = [...document.querySelectorAll('.inf-topic')];
      const nameOf = (c: Element) => c.querySelector('.inf-topic-name')?.textContent ?? '';
      const state = { at: performance.now(), names: cards.map(nameOf), pinned: cards.filter((c) => c.querySelector('.inf-badge')).map(nameOf) };
      const last = w.__cards.at(-1);
      if (!last || last.names.join('\n') !== state.names.join('\n') || last.pinned.join('\n') !== state.pinned.join('\n')) w.__cards.push(state);
    };
    look();
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

export const sent = (page: Page): Promise<Sent[]> => page.evaluate(() => (window as unknown as Watched).__sent);
export const cardStates = (page: Page): Promise<CardsState[]> => page.evaluate(() => (window as unknown as Watched).__cards);
export const releaseSaves = (page: Page) => page.evaluate(() => (window as unknown as Watched).__releaseSaves());
