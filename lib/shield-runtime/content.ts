import { browser } from 'wxt/browser';
import type { Adapter } from '../adapters/types';
import { loadClickbaitModel } from '../core/clickbait/model';
import { buildDetectorRules } from '../core/detectors';
import { readDetectors } from '../core/detectors/data-file';
import { compileProfile, decide, quoteEvidence, rerank } from '../core/shield';
import { watchAddress } from '../content-script/address';
import { coreEngine, type CoreShield } from './engine';
import { startShield, type Shield } from './runner';
import { browserTransport } from './transport';

/** The models ship with the extension; reading one is a local fetch of a web-accessible file. */
async function fetchModel(path: string): Promise<Response> {
  const res = await fetch((browser.runtime.getURL as (path: string) => string)(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res;
}

async function loadClickbait(): Promise<unknown> {
  return loadClickbaitModel(new Uint8Array(await (await fetchModel('/models/clickbait.bin')).arrayBuffer()));
}

/** The rage, engagement, urgency and promotion rules, written from lib/core/detectors at build time, with the
 * models learned for them (public/models/detectors.bin, scripts/train-detectors.ts). */
async function loadDetectors(): Promise<unknown> {
  const [tables, learned] = await Promise.all([
    fetchModel('/models/detectors.json').then((r) => r.json()),
    // Without the models the rules still run: a missing file costs recall, not the whole stage.
    fetchModel('/models/detectors.bin').then((r) => r.arrayBuffer()).catch(() => null),
  ]);
  return buildDetectorRules(readDetectors(tables), learned ? new Uint8Array(learned) : undefined);
}

/** What every feed content script does: run the shield for its adapter, for as long as the script lives (`ctx` is
 * lib/content-script/context.ts: only the browser ends that, never the page). */
export function runFeedShield(adapter: Adapter, ctx: { signal: AbortSignal }): Shield {
  const startedAt = performance.now();
  const core = { compileProfile, decide, quoteEvidence, rerank } as unknown as CoreShield;
  const shield = startShield(
    adapter,
    { engine: coreEngine(core, adapter.platform), transport: browserTransport(), loadClickbait, loadDetectors },
    // The page-cost bench reads when the shield was ready (scripts/bench-page-cost.ts). It lives in the content
    // script's own world: the page cannot see it.
    { signal: ctx.signal, onReady: () => ((globalThis as { parapetReady?: number[] }).parapetReady = [startedAt, performance.now()]) },
  );
  // Client-side navigations the site does not announce with an event of its own.
  watchAddress(ctx.signal, () => shield.navigated());
  return shield;
}
