import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Adapter } from '../adapters/types';
import { loadClickbaitModel } from '../core/clickbait/model';
import { compileProfile, decide, rerank } from '../core/shield';
import { coreEngine, type CoreShield } from './engine';
import { startShield, type Shield } from './runner';
import { browserTransport } from './transport';

/** The model ships with the extension; reading it is a local fetch of a web-accessible file. */
async function loadClickbait(): Promise<unknown> {
  const url = (browser.runtime.getURL as (path: string) => string)('/models/clickbait.bin');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`clickbait model: HTTP ${res.status}`);
  return loadClickbaitModel(new Uint8Array(await res.arrayBuffer()));
}

/** What every feed content script does: run the shield for its adapter, for as long as the script lives. */
export function runFeedShield(adapter: Adapter, ctx: ContentScriptContext): Shield {
  const core = { compileProfile, decide, rerank } as unknown as CoreShield;
  const shield = startShield(
    adapter,
    { engine: coreEngine(core, adapter.platform), transport: browserTransport(), loadClickbait },
    { signal: ctx.signal },
  );
  // WXT watches the URL for client-side navigations the site does not announce with an event of its own.
  ctx.addEventListener(window, 'wxt:locationchange', () => shield.navigated());
  return shield;
}
