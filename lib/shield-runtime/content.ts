import type { Adapter } from '../adapters/types';
import { loadClickbaitModel } from '../core/clickbait/model';
import { buildDetectorRules } from '../core/detectors';
import { readDetectors } from '../core/detectors/data-file';
import { compileProfile, decide, quoteEvidence, rerank } from '../core/shield';
import { watchAddress } from '../content-script/address';
import { coreEngine, type CoreShield } from './engine';
import { startShield, type Shield } from './runner';
import { browserTransport } from './transport';

/** The bytes of a model the background sent in base64 (lib/background/page-models.ts). */
function bytesOf(base64: string): Uint8Array {
  const native = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
  if (native.fromBase64) return native.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** What every feed content script does: run the shield for its adapter, for as long as the script lives (`ctx` is
 * lib/content-script/context.ts: only the browser ends that, never the page). */
export function runFeedShield(adapter: Adapter, ctx: { signal: AbortSignal }): Shield {
  const startedAt = performance.now();
  const core = { compileProfile, decide, quoteEvidence, rerank } as unknown as CoreShield;
  const transport = browserTransport();
  // One answer brings the profile and the models: the tab fetches no file, and builds nothing but views of them.
  const start = transport.send('page/start', {});
  const shield = startShield(
    adapter,
    {
      engine: coreEngine(core, adapter.platform),
      transport,
      loadProfile: () => start.then((s) => s.profile),
      // Each model is taken out of the answer as it is read: the answer stays reachable from `start` for the page's
      // life, its base64 text and the detector data need not.
      loadClickbait: () =>
        start.then(({ models: m }) => {
          const bytes = m.clickbait;
          m.clickbait = null;
          return bytes && loadClickbaitModel(bytesOf(bytes));
        }),
      // The rage, engagement, urgency and promotion rules, and the models learned for them: without those models
      // the rules still run (a missing file costs recall, not the whole stage).
      loadDetectors: () =>
        start.then(({ models: m }) => {
          const { detectorTables: tables, learned } = m;
          m.detectorTables = m.learned = null;
          return tables && buildDetectorRules(readDetectors(tables), learned ? bytesOf(learned) : undefined);
        }),
    },
    // The page-cost bench reads when the shield was ready (scripts/bench-page-cost.ts). It lives in the content
    // script's own world: the page cannot see it.
    { signal: ctx.signal, onReady: () => ((globalThis as { parapetReady?: number[] }).parapetReady = [startedAt, performance.now()]) },
  );
  // Client-side navigations the site does not announce with an event of its own.
  watchAddress(ctx.signal, () => shield.navigated());
  return shield;
}
