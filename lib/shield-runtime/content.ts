import type { Adapter } from '../adapters/types';
import { loadClickbaitModel } from '../core/clickbait/model';
import { buildDetectorRules } from '../core/detectors';
import type { DetectorTables } from '../core/detectors/data-file';
import { decide, quoteEvidence, rerank } from '../core/shield';
import { compileWithLookups, type CompileOptions } from '../core/shield/compile';
import { base64ToBytes as bytesOf } from '../core/shield/packed';
import { noLookups, restoreLookups } from '../core/shield/prepared';
import type { Profile } from '../schema/profile';
import { watchAddress } from '../content-script/address';
import { LazyModel } from './decider';
import { coreEngine, type CoreShield } from './engine';
import { takeEarlyStart } from './early-hold';
import { requestPageStart } from './page-start';
import { startShield, type Shield } from './runner';
import { browserTransport } from './transport';
import { putItemsOutOfSight } from './unread';

/** performance.now() at document_start, at ready, when this script ran, and when its storage read began and came
 * back (-1: not read). */
export type ReadyTimes = [start: number, ready: number, ran: number, readBegun: number, readDone: number];

/**
 * Runs the shield once the page's DOMContentLoaded has been dispatched. Chromium runs the feed script after it;
 * Firefox runs it just before, so there its setting up held up DOMContentLoaded and the site's own handlers of it.
 * A task later, whatever a page does with the event: no event is waited for.
 */
export function runFeedShieldOnceParsed(adapter: Adapter, ctx: { signal: AbortSignal }): void {
  const early = takeEarlyStart();
  if (!early || early.parsed) runFeedShield(adapter, ctx);
  else setTimeout(() => runFeedShield(adapter, ctx), 0);
}

/** What every feed content script does: run the shield for its adapter, for as long as the script lives (`ctx` is
 * lib/content-script/context.ts: only the browser ends that, never the page). */
export function runFeedShield(adapter: Adapter, ctx: { signal: AbortSignal }): Shield {
  const ranAt = performance.now();
  // A profile's rules, blocked authors and topics come built from the background (lib/core/shield/prepared.ts):
  // the tab carries no code to build them, and a profile without them (the defaults) has none.
  const compileProfile = (p: Profile, o: CompileOptions) => compileWithLookups(p, o.lookups ?? noLookups(), o);
  const core = { compileProfile, decide, quoteEvidence, rerank, restoreLookups } as unknown as CoreShield;
  const transport = browserTransport();
  // The document_start script asked for the profile and models and kept the parser's items unseen (early-hold.ts);
  // without it (it failed to start), this script asks now and its own hold keeps items unseen.
  const early = takeEarlyStart();
  const start = early?.start ?? requestPageStart(transport, adapter.platform, performance.now());
  const held = early?.claim(() => putItemsOutOfSight(adapter, document));
  const models = start.models;
  const shield = startShield(
    adapter,
    {
      engine: coreEngine(core, adapter.platform),
      transport,
      loadProfile: () => start.profile,
      loadKnown: start.known && (() => start.known!),
      // Each model is taken out of what was read as it is read: that stays reachable from `models` for the page's
      // life, its base64 text and the detector data need not. Made only when an item is decided with it (decider.ts):
      // a page whose items were all decided on an earlier visit never decodes it.
      loadClickbait: () =>
        models.then((m) => {
          const bytes = m.clickbait;
          m.clickbait = null;
          // The base64 text decoded at once (~1 ms): the bytes take less memory than the text, outside the JS heap.
          const decoded = bytes && bytesOf(bytes);
          return decoded && new LazyModel(() => loadClickbaitModel(decoded));
        }),
      // The rage, engagement, urgency and promotion rules, and the models learned for them: without those models
      // the rules still run (a missing file costs recall, not the whole stage).
      loadDetectors: () =>
        models.then((m) => {
          const { detectorTables: tables, learned } = m;
          m.detectorTables = m.learned = null;
          // As parsed: the rule engine takes the data file's rules as they are (rules.ts, EngineRule) and the other
          // fields are what the tables hold, so no tables' objects are made of them first.
          const learnedBytes = learned ? bytesOf(learned) : undefined;
          return tables && new LazyModel(() => buildDetectorRules(JSON.parse(tables) as DetectorTables, learnedBytes));
        }),
    },
    // The page-cost benches read when the shield was ready, and when each step of its start came (scripts/
    // ready-time.ts). It lives in the content script's own world: the page cannot see it.
    {
      signal: ctx.signal,
      held,
      onReady: () => ((globalThis as { parapetReady?: ReadyTimes }).parapetReady = [start.startedAt, performance.now(), ranAt, start.read?.begun ?? -1, start.read?.done ?? -1]),
    },
  );
  // Client-side navigations the site does not announce with an event of its own.
  watchAddress(ctx.signal, () => shield.navigated());
  return shield;
}
