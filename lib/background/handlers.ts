import type { Handlers } from '../messaging';
import type { Profile } from '../schema/profile';
import type { ChatSite, FeedPlatform } from '../schema/common';
import type { ChatSelection, PageModels, ParsedPayload, SiteHealth } from '../schema/messages';
import type { TabStatsStore } from './tab-stats';
import { buildExport, parseImport } from '../schema/export';
import { riskyRules } from '../schema/rule-risk';
import { requests } from '../schema/messages';
import {
  addFeedback,
  countDecisions,
  clearReversed,
  countRows,
  dismissProblem,
  getDecision,
  getMeta,
  listFlags,
  listMeta,
  listSignals,
  loadProfile,
  markReversed,
  pageDecisions,
  pageFlags,
  replaceLogWithStaged,
  stageLog,
  queryDecisions,
  saveProfile,
  setFlagStatus,
  setMeta,
  updateProfile,
  watchDecisions,
  wipeAll,
  type Store,
} from '../db';
import { applyFeedback, applyVerdicts } from '../core/feedback';
import { budgetPage } from '../core/message-budget';
import { mergeProfile } from '../core/profile-merge';
import { exceptionEffects } from './exception-effects';
import { summariseDecisions } from '../core/inference/summary';
import { SummaryCache } from './summary-cache';
import { meaningFor, namedInference } from './inferred-model';
import { canUndoReversal, reversalFeedback, undoReversal } from '../core/reverse';
import { createJudgeHandlers, type HostConnector } from './judge';
import { createTopicPreview } from './topic-preview';
import { createTopicPacker, isPageSender } from './topic-pack';
import { createPagePreparer, feedOfUrl, readyForTab } from './page-profile';
import { createModelStore, pageModels } from './page-models';
import { meaningModel } from './meaning';
import type { MeaningModel } from '../core/meaning/model';
import { createWhyHandlers } from './why-store';
import { createTabRates, type RateKind, type TabRates } from './tab-rates';
import { createLogBuffer, type LogBufferOptions } from './log-buffer';
import { isCurrent, madeFrom } from '../schema/stored-models';

export interface BackgroundDeps {
  store: Store;
  /** Tells every open tab and extension page that the profile changed. */
  broadcastProfile: (p: Profile) => void;
  tabStats: TabStatsStore;
  selectInstructions: (profile: Profile, site: ChatSite, message: string) => ChatSelection[] | Promise<ChatSelection[]>;
  now?: () => number;
  /** The link to the model host; one per background, shared by the feed judge and the chat selector. */
  judgeHost?: HostConnector;
  /** The meaning model; lib/background/meaning.ts by default (tests hand in their own). */
  meaning?: () => Promise<MeaningModel | null>;
  /** Adds the topics by meaning to a profile bound for a tab (shared with the broadcast, so one cache). */
  withTopicPack?: (p: Profile, opts?: { waitMs?: number; late?: () => void }) => Promise<Profile>;
  /** The shipped models handed to feed tabs (lib/background/page-models.ts by default). */
  pageModels?: (feed: FeedPlatform | null) => Promise<PageModels>;
  /** Keeps the models in storage.local for the tabs to read; resolves to the copy's stamp, null when not kept
   * (createModelStore in lib/background/page-models.ts by default). */
  storedModels?: () => Promise<string | null>;
  /** Builds a feed tab's look-ups into the profile it is sent (shared with the broadcast, so one cache). */
  forPage?: (p: Profile, url: string | undefined) => Promise<Profile>;
  /** Keeps what page/start answers each feed's tabs in storage.local, for them to read instead (tab-ready-store.ts). */
  tabReady?: { refresh(): Promise<void>; forget(): Promise<void>; current(feed: FeedPlatform, key: string, stamp?: string): Promise<boolean> };
  /** Keeps the decisions a feed's tabs made with its kept copy, for its next pages (known-store.ts). */
  known?: { keep(feed: FeedPlatform, key: string, stamp: string, entries: ParsedPayload<'page/known'>['entries']): Promise<void> };
  /** Sends one tab its profile, as a broadcast does (a tab that started from an older kept copy). */
  tellTab?: (tab: number, profile: Profile) => void;
  /** How fast each tab may add to the logs (lib/background/tab-rates.ts by default). */
  tabRates?: TabRates;
  /** How long the tabs' rows wait to be written together (lib/background/log-buffer.ts). */
  logBuffer?: Pick<LogBufferOptions, 'delayMs' | 'maxRows'>;
}

const healthKey = (platform: string) => `health:${platform}`;
/** How long a tab's profile request waits for its new topics to be expanded, the model in; for a model still loading
 * it does not wait (topic-pack.ts). */
const PACK_WAIT_MS = 150;

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const summaries = new SummaryCache();
  const topicPreview = createTopicPreview(store, deps.meaning);
  const withTopicPack = deps.withTopicPack ?? createTopicPacker(deps.meaning ?? meaningModel);
  watchDecisions(store, () => summaries.invalidate());
  const rates = deps.tabRates ?? createTabRates(now);
  // Rows from a web page's tab beyond what a person could produce are dropped (and counted); the extension's own
  // pages (the dashboard, even open in a tab) are not limited.
  const allowed = <T>(sender: { url?: string; tab?: { id?: number } }, kind: RateKind, rows: T[]): T[] =>
    sender.tab?.id === undefined || !isPageSender(sender) ? rows : rows.slice(0, rates.take(sender.tab.id, kind, rows.length));
  const readModels = deps.pageModels ?? pageModels;
  const storedModels = deps.storedModels ?? createModelStore();
  const forPage = deps.forPage ?? createPagePreparer();
  // A feed tab gets the profile with its topics expanded by meaning; extension pages get the profile alone.
  async function profileFor(sender: { url?: string }): Promise<Profile> {
    const stored = await loadProfile(store, now());
    return isPageSender(sender) ? (await forTab(stored, sender.url)).profile : stored;
  }
  // A tab holds its items for at most a second (runner.ts): answer within a fraction of that, and send the topics when ready.
  const forTab = (stored: Profile, url: string | undefined) =>
    readyForTab(stored, url, (p) => withTopicPack(p, { waitMs: PACK_WAIT_MS, late: () => deps.broadcastProfile(stored) }), forPage);
  const sameProfile = (a: Profile, b: Profile) => a.revision === b.revision && a.updatedAt === b.updatedAt;
  const keepHealth = ({ platform, surface, ok, detail }: ParsedPayload<'health/report'>) =>
    setMeta(store, healthKey(platform), { platform, surface, ok, detail, at: now() } satisfies SiteHealth);
  const changed = async (p: Profile) => {
    // Before the change is answered: a tab that starts now asks for its profile instead of reading the copy kept.
    await deps.tabReady?.forget();
    deps.broadcastProfile(p);
    return p;
  };
  /** A profile write. The copies kept for tabs are cleared before it too: a tab that starts between the write and
   * `changed` would read one older than the profile the person has just seen saved. */
  const change = async (write: () => Promise<Profile>) => {
    await deps.tabReady?.forget();
    return changed(await write());
  };
  const buffer = createLogBuffer(store, {
    ...deps.logBuffer,
    // A repeat of an item judged "wrong" (another author's copy of the headline) is covered by the same verdict.
    onRepeats: async (repeats) => {
      const wrong = repeats.filter((r) => r.into.status === 'wrong').map((r) => r.row);
      const before = wrong.length ? await loadProfile(store, now()) : null;
      if (before && applyVerdicts(before, wrong, 'wrong', now()) !== before) {
        await change(() => updateProfile(store, (p) => applyVerdicts(p, wrong, 'wrong', now()), now()));
      }
    },
  });
  /** A feed tab's rows are kept to be written with others, and its message answered at once; the extension's own
   * pages (which seed and import) get their answer once the rows are written. */
  const keep = (sender: { url?: string }, rows: Parameters<typeof buffer.add>[0]) => {
    if (!isPageSender(sender)) {
      buffer.add(rows);
      return buffer.flush().then(() => null);
    }
    // The log numbers rows itself: a page's id could only collide with a stored row, and fail every tab's batch.
    for (const list of [rows.decisions, rows.flags, rows.signals]) for (const r of list ?? []) delete r.id;
    buffer.add(rows);
    return null;
  };

  /** A tab's rows (kept to be written with others) and its counts. */
  async function report({ decisions, flags, signals, stats }: ParsedPayload<'tab/report'>, sender: { url?: string; tab?: { id?: number } }): Promise<null> {
    // The tab is the sender's, whatever the row says: Activity shows one tab's decisions by it.
    const tab = isPageSender(sender) ? sender.tab?.id : undefined;
    const kept = allowed(sender, 'decisions', decisions);
    if (tab !== undefined) for (const r of kept) r.tab = tab;
    const written = keep(sender, { decisions: kept, flags: allowed(sender, 'flags', flags), signals: allowed(sender, 'signals', signals) });
    if (stats) {
      const { health, ...counts } = stats;
      for (const h of health ?? []) await keepHealth({ platform: counts.platform, ...h });
      if (sender.tab?.id !== undefined) await deps.tabStats.set(sender.tab.id, counts);
    }
    return written;
  }

  const handlers: Handlers = {
    'profile/get': (_payload, sender) => profileFor(sender),
    // What a feed tab waits for before its first decisions: its profile, and which copy of the models to read where
    // the background keeps them (lib/schema/stored-models.ts); it fetches no model file per page.
    'page/start': async (_payload, sender) => {
      const [profile, stamp] = await Promise.all([profileFor(sender), storedModels()]);
      return { profile, models: stamp ?? (await readModels(isPageSender(sender) ? feedOfUrl(sender.url) : null)) };
    },
    'page/current': async ({ key }, sender) => {
      const tab = sender.tab?.id;
      const feed = isPageSender(sender) ? feedOfUrl(sender.url) : null;
      if (!feed || tab === undefined || (await deps.tabReady?.current(feed, key))) return null;
      const stored = await loadProfile(store, now());
      if (isCurrent(key, stored)) return null;
      // Written without a broadcast (read back from its copy, the defaults after a wipe): kept anew for the next tabs.
      if (!madeFrom(key, stored)) void deps.tabReady?.refresh();
      const current = await forTab(stored, sender.url);
      // A save meanwhile reaches the tab in its own broadcast, with a later revision: this one must not follow it.
      if (current.key !== key && sameProfile(stored, await loadProfile(store, now()))) deps.tellTab?.(tab, current.profile);
      return null;
    },
    // Written after the answer: the tab waits for nothing.
    'page/known': async ({ key, stamp, entries }, sender) => {
      const feed = isPageSender(sender) ? feedOfUrl(sender.url) : null;
      if (feed) void deps.known?.keep(feed, key, stamp, entries);
      return null;
    },
    'profile/save': async ({ profile, base }) => {
      const refused = riskyRules(profile.rules);
      if (refused.length) throw new Error(refused.join('; '));
      if (!base) return change(() => saveProfile(store, profile, now()));
      // Merged in the same transaction as the write, so a change made elsewhere a moment before is never lost.
      return change(() => updateProfile(store, (current) => (current.revision === base.revision ? profile : mergeProfile(base, profile, current)), now()));
    },
    'feedback/record': async ({ feedback, item }, sender) => {
      if (allowed(sender, 'feedback', [feedback]).length === 0) return loadProfile(store, now());
      await addFeedback(store, feedback);
      const before = await loadProfile(store, now());
      const next = applyFeedback(before, feedback, item, now());
      if (next === before) return before;
      return change(() => updateProfile(store, () => next, now()));
    },
    'health/report': async (report) => {
      await keepHealth(report);
      return null;
    },
    'tab/stats': async (stats, sender) => report({ decisions: [], flags: [], signals: [], stats }, sender),
    'tab/report': report,
    'chat/added': async ({ site, instructions }, sender) => {
      if (sender.tab?.id !== undefined) await deps.tabStats.chat?.add(sender.tab.id, site, instructions);
      return null;
    },
    'tab/stats/get': async ({ tabId }) => {
      const [stats, chat] = await Promise.all([deps.tabStats.get(tabId), deps.tabStats.chat?.get(tabId) ?? null]);
      const health = stats ? ((await getMeta<SiteHealth>(store, healthKey(stats.platform))) ?? null) : null;
      return { stats, health, chat };
    },
    'health/get': async () => {
      return listMeta<SiteHealth>(store, 'health:');
    },
    'chat/select': async ({ site, message }) => {
      const profile = await loadProfile(store, now());
      // Site-wide, never about this message: the tab shows its chip from this, and the page can see the chip.
      const enabled = !profile.paused && profile.sites[site] && profile.instructions.some((i) => i.enabled && i.sites.includes(site));
      const picked = enabled ? await deps.selectInstructions(profile, site, message) : [];
      return {
        enabled,
        placement: profile.chat.placement,
        // What goes with the message, and apart what fitted it but the message itself overrode ("in miles").
        selections: picked.filter((s) => !s.skipped),
        skipped: picked.filter((s) => s.skipped),
      };
    },
    'chat/warn': async ({ site, detail }) => {
      await setMeta(store, `chat-warning:${site}`, { detail, at: now() });
      return null;
    },
    'data/export': async ({ includeLog }) => {
      // A full log is past what one message carries (64 MiB at about 147,000 rows): the Data view reads it with log/page.
      if (includeLog) throw new Error('the activity log is exported a page at a time (log/page), not in one message');
      const file = buildExport(await loadProfile(store, now()), undefined, now());
      const stamp = new Date(now()).toISOString().slice(0, 10);
      return { json: JSON.stringify(file, null, 2), filename: `parapet-profile-${stamp}.json` };
    },
    'data/import': async ({ text, byteLength, log }) => {
      const result = parseImport(text, byteLength, now());
      if (!result.ok) return { ok: false, errors: result.errors };
      const refused = riskyRules(result.value.rules);
      if (refused.length) return { ok: false, errors: refused };
      // The log first: if it did not arrive whole, nothing changes, the profile included.
      const logRows = log ? await replaceLogWithStaged(store, log.token, log.rows) : undefined;
      const saved = await change(() => saveProfile(store, result.value, now()));
      return { ok: true, profile: saved, ...(logRows === undefined ? {} : { logRows }) };
    },
    'data/import-log': async ({ token, first, rows }) => ({ staged: await stageLog(store, token, rows, first) }),
    'log/page': async ({ below, limit }) => budgetPage(await pageDecisions(store, below, limit)),
    'data/wipe': async () => change(() => wipeAll(store, now())),
    'storage/problem': ({ dismiss }) => {
      if (dismiss) dismissProblem(store);
      return store.problem;
    },
    'data/counts': async () => ({ ...(await countRows(store)), refused: rates.refused(), problem: store.problem }),
    'activity/query': (q) => queryDecisions(store, q),
    'activity/reverse': async ({ id }) => {
      const row = await markReversed(store, id, now());
      const feedback = row ? reversalFeedback(row, now()) : null;
      if (!row || !feedback) return row ?? null;
      // Recorded like feedback from the page, so the next decision on this item honours the reversal.
      await addFeedback(store, feedback);
      const before = await loadProfile(store, now());
      if (applyFeedback(before, feedback, undefined, now()) !== before) {
        await change(() => updateProfile(store, (p) => applyFeedback(p, feedback, undefined, now()), now()));
      }
      return row;
    },
    'activity/unreverse': async ({ id }) => {
      const before = await getDecision(store, id);
      if (!before || !canUndoReversal(before)) return before ?? null;
      const profile = await loadProfile(store, now());
      if (undoReversal(profile, before, now()) !== profile) {
        await change(() => updateProfile(store, (p) => undoReversal(p, before, now()), now()));
      }
      return (await clearReversed(store, id)) ?? null;
    },
    'activity/count': (q) => countDecisions(store, q),
    'exceptions/effects': () => exceptionEffects(store, now()),
    'signals/list': ({ limit }) => listSignals(store, limit),
    'flags/list': ({ status }) => listFlags(store, status),
    'flags/page': async ({ below, limit }) => budgetPage(await pageFlags(store, below, limit)),
    'flags/verdict': async ({ ids, status, onlyOpen }) => {
      const flags = await setFlagStatus(store, ids, status, now(), onlyOpen);
      // A "wrong" verdict must hold on the next page load: it becomes an exception in the profile.
      const before = await loadProfile(store, now());
      if (applyVerdicts(before, flags, status, now()) !== before) {
        await change(() => updateProfile(store, (p) => applyVerdicts(p, flags, status, now()), now()));
      }
      return flags;
    },
    'inference/get': async ({ signals, decisions }) => {
      const [profile, recentSignals, model] = await Promise.all([loadProfile(store, now()), listSignals(store, signals), meaningFor(deps.meaning)]);
      const summary = await summaries.get(`${decisions}\u0000${JSON.stringify(profile.interests)}\u0000${model ? 'meaning' : 'words'}`, async () =>
        summariseDecisions(await queryDecisions(store, { limit: decisions }), profile.interests, model),
      );
      return { now: now(), revision: profile.revision, signals: recentSignals, summary, named: namedInference(recentSignals, profile, now(), model) };
    },
    'topics/preview': (req) => topicPreview(req),
    ...createJudgeHandlers({ ...deps, change }, deps.judgeHost),
    ...createWhyHandlers(now),
  };
  // What the extension's own pages read (Activity, Flagged, the counts, an export) includes every row sent before.
  for (const type of Object.keys(requests) as Array<keyof typeof requests>) {
    const handler = handlers[type] as (p: unknown, s: unknown) => unknown;
    if (requests[type].privileged && handler) {
      (handlers as Record<string, unknown>)[type] = async (p: unknown, s: unknown) => (await buffer.flush(), handler(p, s));
    }
  }
  return handlers;
}
