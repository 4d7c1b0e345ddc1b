// A tab restores the look-ups the background prepared once per profile, and does not keep their form.
import { describe, expect, it } from 'vitest';
import { compileProfile, decide, quoteEvidence, rerank } from '@/lib/core/shield';
import { restoreLookups, withPreparedLookups } from '@/lib/core/shield/prepared';
import { coreEngine, type CoreShield } from '@/lib/shield-runtime/engine';
import type { Profile } from '@/lib/schema/profile';
import { item, profile } from './shield-helpers';

describe('a tab compiling a prepared profile', () => {
  it('restores its look-ups once, however often it compiles, and lets the form go', () => {
    let restored = 0;
    const core = {
      compileProfile,
      decide,
      quoteEvidence,
      rerank,
      restoreLookups: (form: never) => (restored++, restoreLookups(form)),
    } as unknown as CoreShield;
    const engine = coreEngine(core, 'hackernews');
    const own = profile({ blockedAuthors: [{ platform: 'hackernews', name: 'spammer' }] } as Partial<Profile>);
    const sent = JSON.parse(JSON.stringify(withPreparedLookups(own, 'hackernews'))) as Profile & { prepared?: unknown };
    const story = item({ platform: 'hackernews', author: 'spammer', title: 'Show HN: a thing' });
    const first = engine.compile(sent, null, null);
    // A model arriving later compiles the same profile again.
    const second = engine.compile(sent, null, null);
    expect(restored).toBe(1);
    expect(sent.prepared).toBeUndefined();
    for (const c of [first, second]) expect(engine.decide(c, story).action).toBe('hide');
  });

  it('compiled before its look-ups came (they are read with the models), compiles with them once they are put in', () => {
    const core = { compileProfile, decide, quoteEvidence, rerank, restoreLookups } as unknown as CoreShield;
    const engine = coreEngine(core, 'hackernews');
    const own = profile({ blockedAuthors: [{ platform: 'hackernews', name: 'spammer' }] } as Partial<Profile>);
    const { prepared, ...kept } = JSON.parse(JSON.stringify(withPreparedLookups(own, 'hackernews'))) as Profile & { prepared?: unknown };
    const story = item({ platform: 'hackernews', author: 'spammer', title: 'Show HN: a thing' });
    const light = kept as Profile & { prepared?: unknown };
    expect(engine.decide(engine.compile(light, null, null), story).action).not.toBe('hide');
    light.prepared = prepared;
    expect(engine.decide(engine.compile(light, null, null), story).action).toBe('hide');
  });
});
