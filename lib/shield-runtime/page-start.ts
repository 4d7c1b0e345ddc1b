import { browser } from 'wxt/browser';
import type { Profile } from '../schema/profile';
import type { FeedPlatform } from '../schema/constants';
import type { PageModels } from '../schema/messages';
import { KNOWN_VERSION, knownKey, type StoredKnown } from '../schema/known-decisions';
import type { WithPrepared } from '../core/shield/prepared';
import { BUILD, modelsKey, TAB_READY_VERSION, tabLookupsKey, tabReadyKey, type StoredModels, type StoredTabLookups, type StoredTabReady } from '../schema/stored-models';
import type { KnownStart } from './decider';
import type { Transport } from './transport';

/** What a feed page asks for as it starts: the person's profile and the models, asked for at the same time. */
export interface PageStart {
  /** performance.now() when the page's first Parapet script ran (document_start). */
  readonly startedAt: number;
  readonly profile: Promise<Profile>;
  readonly models: Promise<PageModels>;
  /** The decisions kept from the feed's earlier pages for the profile this page starts from (none kept yet: no
   * entries); null when it starts from page/start's answer, whose decisions are not kept. */
  readonly known?: Promise<KnownStart | null>;
  /** Starts what is read from storage (readPageStart): called once the page is parsed. */
  begin?(): void;
  /** performance.now() when that read began and when its first part (the profile) came back (the page-cost benches
   * print where a page's start goes: scripts/ready-time.ts). */
  readonly read?: { begun?: number; done?: number };
}

type Newer = () => Profile | undefined;

/** `p`, or a profile the background broadcast meanwhile when that is a later revision (the person saved while the
 * page was loading). */
const latest = (p: Profile, newer?: Newer): Profile => {
  const later = newer?.();
  return later && later.revision > p.revision ? later : p;
};

/**
 * The profile comes in the answer to page/start; the models are read from where the background keeps them
 * (lib/schema/stored-models.ts) at the same time, unless `readBefore` holds them (readPageStart read them with a
 * profile it could not use). The answer names the copy to use: one read earlier than the background's last write of
 * it is read again.
 */
export function requestPageStart(transport: Transport, feed: FeedPlatform, startedAt: number, newer?: Newer, readBefore?: Promise<StoredModels | undefined>): PageStart {
  const start = transport.send('page/start', {});
  const key = modelsKey(feed);
  const read = () => browser.storage.local.get(key).then((kept) => kept[key] as StoredModels);
  const kept = readBefore ?? read();
  const profile = start.then(({ profile: p }) => latest(p, newer));
  const models = start.then(({ models: m }) => (typeof m !== 'string' ? m : kept.then((k) => (k?.stamp === m ? k : read()), read)));
  // Taken up a moment later, by the feed script once the page is parsed: a failure meanwhile is not an unhandled one
  // (the runner reads it as "not waited for").
  for (const p of [kept, profile, models]) p.catch(() => {});
  return { startedAt, profile, models };
}

/**
 * The start of a feed page (issue 24): the models and the profile its tabs are sent, both kept by the background in
 * storage.local (stored-models.ts), read once the page is parsed (`begin`): the feed script that takes them runs
 * only then, and their ~1 MB answered while the parser ran held up DOMContentLoaded (~5 ms on two cores).
 * No message either: what is not usable (none yet, another version or build) is asked for with page/start, as
 * requestPageStart does. `confirm`, once the feed script runs: the background is told which profile the tab started
 * from, and sends it the current one as a broadcast if that is another.
 *
 * The models come in this read rather than by fetching the model files: fetches started at document_start arrived
 * 260-410 ms after it, after this read (143-256 ms) and after the page was ready (measured 2026-12-06, HN bench page,
 * Chromium 156). The read's cost is its size: ~820 KB took 13-35 ms on an idle page, and its reply ~10 ms of the
 * renderer's main thread at a page start ("Receive mojo reply").
 */
export function readPageStart(transport: Transport, feed: FeedPlatform, startedAt: number, newer?: Newer): PageStart & { confirm(): void } {
  const mk = modelsKey(feed);
  const rk = tabReadyKey(feed);
  const kk = knownKey(feed);
  const lk = tabLookupsKey(feed);
  let begin!: () => void;
  const times: { begun?: number; done?: number } = {};
  const begun = new Promise<void>((r) => (begin = r)).then(() => void (times.begun = performance.now()));
  // Two gets, asked in the same task: the profile with the decisions kept, then the models with the profile's
  // look-ups, whose ~1 MB (~1.4 MB with a large profile) came back 12-16 ms after the first (HN bench page, Chromium
  // 156). A page whose items were all decided on an earlier visit is shown without waiting for them (runner.ts).
  // Asking the second only once the first is back was tried (2026-12-06, HN): a page seen before was ready ~6-10 ms
  // sooner (bench-page-start.ts, two runs), a first visit ~15 ms later (bench-dcl-trace.ts FIRST=1, N=6).
  const get = (keys: string[]) => begun.then(() => browser.storage.local.get(keys)).catch(() => ({}) as Record<string, unknown>);
  const first = get([rk, kk]).finally(() => (times.done = performance.now()));
  const second = get([mk, lk]);
  const stored = second.then((k) => k[mk] as StoredModels | undefined);
  const found = first.then((k) => {
    const r = k[rk] as StoredTabReady | undefined;
    if (r?.v !== TAB_READY_VERSION || r.build !== BUILD) return null;
    return { key: r.key, stamp: r.stamp, kept: r.profile, profile: latest(r.profile, newer), known: knownFor(r, k[kk] as StoredKnown | undefined) };
  });
  const known = found.then((f) => (f && f.profile === f.known.profile ? f.known : null));
  // Not usable (the first run, or the seconds after a change, while the background makes the copy again): page/start
  // is asked, and the models read here are used when the answer names them (about 1 MB not read twice).
  const asked = found.then((f) => (f ? null : requestPageStart(transport, feed, startedAt, newer, stored)));
  const profile = found.then((f) => f?.profile ?? asked.then((a) => a!.profile));
  // The models of the copy, with the profile's look-ups put back in it before they are handed on: the runner
  // compiles the person's profile once the models are in (or the hold's cap passed, and then again once they come:
  // engine.ts). What belongs to another copy (the background was writing a new one) is asked for as the fallback
  // does: the models read here are used if the answer names them, the look-ups taken from the profile it answers.
  const models = found.then((f) => {
    if (!f) return asked.then((a) => a!.models);
    return second.then((k) => {
      const m = k[mk] as StoredModels | undefined;
      const l = k[lk] as StoredTabLookups | undefined;
      const ours = l?.v === TAB_READY_VERSION && l.build === BUILD && l.stamp === f.stamp && l.key === f.key;
      if (ours) lookupsInto(f.kept, l.prepared);
      if (ours && m?.stamp === f.stamp) return m;
      const again = requestPageStart(transport, feed, startedAt, newer, stored);
      return ours ? again.models : again.profile.then((p) => (lookupsInto(f.kept, (p as WithPrepared).prepared), again.models));
    });
  });
  for (const p of [profile, models, known]) p.catch(() => {});
  const confirm = () => void found.then((f) => f && transport.send('page/current', { key: f.key })).catch(() => {});
  return { startedAt, profile, models, known, confirm, begin, read: times };
}

/** Puts the look-ups read apart back in the profile kept (StoredTabLookups), where the engine takes them at its first
 * compile with them (engine.ts). */
function lookupsInto(profile: Profile, prepared: WithPrepared['prepared'] | null): void {
  const p = profile as Profile & WithPrepared;
  if (prepared && !p.prepared) p.prepared = prepared;
}

/** The decisions kept for the copy `r` (none when those kept are another copy's). */
function knownFor(r: StoredTabReady, k: StoredKnown | undefined): KnownStart {
  const same = k?.v === KNOWN_VERSION && k.build === BUILD && k.stamp === r.stamp && k.key === r.key && Array.isArray(k.entries);
  return { profile: r.profile, key: r.key, stamp: r.stamp, entries: same ? k.entries : [] };
}
