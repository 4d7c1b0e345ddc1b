// @vitest-environment happy-dom
// A page can dispatch its own pagehide as often as it likes: only the browser's, as the page is really left, makes the
// runner log what is waiting to settle and send it (issue 25's rule that an item is logged once it stayed a moment).
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile } from '@/lib/schema/profile';
import { tick } from './adapters-fixture';
import { startOnHackerNews } from './shield-start';

let stop = () => {};
afterEach(() => stop());

describe('leaving a feed page', () => {
  it("logs the items on it when the browser leaves the page, not when the page dispatches pagehide itself", async () => {
    const s = startOnHackerNews({ person: () => ({ ...defaultProfile(1), revision: 2 }), answerMs: 5, holdMs: 2_000 });
    stop = s.stop;
    await tick(40);
    const logged = () => s.payloads.filter((p) => p.type === 'tab/report').flatMap((p) => (p.payload as { decisions: unknown[] }).decisions);
    // Decided 40 ms ago: not yet on the page long enough to be logged.
    s.leave(false);
    await tick(20);
    expect(logged()).toEqual([]);
    s.leave();
    await tick(20);
    expect(logged().length).toBeGreaterThan(0);
  });
});
