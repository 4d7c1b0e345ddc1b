import type { CDPSession } from 'playwright-core';

/**
 * document_start to ready on the page of `cdp`, from the content script's own record of its start and ready times
 * (lib/shield-runtime/content.ts, parapetReady), read in its world (the page cannot see it). Null without the
 * extension, or when it never got ready.
 */
export async function readyMs(cdp: CDPSession): Promise<number | null> {
  const contexts: Array<{ id: number; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
  // Enabling reports every context that exists now, the content script's among them.
  await cdp.send('Runtime.enable');
  for (const c of contexts.filter((x) => x.origin.startsWith('chrome-extension://'))) {
    const r = await cdp.send('Runtime.evaluate', { expression: 'globalThis.parapetReady ?? null', contextId: c.id, returnByValue: true });
    const v = r.result.value as [number, number] | null;
    if (v) return v[1] - v[0];
  }
  return null;
}
