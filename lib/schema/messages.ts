import { z } from 'zod';
import { ChatSite, FeedPlatform, Site, label } from './common';
import { Profile } from './profile';
import { Feedback, Flag, FlagStatus, LoggedDecision, Signal, type StoredFlag } from './log';
import { FeedItem } from './item';
import { Decision, Reason } from './decision';
import { KNOWN_CAP } from './known-decisions';
import type { DecisionSummary } from './summary';
import type { TopicPreview } from './topic-preview';
import type { InferredModel } from './inferred';
import type { JudgeItemsResponse, ModelBenchResponse, ModelCapabilitiesResponse, ModelStatusResponse } from '../judge/protocol';
import { MENU_COMMANDS } from './menu-command';
import { acceptReport } from './log-batch';

/** The Activity view's filters, as activity/query and activity/count receive them. */
const ActivityFilters = z.object({
  platform: z.string().max(20).optional(),
  action: z.string().max(20).optional(),
  reason: z.string().max(60).optional(),
  search: z.string().max(200).optional(),
  since: z.number().optional(),
  until: z.number().optional(),
  /** One tab's decisions (the popup's counts lead here with the tab and the time its page started counting). */
  tab: z.number().int().optional(),
  /** Only items Parapet moved from the site's position. */
  reordered: z.boolean().optional(),
});

const WhyToken = z.string().regex(/^[0-9a-f]{32}$/);
const ImportToken = z.string().regex(/^[0-9a-z]{8,40}$/);
/** One surface of a feed site found working or not (the popup's site health). */
const HealthReport = z.object({ surface: z.string().max(40), ok: z.boolean(), detail: z.string().max(300).default('') });
/** A feed tab's counts, and the surfaces found working since it last sent them. */
const TabCounts = z.object({
  platform: FeedPlatform,
  seen: z.number().int().nonnegative(),
  hidden: z.number().int().nonnegative(),
  labelled: z.number().int().nonnegative(),
  reordered: z.number().int().nonnegative(),
  /** When this page started counting: Activity opened from the popup shows the decisions logged since. */
  since: z.number().int().nonnegative().optional(),
  /** The surfaces found working since the last send: they ride on the counts instead of a message each at the
   * release, where the page waits (health.ts, reporter.ts). */
  health: z.array(HealthReport).max(8).optional(),
});
const ReportRest = z.object({ signals: z.array(Signal).max(500).default([]), stats: TabCounts.optional() });
const TabReport = ReportRest.extend({ decisions: z.array(LoggedDecision).max(500).default([]), flags: z.array(Flag).max(500).default([]) });
const Paging = z.object({ below: z.number().int().optional(), limit: z.number().int().min(1).max(5_000).default(1_000) });

/** Every message that reaches the background, by type. `privileged` ones are accepted only from the
 * extension's own pages (popup, dashboard, offscreen), never from a content script. */
export const requests = {
  'profile/get': { privileged: false, payload: z.object({}) },
  /** A feed tab's start: its profile and the shipped models it decides with, in one answer. */
  'page/start': { privileged: false, payload: z.object({}) },
  /** A feed tab that started from the profile kept for its feed's tabs (stored-models.ts), once its page is parsed:
   * `key`, which one (readyKey). Answered null; a tab whose profile is not the current one is sent it as a broadcast. */
  'page/current': { privileged: false, payload: z.object({ key: z.string().max(100) }) },
  /** A feed tab that started from the kept profile with that `key` and the models `stamp`: the decisions it made
   * afresh with them, for the feed's next pages (lib/schema/known-decisions.ts). Answered null; kept only while they
   * are what the feed's tabs are given. */
  'page/known': {
    privileged: false,
    payload: z.object({
      key: z.string().max(100),
      stamp: z.string().max(100),
      entries: z
        .array(z.object({ id: z.string().min(1).max(200), fp: z.number().int(), decision: Decision, quoted: z.array(Reason).max(20) }))
        .max(KNOWN_CAP),
    }),
  },
  /** `base`: the stored profile the edit started from; what changed since is kept (lib/core/profile-merge.ts). */
  'profile/save': { privileged: true, payload: z.object({ profile: Profile, base: Profile.optional() }) },
  /** A bounded profile change the user made from the page itself (show anyway for this author, hide this...). */
  'feedback/record': {
    privileged: false,
    payload: z.object({ feedback: Feedback, item: FeedItem.optional() }),
  },
  'health/report': {
    privileged: false,
    payload: z.object({
      platform: FeedPlatform,
      ...HealthReport.shape,
    }),
  },
  /** Why one item was hidden or labelled, put by its tab under a random token and read by the why frame. */
  'why/put': {
    privileged: false,
    payload: z.object({
      token: WhyToken,
      decision: Decision,
      author: z.string().max(200),
      /** The reason alone, or the item's menu (lib/core/item-menu.ts). */
      view: z.enum(['why', 'menu']).default('why'),
      /** The item is behind a stub now. */
      hidden: z.boolean().default(false),
    }),
  },
  'why/get': { privileged: false, payload: z.object({ token: WhyToken }) },
  /** A command chosen in an item's menu (the frame), handed on to the tab that drew the item, and to nothing else. */
  'why/act': { privileged: false, payload: z.object({ token: WhyToken, command: z.enum(MENU_COMMANDS) }) },
  'tab/stats': { privileged: false, payload: TabCounts },
  /** What a feed tab sends at each flush of its log (lib/shield-runtime/reporter.ts), in one message: the rows of the
   * three logs (decisions, flags, signals; a list left out is empty) and its counts (as tab/stats, when they
   * changed). The one message that adds to the log, from the extension's own pages too (tests and benches seed it so).
   * `accept`: decisions and flags by the plain checks, the signals and counts by the schema. */
  'tab/report': { privileged: false, payload: TabReport, accept: acceptReport((parts) => ReportRest.safeParse(parts).data ?? null) },
  /** A chat tab added the person's instructions to one message they sent (the popup says how often). */
  'chat/added': { privileged: false, payload: z.object({ site: ChatSite, instructions: z.number().int().min(1).max(100) }) },
  'tab/stats/get': { privileged: true, payload: z.object({ tabId: z.number().int() }) },
  'health/get': { privileged: true, payload: z.object({}) },
  'chat/select': { privileged: false, payload: z.object({ site: ChatSite, message: z.string().max(200_000) }) },
  'chat/warn': { privileged: false, payload: z.object({ site: ChatSite, detail: z.string().max(300) }) },
  'data/export': { privileged: true, payload: z.object({ includeLog: z.boolean().default(false) }) },
  /** `log`: an activity log staged part by part with data/import-log, to replace the log with the profile. */
  'data/import': {
    privileged: true,
    payload: z.object({ text: z.string(), byteLength: z.number().int().nonnegative(), log: z.object({ token: ImportToken, rows: z.number().int().nonnegative() }).optional() }),
  },
  /** One part of an imported activity log, kept aside until data/import confirms the whole (`first` starts again). */
  'data/import-log': { privileged: true, payload: z.object({ token: ImportToken, first: z.boolean(), rows: z.array(LoggedDecision).max(2_000) }) },
  /** The decision log a page at a time, newest first, for an export of any size (below: the id to continue under). */
  'log/page': { privileged: true, payload: Paging },
  'data/wipe': { privileged: true, payload: z.object({ confirm: z.literal('wipe') }) },
  'data/counts': { privileged: true, payload: z.object({}) },
  /** What could not be saved lately (or a profile restored from its copy): the popup tells the person. */
  'storage/problem': { privileged: true, payload: z.object({ dismiss: z.boolean().optional() }) },
  'activity/query': { privileged: true, payload: ActivityFilters.extend({ limit: z.number().int().positive().max(200_000).optional() }) },
  'activity/reverse': { privileged: true, payload: z.object({ id: z.number().int() }) },
  /** What each exception changed and the titles of items hidden by hand (lib/background/exception-effects.ts). */
  'exceptions/effects': { privileged: true, payload: z.object({}) },
  'activity/unreverse': { privileged: true, payload: z.object({ id: z.number().int() }) },
  /** How many decisions the Activity view's filters match (same filters as activity/query, no limit). */
  'activity/count': { privileged: true, payload: ActivityFilters },
  'signals/list': { privileged: true, payload: z.object({ limit: z.number().int().positive().optional() }) },
  'flags/list': { privileged: true, payload: z.object({ status: FlagStatus.optional() }) },
  /** The review queue a page at a time, newest first, so a queue of any length is read in messages of bounded size. */
  'flags/page': { privileged: true, payload: Paging },
  /** `onlyOpen`: rows that already have a verdict keep it (a bulk verdict). */
  'flags/verdict': {
    privileged: true,
    payload: z.object({ ids: z.array(z.number().int()).max(10_000), status: FlagStatus, onlyOpen: z.boolean().default(false) }),
  },
  /** The Inferred view in one answer: recent signals, and the decision log summarised where it lives (never 100k rows). */
  'inference/get': {
    privileged: true,
    payload: z.object({
      signals: z.number().int().positive().max(50_000).default(5_000),
      decisions: z.number().int().positive().max(200_000).default(20_000),
    }),
  },
  /** What a topic being typed would catch: related words, and examples from the user's recent feed (lib/background/topic-preview.ts). */
  'topics/preview': {
    privileged: true,
    payload: z.object({
      label,
      kind: z.enum(['avoid', 'interest']),
      exclude: z.array(label).max(200).default([]),
      keywords: z.array(label).max(50).default([]),
    }),
  },

  // ---- Local LLM judge (handlers in lib/background/judge.ts) ----
  /** From content scripts: items the fast tier is unsure about (or all, when the profile has natural-language rules). */
  'judge/items': {
    privileged: false,
    payload: z.object({
      items: z.array(FeedItem).max(100),
      fast: z.array(Decision).max(100),
      /** Ids of the items on screen now: judged first. */
      visibleIds: z.array(z.string().max(200)).max(100).default([]),
    }),
  },
  'model/status': { privileged: true, payload: z.object({}) },
  'model/capabilities': { privileged: true, payload: z.object({}) },
  'model/download': { privileged: true, payload: z.object({ engine: z.enum(['webllm', 'prompt-api']), modelId: z.string().min(1).max(200) }) },
  'model/cancel': { privileged: true, payload: z.object({}) },
  'model/delete': { privileged: true, payload: z.object({ modelId: z.string().min(1).max(200) }) },
  /** Turns the judge on or off and picks its engine and model (profile.judge). */
  'model/settings': {
    privileged: true,
    payload: z.object({ enabled: z.boolean().optional(), engine: z.enum(['webllm', 'prompt-api']).optional(), modelId: z.string().min(1).max(200).optional() }),
  },
  /** Runs the loaded model over synthetic items and reports speed (the judge-bench page). */
  'model/bench': { privileged: true, payload: z.object({ items: z.number().int().min(1).max(200).default(32) }) },
} as const;

export type RequestType = keyof typeof requests;
export type RequestPayload<K extends RequestType> = z.input<(typeof requests)[K]['payload']>;
export type ParsedPayload<K extends RequestType> = z.output<(typeof requests)[K]['payload']>;

export interface TabStats {
  platform: FeedPlatform;
  seen: number;
  hidden: number;
  labelled: number;
  reordered: number;
  since?: number;
}
/** What Parapet did in one chat tab: messages sent with instructions, and how many instructions went in all. */
export interface ChatTabStats {
  site: ChatSite;
  messages: number;
  instructions: number;
}
export interface SiteHealth {
  platform: FeedPlatform;
  surface: string;
  ok: boolean;
  detail: string;
  at: number;
}
export interface ChatSelection {
  id: string;
  text: string;
  why: string;
  /** Not added: it fits the message's subject, but the message asks otherwise; `why` says how ("you asked for miles"). */
  skipped?: boolean;
}

/** The shipped models as a feed tab receives them (lib/background/page-models.ts): the binary files in base64,
 * the detector data as the JSON text of a DetectorData, checked; null for a file the background could not read. */
export interface PageModels {
  clickbait: string | null;
  detectorTables: string | null;
  learned: string | null;
}

/** What the background answers to each request. */
export interface Responses {
  'profile/get': Profile;
  /** `models`: the stamp of the copy the tab reads in storage.local (lib/schema/stored-models.ts), or the models
   * themselves when the background could not keep them there. */
  'page/start': { profile: Profile; models: PageModels | string };
  'page/current': null;
  'page/known': null;
  'profile/save': Profile;
  'feedback/record': Profile;
  'health/report': null;
  'why/put': null;
  'why/get': { decision: Decision; author: string; view: 'why' | 'menu'; hidden: boolean } | null;
  'why/act': null;
  'tab/stats': null;
  'tab/report': null;
  'chat/added': null;
  'tab/stats/get': { stats: TabStats | null; health: SiteHealth | null; chat: ChatTabStats | null };
  'health/get': SiteHealth[];
  /** `selections`: what goes with the message; `skipped`: what fitted it but the message overrode (marked skipped). */
  'chat/select': { enabled: boolean; placement: 'start' | 'end'; selections: ChatSelection[]; skipped?: ChatSelection[] };
  'chat/warn': null;
  'data/export': { json: string; filename: string };
  /** `logRows`: how many rows the activity log holds now, when the import replaced it. */
  'data/import': { ok: true; profile: Profile; logRows?: number } | { ok: false; errors: string[] };
  /** How many rows of this import are kept aside so far. */
  'data/import-log': { staged: number };
  'log/page': { rows: LoggedDecision[]; next: number | null };
  'data/wipe': Profile;
  'storage/problem': { at: number; detail: string } | null;
  'data/counts': {
    decisions: number;
    signals: number;
    feedback: number;
    flags: number;
    /** Rows tabs sent faster than a person could produce them, dropped since the background started. */
    refused: Record<'decisions' | 'flags' | 'signals' | 'feedback', number>;
    /** What could not be saved (or a profile restored from its copy), until the person wipes. */
    problem: { at: number; detail: string } | null;
  };
  'activity/query': LoggedDecision[];
  'activity/reverse': LoggedDecision | null;
  /** `changed`: logged decisions each exception (by id) changed since it was made; `hidden`: by `platform:itemId`;
   * `titles`: an item exception's title as the log has it, by id. */
  'exceptions/effects': { changed: Record<string, number>; hidden: Record<string, { title: string; url: string }>; titles: Record<string, string> };
  'activity/unreverse': LoggedDecision | null;
  'activity/count': number;
  'signals/list': Signal[];
  'flags/list': StoredFlag[];
  'flags/page': { rows: StoredFlag[]; next: number | null };
  'flags/verdict': StoredFlag[];
  /** `named`: the inferred model as named topics (the meaning model's), null when the model is unavailable.
   * `revision`: the profile's revision it was computed from (a view showing a later one applies its own controls). */
  'inference/get': { now: number; revision: number; signals: Signal[]; summary: DecisionSummary; named: InferredModel | null };
  'topics/preview': TopicPreview;

  // ---- Local LLM judge ----
  'judge/items': JudgeItemsResponse;
  'model/status': ModelStatusResponse;
  'model/capabilities': ModelCapabilitiesResponse;
  'model/download': ModelStatusResponse;
  'model/cancel': ModelStatusResponse;
  'model/delete': ModelStatusResponse;
  'model/settings': Profile;
  'model/bench': ModelBenchResponse;
}

/** Messages the background pushes to content scripts and pages. */
export const broadcasts = z.discriminatedUnion('type', [
  z.object({ type: z.literal('profile/changed'), profile: Profile }),
]);
export type Broadcast = z.infer<typeof broadcasts>;

export const Envelope = z.object({ type: z.string().max(60), payload: z.unknown() });
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export { Site };
