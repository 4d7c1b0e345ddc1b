// @vitest-environment happy-dom
// The detector rules and the clickbait model reach a content script a moment after it starts. An item the person
// asked to hide for engagement bait or clickbait must not be shown in that moment; a model that fails to load
// must not keep the page waiting; and the hold's cap still shows the page when a model never comes.
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_DETECTORS } from '@/lib/core/detectors/shipped';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { ATTR, type ShieldDeps } from '@/lib/shield-runtime/runner';
import { tick } from './adapters-fixture';
import { startOnHackerNews } from './shield-start';
import { loadShippedClickbait } from './shipped-clickbait';

const BAIT = '42000002'; // "You won't believe what this one weird compiler trick does"
const PLAIN = '42000001'; // "Rust 1.95 released"
const BLOCKED = '42000008'; // by pgdev, whom the person blocked

const person = (hide: 'engagement' | 'clickbait'): Profile => {
  const p = defaultProfile(1);
  return {
    ...p,
    revision: 4,
    blockedAuthors: [{ platform: 'hackernews', name: 'pgdev' }],
    policies: { ...p.policies, [hide]: { action: 'hide', strictness: 0.5 } },
  };
};

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.reverse()) f();
  cleanup = [];
});

/** A load that the test settles by hand, at the moment it chooses. */
function deferred() {
  let resolve!: (v: unknown) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<unknown>((res, rej) => ((resolve = res), (reject = rej)));
  return { load: () => promise, resolve, reject };
}

function start(opts: {
  hide: 'engagement' | 'clickbait';
  profileMs: number;
  holdMs?: number;
  models: Partial<Pick<ShieldDeps, 'loadDetectors' | 'loadClickbait'>>;
  onDecide?: (itemId: string) => void;
}) {
  // Every state the bait story is ever put in, in order: what a person could have seen of it.
  const states: string[] = [];
  let observer: MutationObserver | undefined;
  const s = startOnHackerNews({
    person: () => person(opts.hide),
    answerMs: opts.profileMs,
    // Long enough that a loaded machine never runs it out by accident; the test of running out sets its own.
    holdMs: opts.holdMs ?? 2_000,
    models: opts.models,
    onDecide: opts.onDecide,
    beforeStart: (page) => {
      const bait = page.doc.getElementById(BAIT)!;
      observer = new page.win.MutationObserver(() => {
        const st = bait.getAttribute(ATTR) ?? 'none';
        if (states.at(-1) !== st) states.push(st);
      }) as unknown as MutationObserver;
      observer.observe(bait, { attributes: true, attributeFilter: [ATTR] });
    },
  });
  cleanup.push(s.stop, () => observer?.disconnect());
  return { page: s.page, shield: s.shield, mode: s.mode, states: async () => (await tick(0), states) };
}

describe('while the detector rules are on their way', () => {
  it('keeps a story the rules would hide unseen until they arrive, then hides it', async () => {
    const data = deferred();
    const s = start({ hide: 'engagement', profileMs: 10, models: { loadDetectors: data.load } });
    await tick(40);
    // The profile is in, but it is compiled with the rules, once: until they come everything waits unseen.
    expect(s.mode(BLOCKED)).toBe('wait');
    expect(s.mode(BAIT)).toBe('wait');
    expect(s.mode(PLAIN)).toBe('wait');
    data.resolve(SHIPPED_DETECTORS);
    await tick(10);
    expect(s.mode(BLOCKED)).toBe('stub');
    expect(s.mode(BAIT)).toBe('stub');
    expect(s.mode(PLAIN)).toBe('show');
    expect(await s.states()).toEqual(['wait', 'stub']);
  });

  it('decides a waiting story once, at the release: not at first sight under the defaults, nor for the profile or each model in between', async () => {
    const rules = deferred();
    const model = deferred();
    let decided = 0;
    const s = start({
      hide: 'engagement',
      profileMs: 10,
      models: { loadDetectors: rules.load, loadClickbait: model.load },
      onDecide: (id) => void (id === PLAIN && decided++),
    });
    await tick(30);
    // Kept unseen, undecided; the profile waits for the models, to be compiled with them once.
    expect(s.mode(PLAIN)).toBe('wait');
    expect(decided).toBe(0);
    model.resolve(loadShippedClickbait());
    await tick(10);
    expect(decided).toBe(0);
    expect(s.mode(PLAIN)).toBe('wait');
    rules.resolve(SHIPPED_DETECTORS);
    await tick(10);
    expect(s.mode(PLAIN)).toBe('show');
    expect(decided).toBe(1);
  });

  it('waits for the clickbait model the same way when clickbait is set to hide', async () => {
    const model = loadShippedClickbait();
    const cb = deferred();
    const s = start({ hide: 'clickbait', profileMs: 10, models: { loadClickbait: cb.load, loadDetectors: async () => SHIPPED_DETECTORS } });
    await tick(40);
    expect(s.mode(BAIT)).toBe('wait');
    cb.resolve(model);
    await tick(10);
    expect(s.mode(BAIT)).toBe('stub');
    expect(s.mode(PLAIN)).toBe('show');
    expect(await s.states()).toEqual(['wait', 'stub']);
  });

  it('does not wait for rules that fail to load: the page shows as soon as the profile is in', async () => {
    const s = start({ hide: 'engagement', profileMs: 10, holdMs: 5_000, models: { loadDetectors: async () => Promise.reject(new Error('HTTP 404')) } });
    await tick(40);
    expect(s.mode(PLAIN)).toBe('show');
    expect(s.mode(BLOCKED)).toBe('stub');
    expect(s.page.doc.querySelectorAll(`[${ATTR}="wait"]`)).toHaveLength(0);
    expect(s.shield.failed).toBe(false);
  });

  it('shows the page when the hold runs out, and still applies rules that come late', async () => {
    const data = deferred();
    const s = start({ hide: 'engagement', profileMs: 10, holdMs: 400, models: { loadDetectors: data.load } });
    await tick(40);
    expect(s.mode(PLAIN)).toBe('wait');
    await tick(450);
    expect(s.mode(PLAIN)).toBe('show');
    expect(s.mode(BAIT)).toBe('show');
    expect(s.page.doc.querySelectorAll(`[${ATTR}="wait"]`)).toHaveLength(0);
    data.resolve(SHIPPED_DETECTORS);
    await tick(10);
    expect(s.mode(BAIT)).toBe('stub');
    expect(s.mode(PLAIN)).toBe('show');
  });
});
