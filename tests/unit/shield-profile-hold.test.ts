// @vitest-environment happy-dom
// The first moments of a page: items found before the person's profile arrives must not show what the profile
// hides, and the first page is still put in interest order; a background that never answers leaves the page shown.
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_DETECTORS } from '@/lib/core/detectors/shipped';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { ATTR } from '@/lib/shield-runtime/runner';
import { tick } from './adapters-fixture';
import { startOnHackerNews } from './shield-start';

const person = (): Profile => ({
  ...defaultProfile(1),
  revision: 4,
  interests: [{ id: 'garden', label: 'Gardening', weight: 0.9, keywords: ['moss', 'garden'], exclude: [] }],
  blockedAuthors: [{ platform: 'hackernews', name: 'pgdev' }],
});

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.reverse()) f();
  cleanup = [];
});

/** Starts the shield on the HN fixture with a background that answers `profile/get` after `answerMs` (never if null). */
function start(answerMs: number | null, holdMs = 200) {
  const s = startOnHackerNews({ person, answerMs, holdMs, models: { loadDetectors: async () => SHIPPED_DETECTORS } });
  cleanup.push(s.stop);
  const order = () => [...s.page.doc.querySelectorAll('tr.athing')].map((r) => r.id);
  return { ...s, order };
}

describe('before the profile arrives', () => {
  it('keeps stories unseen in their place, then applies the profile: the blocked author never shows', async () => {
    const s = start(40);
    // Found at once and kept unseen, the job ad the defaults hide as well: nothing is decided before the profile.
    expect(s.mode('42000004')).toBe('wait');
    expect(s.mode('42000008')).toBe('wait');
    expect(s.mode('42000001')).toBe('wait');
    await tick(80);
    expect(s.mode('42000004')).toBe('stub');
    expect(s.mode('42000008')).toBe('stub');
    expect(s.mode('42000001')).toBe('show');
  });

  it('puts the first page in interest order, since nobody has seen it yet', async () => {
    const s = start(20);
    const before = s.order();
    await tick(60);
    const after = s.order();
    expect(after[0]).toBe('42000003'); // the moss garden story
    expect(after).not.toEqual(before);
    expect(s.shield.counts().reordered).toBeGreaterThan(0);
  });

  it('logs only decisions taken under the person’s profile', async () => {
    const s = start(20);
    await tick(60);
    await s.shield.flush();
    const logged = s.payloads.findIndex((p) => p.type === 'tab/report' && (p.payload as { decisions: unknown[] }).decisions.length > 0);
    expect(logged).toBeGreaterThan(-1);
    expect(logged).toBeGreaterThan(s.sent.indexOf('profile/get'));
  });

  it('shows everything under the defaults when the background stays silent past the hold', async () => {
    const s = start(null, 50);
    expect(s.mode('42000001')).toBe('wait');
    await tick(90);
    expect(s.mode('42000001')).toBe('show');
    expect(s.mode('42000008')).toBe('show');
    expect(s.mode('42000004')).toBe('stub');
    expect(s.page.doc.querySelectorAll(`[${ATTR}="wait"]`)).toHaveLength(0);
  });
});
