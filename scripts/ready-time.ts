import type { CDPSession } from 'playwright-core';
import type { ReadyTimes } from '../lib/shield-runtime/content';

/** Where a feed page's start went, in ms after document_start: the feed script ran, its storage read began and came
 * back, the shield was ready; DOMContentLoaded for comparison. */
export interface ReadyPhases {
  ready: number;
  dcl: number;
  ran: number;
  readBegun: number | null;
  readDone: number | null;
}

/**
 * The phases of the page of `cdp`, from the content script's own record of them (lib/shield-runtime/content.ts,
 * parapetReady), read in its world (the page cannot see it). Null without the extension, or when it never got ready.
 */
export async function readyPhases(cdp: CDPSession): Promise<ReadyPhases | null> {
  const contexts: Array<{ id: number; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
  // Enabling reports every context that exists now, the content script's among them.
  await cdp.send('Runtime.enable');
  for (const c of contexts.filter((x) => x.origin.startsWith('chrome-extension://'))) {
    const r = await cdp.send('Runtime.evaluate', {
      expression: `[globalThis.parapetReady ?? null, performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? -1]`,
      contextId: c.id,
      returnByValue: true,
    });
    const [v, dcl] = r.result.value as [ReadyTimes | null, number];
    if (!v) continue;
    const [start, ready, ran, begun, done] = v;
    const after = (t: number) => (t < 0 ? null : t - start);
    return { ready: ready - start, dcl: dcl - start, ran: ran - start, readBegun: after(begun), readDone: after(done) };
  }
  return null;
}

/** document_start to ready (readyPhases). */
export async function readyMs(cdp: CDPSession): Promise<number | null> {
  return (await readyPhases(cdp))?.ready ?? null;
}
