import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { inferTopics, inferenceTimeline } from '@/lib/core/inference/infer';
import { controlsFromProfile, forgetTopic, namedAsShown, rejectTopic, setPinned, unrejectTopic, withControls } from '@/lib/core/inference/controls';
import { statedInterestShares, summariseDecisions } from '@/lib/core/inference/summary';
import { applyVerdicts } from '@/lib/core/feedback';
import { compileProfile, decide } from '@/lib/core/shield';
import { dispatch } from '@/lib/messaging';
import { createHandlers } from '@/lib/background/handlers';
import { openStore } from '@/lib/db';
import { fewShotExamples } from '@/lib/background/judge';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import type { Flag, LoggedDecision, Signal } from '@/lib/schema/log';
import { fakeClickbaitStage, item } from './shield-helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
let n = 0;
const sig = (type: Signal['type'], title: string, day: number, extra: Partial<Signal> = {}): Signal => ({
  id: ++n, ts: T0 + day * DAY, type, platform: 'youtube', itemId: `v${n}`, title, author: 'A', url: `https://www.youtube.com/watch?v=v${n}`, detail: '', ...extra,
});
const woodworking = [
  sig('open', 'Hand-cut dovetails for beginners', 0),
  sig('dwell', 'Dovetails: the paring chisel trick', 1, { value: 6 * 60_000 }),
  sig('open', 'Sharpening a chisel properly', 2),
  sig('open', 'Chisel sharpening on a budget', 3),
  sig('search', '', 3, { detail: 'dovetails jig', itemId: '' }),
];

describe('steering the inferred model from the profile', () => {
  const now = T0 + 5 * DAY;
  const topicsFor = (p: Profile, signals = woodworking) => inferTopics(signals, { now, controls: controlsFromProfile(p) }).map((t) => t.topic);

  it('infers topics from a sequence of signals with no model', () => {
    expect(topicsFor(defaultProfile(0)).slice(0, 2).sort()).toEqual(['chisel', 'dovetail']);
  });

  it('a rejected topic never reappears, however many signals follow, until the user takes the rejection back', () => {
    const rejected = rejectTopic(defaultProfile(0), 'Chisel');
    expect(rejected.inferred.rejected).toEqual(['chisel']);
    const flood = [...woodworking, ...Array.from({ length: 40 }, (_, i) => sig('open', `Chisel review ${i}`, 4))];
    expect(topicsFor(rejected, flood)).not.toContain('chisel');
    const events = inferenceTimeline(flood, { now, controls: controlsFromProfile(rejected) });
    expect(events.some((e) => e.topic === 'chisel')).toBe(false);
    expect(topicsFor(unrejectTopic(rejected, 'chisel'), flood).some((t) => t.split(' ').includes('chisel'))).toBe(true);
  });

  it('confirmed interests leave the suggestions; the folded label counts ("Dovetails" is "dovetail")', () => {
    const p: Profile = { ...defaultProfile(0), interests: [{ id: 'd', label: 'Dovetails', weight: 0.7, keywords: [], exclude: [] }] };
    expect(topicsFor(p)).not.toContain('dovetail');
    expect(topicsFor(p)).toContain('chisel');
  });

  it('pin keeps a topic on top; rejecting or forgetting unpins it', () => {
    const pinned = setPinned(defaultProfile(0), 'Sharpening', true);
    expect(inferTopics(woodworking, { now, controls: controlsFromProfile(pinned) })[0]).toMatchObject({ topic: 'sharpening', pinned: true });
    expect(rejectTopic(pinned, 'sharpening').inferred.pinned).toEqual([]);
    expect(setPinned(pinned, 'sharpening', false).inferred.pinned).toEqual([]);
  });

  it('a control shows at once on the topics the background named last: a pin moves its topic to the top', () => {
    const named = (topic: string, pinned = false) => ({ topic, label: topic, confidence: 0.8, score: 1, evidence: [], firstSeen: T0, learnedAt: T0, pinned });
    const last = [named('astronomy', true), named('guitar'), named('telescope'), named('woodworking')];
    const order = (p: Profile) => withControls({ topics: last, timeline: [] }, controlsFromProfile(p)).topics.map((t) => `${t.topic}${t.pinned ? ' (pinned)' : ''}`);
    const pinned = setPinned({ ...defaultProfile(0), inferred: { ...defaultProfile(0).inferred, pinned: ['astronomy'] } }, 'Woodworking', true);
    expect(order(pinned)).toEqual(['astronomy (pinned)', 'woodworking (pinned)', 'guitar', 'telescope']);
    expect(order(forgetTopic(pinned, 'guitar', now + 1))).toEqual(['astronomy (pinned)', 'woodworking (pinned)', 'telescope']);
    expect(order(rejectTopic(pinned, 'astronomy'))).toEqual(['woodworking (pinned)', 'guitar', 'telescope']);
  });

  describe('an answer computed from an older profile than the view shows', () => {
    // The background named these from the profile at revision 3; the person then pinned guitar and forgot
    // telescope. The answer can arrive after the press (it was asked for as the change showed, and read the
    // profile before the save was done): its stamp is later than the forgetting, its profile is not.
    const named = (topic: string, firstSeen = T0) => ({ topic, label: topic, confidence: 0.8, score: 1, evidence: [], firstSeen, learnedAt: firstSeen, pinned: false });
    const learned = (topic: string) => ({ ts: T0 + DAY, topic, label: topic, change: 'learned' as const, confidence: 0.6 });
    const answer = { topics: [named('astronomy'), named('telescope'), named('guitar')], timeline: [learned('telescope'), learned('guitar')] };
    const pressedAt = now;
    const since = forgetTopic(setPinned(defaultProfile(0), 'Guitar', true), 'Telescope', pressedAt);
    const controls = controlsFromProfile(since);
    const shown = (m: ReturnType<typeof namedAsShown>) => m.topics.map((t) => `${t.topic}${t.pinned ? ' (pinned)' : ''}`);

    it('shows no topic forgotten since, and a pin made since stays, while the change is being saved and after', () => {
      const saving = namedAsShown(answer, 3, { revision: 3, unsaved: true, controls });
      expect(shown(saving)).toEqual(['guitar (pinned)', 'astronomy']);
      expect(saving.timeline.map((e) => e.topic)).toEqual(['guitar']);
      // Saved as revision 4: an answer from revision 3 that comes later still misses it.
      expect(shown(namedAsShown(answer, 3, { revision: 4, unsaved: false, controls }))).toEqual(['guitar (pinned)', 'astronomy']);
      // Another writer's revision 4 landing while the change is still being saved does not hold the change either.
      expect(shown(namedAsShown(answer, 4, { revision: 3, unsaved: true, controls }))).toEqual(['guitar (pinned)', 'astronomy']);
    });

    it('keeps a forgotten topic learned again from evidence that came after the forgetting', () => {
      const again = { topics: [named('telescope', pressedAt + DAY), named('guitar')], timeline: [learned('telescope'), { ...learned('telescope'), ts: pressedAt + 2 * DAY }] };
      const shownAgain = namedAsShown(again, 3, { revision: 4, unsaved: false, controls });
      expect(shown(shownAgain)).toEqual(['guitar (pinned)', 'telescope']);
      expect(shownAgain.timeline.map((e) => e.ts)).toEqual([pressedAt + 2 * DAY]);
    });

    it('shows an answer from the profile the view shows as the background computed it (by meaning)', () => {
      const fresh = { topics: [{ ...named('guitar'), pinned: true }, named('astronomy')], timeline: [] };
      expect(namedAsShown(fresh, 4, { revision: 4, unsaved: false, controls })).toBe(fresh);
    });
  });

  it('forget drops the evidence so far; new signals can teach the topic again', () => {
    const forgot = forgetTopic(defaultProfile(0), 'chisel', now);
    expect(topicsFor(forgot)).not.toContain('chisel');
    const later = [...woodworking, sig('open', 'A chisel roll', 6), sig('open', 'Japanese chisel set', 7)];
    expect(inferTopics(later, { now: T0 + 8 * DAY, controls: controlsFromProfile(forgot) }).map((t) => t.topic)).toContain('chisel');
  });
});

const dec = (i: number, platform: LoggedDecision['platform'], title: string, kinds: string[] = []): LoggedDecision => ({
  id: i, ts: T0 + (i % 4) * DAY, platform, itemId: `i${i}`, title, author: 'x', url: '', surface: 'home', action: kinds.length ? 'hide' : 'show', score: 0.5, reordered: false,
  reasons: kinds.map((k) => ({ code: k, detail: '', source: 'rule' as const, kind: k as 'rage', evidence: [] })),
});

describe('the platform picture summarised for the view', () => {
  const log = [
    ...Array.from({ length: 10 }, (_, i) => dec(i, 'youtube', `Board games night ${i}`)),
    ...Array.from({ length: 10 }, (_, i) => dec(20 + i, 'youtube', `Outrage politics ${i}`, ['rage'])),
    ...Array.from({ length: 5 }, (_, i) => dec(40 + i, 'reddit', `Woodworking bench build ${i}`)),
  ];
  it('puts each platform’s topic mix beside the share of items matching each stated interest', () => {
    const s = summariseDecisions(log, [
      { id: 'b', label: 'Board game', weight: 0.7, keywords: [], exclude: [] },
      { id: 'w', label: 'Woodworking', weight: 0.7, keywords: ['joinery'], exclude: [] },
    ]);
    expect(s.considered).toBe(25);
    const yt = s.platforms.find((p) => p.platform === 'youtube')!;
    expect(yt.items).toBe(20);
    expect(yt.manipulative).toBe(10);
    expect(yt.stated).toEqual([
      { label: 'Board game', count: 10, share: 0.5 },
      { label: 'Woodworking', count: 0, share: 0 },
    ]);
    expect(s.platforms.find((p) => p.platform === 'reddit')!.stated[1]).toMatchObject({ share: 1 });
    expect(s.diversity.narrowing).toBe(true);
  });
  it('matches whole words only', () => {
    const shares = statedInterestShares([dec(1, 'x', 'Artistry and rust')], [{ id: 'a', label: 'Art', weight: 0.5, keywords: [], exclude: [] }]);
    expect(shares.get('x')![0].count).toBe(0);
  });
});

const flag = (over: Partial<Flag> = {}): Flag => ({
  ts: T0, platform: 'youtube', itemId: 'v1', title: "You Won't Believe What This Lathe Can Do", author: 'ShopTalk', url: '', kind: 'clickbait',
  confidence: 0.8, source: 'classifier', action: 'label', evidence: [], status: 'open', ...over,
});

describe('verdicts from the review queue', () => {
  it('"wrong" stores an exception that stops the same and near-identical items from that author being flagged', () => {
    const p = applyVerdicts(defaultProfile(0), [flag()], 'wrong', T0);
    expect(p.exceptions).toHaveLength(1);
    expect(p.exceptions[0]).toMatchObject({ type: 'item', platform: 'youtube', author: 'ShopTalk', kind: 'clickbait' });
    const compiled = compileProfile(p, { policyStage: fakeClickbaitStage });
    const before = compileProfile(defaultProfile(0), { policyStage: fakeClickbaitStage });
    const nearDuplicate = item({ author: 'ShopTalk', title: "YOU WON'T BELIEVE what this lathe can do!!" });
    expect(decide(before, nearDuplicate).action).toBe('label');
    expect(decide(compiled, nearDuplicate).action).toBe('show');
    expect(decide(compiled, item({ author: 'ShopTalk', title: "You won't believe this other trick" })).action).toBe('label');
    // The verdict was about this author's post: the same words from someone else are still flagged.
    expect(decide(compiled, item({ author: 'BaitFactory', title: "You won't believe what this lathe can do" })).action).toBe('label');
    // Given twice, nothing doubles; taken back, the exception goes.
    expect(applyVerdicts(p, [flag()], 'wrong', T0 + 1)).toBe(p);
    expect(applyVerdicts(p, [flag()], 'right', T0 + 1).exceptions).toEqual([]);
  });

  it('keeps page markup in an author name out of the profile', () => {
    const p = applyVerdicts(defaultProfile(0), [flag({ author: '<img src=x onerror=alert(1)>Shop' })], 'wrong', T0);
    expect(p.exceptions[0].author).not.toMatch(/</);
  });

  it('through the background: a bulk "wrong" verdict updates the profile, tells every tab, and becomes labelled examples', async () => {
    const store = openStore(`verdicts-${Math.random()}`);
    const broadcast = vi.fn();
    const handlers = createHandlers({ store, broadcastProfile: broadcast, tabStats: { get: async () => null, set: async () => {} }, selectInstructions: () => [], now: () => T0 });
    const self = { id: 'ext', origin: 'chrome-extension://ext/' };
    const page = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };
    await dispatch(handlers, { type: 'tab/report', payload: { flags: [flag(), flag({ itemId: 'v2', title: 'Only 2 hours left to grab this!', kind: 'urgency' })] } }, page, self);
    const listed = await dispatch(handlers, { type: 'flags/list', payload: {} }, page, self);
    const ids = listed.ok ? (listed.value as Flag[]).map((f) => f.id!) : [];
    const r = await dispatch(handlers, { type: 'flags/verdict', payload: { ids, status: 'wrong' } }, page, self);
    expect(r.ok && (r.value as Flag[]).every((f) => f.status === 'wrong')).toBe(true);
    const profile = await dispatch(handlers, { type: 'profile/get', payload: {} }, page, self);
    expect(profile.ok && (profile.value as Profile).exceptions.map((e) => e.kind).sort()).toEqual(['clickbait', 'urgency']);
    expect(broadcast).toHaveBeenCalledTimes(1);
    expect((await fewShotExamples(store)).map((e) => e.verdict)).toEqual(['wrong', 'wrong']);
    // A web page cannot give verdicts.
    const fromSite = await dispatch(handlers, { type: 'flags/verdict', payload: { ids, status: 'right' } }, { id: 'ext', url: 'https://www.youtube.com/', tab: { id: 1 } }, self);
    expect(fromSite.ok).toBe(false);
  });
});

describe('chart series', () => {
  it('turns timeline events into topics held over time, and manipulation points into one row per day', async () => {
    const { timelineSeries, manipulationRows } = await import('@/lib/core/inference/series');
    const events = inferenceTimeline(woodworking, { now: T0 + 5 * DAY });
    const series = timelineSeries(events);
    expect(series.at(-1)!.topics).toBe(inferTopics(woodworking, { now: T0 + 5 * DAY, limit: 15 }).length);
    const { rows, platforms } = manipulationRows([
      { day: T0, platform: 'youtube', total: 4, manipulative: 1, share: 0.25, byKind: {} },
      { day: T0, platform: 'reddit', total: 2, manipulative: 0, share: 0, byKind: {} },
      { day: T0 + DAY, platform: 'youtube', total: 1, manipulative: 1, share: 1, byKind: {} },
    ]);
    expect(platforms).toEqual(['reddit', 'youtube']);
    expect(rows).toEqual([{ day: T0, youtube: 25, reddit: 0 }, { day: T0 + DAY, youtube: 100 }]);
  });
});
