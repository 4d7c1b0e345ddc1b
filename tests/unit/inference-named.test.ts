import { describe, expect, it } from 'vitest';
import { inferNamedModel } from '@/lib/core/inference/named-topics';
import { platformNamedMix } from '@/lib/core/inference/platform-topics';
import { evidenceConfidence } from '@/lib/core/inference/confidence';
import { controlsFromProfile, forgetTopic, rejectTopic, setPinned } from '@/lib/core/inference/controls';
import type { InferOptions } from '@/lib/core/inference/infer';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import type { LoggedDecision } from '@/lib/schema/log';
import { DAY, history, opened, shippedMeaning, SOURDOUGH, T0, WOODWORKING } from './inferred-histories';

const model = shippedMeaning();
const now = T0 + 10 * DAY;
const infer = (signals = [...history(SOURDOUGH), ...history(WOODWORKING)], opts: Partial<InferOptions> = {}) =>
  inferNamedModel(signals, { now, ...opts }, model).topics;
const withProfile = (p: Profile, signals?: Parameters<typeof infer>[0], at = now) => infer(signals, { now: at, controls: controlsFromProfile(p) });

/** Names a person would give the sourdough items, and the furniture-making ones. */
const BAKING = ['Sourdough', 'Bread', 'Loaf', 'Baking', 'Dough', 'Starter', 'Crumb'];
const WOOD = ['Woodworking', 'Workbench', 'Wood', 'Woodwork', 'Joinery', 'Furniture', 'Carpentry', 'Table', 'Workshop'];
const bakingTopic = (labels: string[]) => labels.find((l) => BAKING.includes(l));
const woodTopic = (labels: string[]) => labels.find((l) => WOOD.includes(l));
const labelsOf = (topics: ReturnType<typeof infer>) => topics.map((t) => t.label);

describe('the inferred model names topics by meaning', () => {
  it('a sourdough history gives a named topic, never a fragment of its titles ("Crumb Finally", "Finally")', () => {
    const labels = labelsOf(infer(history(SOURDOUGH)));
    expect(bakingTopic(labels)).toBeDefined();
    for (const fragment of ['Crumb Finally', 'Finally Happened', 'Finally', 'Happened', 'Starter Open', 'Open']) expect(labels).not.toContain(fragment);
    // One name per topic, each a word or phrase the model knows as a name: no two title words glued together.
    for (const l of labels) expect(l.split(' ').length).toBeLessThanOrEqual(2);
  });

  it('a sourdough and woodworking history gives one named topic for each, grouping the items behind it', () => {
    const topics = infer();
    const labels = labelsOf(topics);
    const bread = topics.find((t) => t.label === bakingTopic(labels))!;
    const wood = topics.find((t) => t.label === woodTopic(labels))!;
    expect(bread).toBeDefined();
    expect(wood).toBeDefined();
    expect(bread.items).toBeGreaterThanOrEqual(15);
    expect(wood.items).toBeGreaterThanOrEqual(15);
    expect(bread.evidence.map((e) => e.title)).toContain('Sourdough bagels boiled and baked');
    expect(bread.evidence.map((e) => e.title)).not.toContain('Walnut side table I built for my wife');
  });

  it('confidence says how much evidence there is: a dozen items is not "100% sure", more items are surer', () => {
    const dozen = infer(history(SOURDOUGH.slice(0, 12)));
    const all = infer(history(SOURDOUGH));
    const few = dozen.find((t) => BAKING.includes(t.label))!;
    const many = all.find((t) => BAKING.includes(t.label))!;
    expect(few.confidence).toBeLessThan(0.8);
    expect(many.confidence).toBeGreaterThan(few.confidence);
    expect(many.confidence).toBeLessThan(1);
    expect(evidenceConfidence(12, 0)).toBeCloseTo(0.757, 2);
    expect(evidenceConfidence(400, 0)).toBeLessThan(1);
    // Items pushed away near a topic lower its confidence.
    expect(evidenceConfidence(12, 4)).toBeLessThan(evidenceConfidence(12, 0));
  });

  it('a rejected topic is gone and does not come back under another name, nor as its title words', () => {
    const name = bakingTopic(labelsOf(infer()))!;
    const rejected = rejectTopic(defaultProfile(0), name);
    const more = [...history(SOURDOUGH), ...history(WOODWORKING), ...history(SOURDOUGH.map((t) => `${t} (update)`), 8)];
    const labels = labelsOf(withProfile(rejected, more, T0 + 20 * DAY));
    expect(bakingTopic(labels)).toBeUndefined();
    for (const fragment of ['Crumb', 'Finally', 'Happened', 'Crumb Finally']) expect(labels).not.toContain(fragment);
    expect(woodTopic(labels)).toBeDefined();
  });

  it('rejecting a near name ("bread" when the card says another) keeps the topic out too', () => {
    const name = bakingTopic(labelsOf(infer()))!;
    const near = name === 'Bread' ? 'sourdough' : 'bread';
    const labels = labelsOf(withProfile(rejectTopic(defaultProfile(0), near)));
    expect(bakingTopic(labels)).toBeUndefined();
    expect(woodTopic(labels)).toBeDefined();
  });

  it('an older rejection of a title fragment ("Crumb Finally") keeps that name out but not the subject', () => {
    const labels = labelsOf(withProfile(rejectTopic(defaultProfile(0), 'Crumb Finally')));
    expect(bakingTopic(labels)).toBeDefined();
    expect(labels).not.toContain('Crumb Finally');
  });

  it('a pinned topic goes first and stays pinned; unpinning puts it back in its place', () => {
    const topics = infer();
    const last = topics[topics.length - 1];
    const pinned = withProfile(setPinned(defaultProfile(0), last.topic, true));
    expect(pinned[0].topic).toBe(last.topic);
    expect(pinned[0].pinned).toBe(true);
    const unpinned = withProfile(setPinned(setPinned(defaultProfile(0), last.topic, true), last.topic, false));
    expect(unpinned.map((t) => t.topic)).toEqual(topics.map((t) => t.topic));
  });

  it('forgetting drops the evidence so far; items opened later teach the topic again', () => {
    const wood = woodTopic(labelsOf(infer()))!;
    const forgot = forgetTopic(defaultProfile(0), wood, now);
    expect(woodTopic(labelsOf(withProfile(forgot)))).toBeUndefined();
    expect(bakingTopic(labelsOf(withProfile(forgot)))).toBeDefined();
    const later = [...history(SOURDOUGH), ...history(WOODWORKING), ...history(WOODWORKING.slice(0, 12), 12)];
    expect(woodTopic(labelsOf(withProfile(forgot, later, T0 + 16 * DAY)))).toBeDefined();
  });

  it('a topic already among the stated interests is not suggested again', () => {
    const p: Profile = { ...defaultProfile(0), interests: [{ id: 'w', label: 'Woodworking', weight: 0.8, keywords: [], exclude: [] }] };
    const labels = labelsOf(withProfile(p));
    expect(woodTopic(labels)).toBeUndefined();
    expect(bakingTopic(labels)).toBeDefined();
  });

  it('items pushed away are not an interest, however many', () => {
    const hidden = SOURDOUGH.map((t, i) => opened(t, Math.floor(i / 4), { type: 'hide-by-hand' }));
    expect(bakingTopic(labelsOf(infer([...hidden, ...history(WOODWORKING)])))).toBeUndefined();
  });

  it('the timeline says when each named topic was learned', () => {
    const { timeline } = inferNamedModel([...history(SOURDOUGH), ...history(WOODWORKING, 5)], { now }, model);
    const learned = timeline.filter((e) => e.change === 'learned').map((e) => e.label);
    expect(bakingTopic(learned)).toBeDefined();
    expect(woodTopic(learned)).toBeDefined();
  });
});

describe('what each platform pushes, in the same named topics', () => {
  it('names the platforms\' topics as the inferred model does, never title words', () => {
    let id = 0;
    const dec = (platform: LoggedDecision['platform'], title: string): LoggedDecision => ({
      ts: T0 + ++id * 1000, platform, itemId: `d${id}`, title, author: 'chan', url: '', surface: 'home', action: 'show', score: 0.5, reordered: false, reasons: [],
    });
    const rows = [...SOURDOUGH.map((t) => dec('youtube', t)), ...WOODWORKING.slice(0, 10).map((t) => dec('youtube', t)), ...WOODWORKING.map((t) => dec('reddit', t))];
    const mix = platformNamedMix(rows, model);
    expect(BAKING).toContain(mix.youtube[0].label);
    expect(mix.youtube[0].share).toBeGreaterThan(0.4);
    expect(WOOD).toContain(mix.reddit[0].label);
    for (const t of [...mix.youtube, ...mix.reddit]) expect(['Free', 'Title', 'Appended', "Won't", 'Finally']).not.toContain(t.label);
  });
});
