import type { Page } from 'playwright-core';
import type { LoggedDecision, Signal } from '../../lib/schema/log';

/** Seeded activity for the dashboard tests and the dashboard benchmark: realistic rows, made up by us. */

const PLATFORMS = ['youtube', 'reddit', 'x', 'hackernews'] as const;
const SUBJECTS = ['sourdough starter', 'rust async runtimes', 'mechanical keyboards', 'trail running', 'home solar', 'jazz piano voicings', 'sci-fi novels', 'budget travel'];
const BAIT = ['You will not believe', 'Doctors hate this', 'Last chance:', 'This changes everything:', 'Everyone is furious about'];
const AUTHORS = ['NightOwlTech', 'r/homelab', '@quietcoder', 'pg', 'GardenGuy', 'DramaDaily', 'StarWatch', 'trailnotes'];

type Kind = Pick<LoggedDecision, 'action' | 'reasons'>;
const KINDS: Kind[] = [
  { action: 'hide', reasons: [{ code: 'promoted', detail: 'Sponsored', source: 'platform', kind: 'promoted', evidence: ['Sponsored'] }] },
  { action: 'label', reasons: [{ code: 'clickbait', detail: 'curiosity gap', source: 'classifier', kind: 'clickbait', evidence: [], confidence: 0.82 }] },
  { action: 'hide', reasons: [{ code: 'avoid-topic', detail: 'Celebrity gossip', source: 'rule', evidence: ['red carpet'] }] },
  { action: 'demote', reasons: [{ code: 'rage', detail: 'outrage wording', source: 'classifier', kind: 'rage', evidence: ['furious'] }] },
  { action: 'boost', reasons: [{ code: 'interest', detail: 'Woodworking', source: 'rule', evidence: ['joinery'] }] },
  { action: 'show', reasons: [] },
  { action: 'hide', reasons: [{ code: 'blocked-author', detail: 'DramaDaily', source: 'rule', evidence: ['DramaDaily'] }] },
  { action: 'label', reasons: [{ code: 'urgency', detail: 'false deadline', source: 'classifier', kind: 'urgency', evidence: ['last chance'] }] },
];

/** Row i of a deterministic log spread over the last `spanMs`, newest first by index. */
export function seededDecision(i: number, now: number, spanMs = 30 * 86_400_000, count = 1000): LoggedDecision {
  const platform = PLATFORMS[i % PLATFORMS.length];
  const kind = KINDS[i % KINDS.length];
  const subject = SUBJECTS[(i >> 3) % SUBJECTS.length];
  const bait = kind.action === 'label' || kind.action === 'demote' ? `${BAIT[i % BAIT.length]} ` : '';
  return {
    ts: Math.round(now - ((i + 1) / count) * spanMs),
    platform,
    itemId: `${platform}-item-${i}`,
    title: `${bait}${subject} #${i}`,
    author: AUTHORS[i % AUTHORS.length],
    url: `https://example.test/${platform}/${i}`,
    surface: 'home',
    action: kind.action,
    reasons: kind.reasons,
    score: kind.action === 'hide' ? 0 : 0.5,
    reordered: false,
  };
}

export function seededSignal(i: number, now: number): Signal {
  const platform = PLATFORMS[i % PLATFORMS.length];
  return {
    ts: now - i * 60_000,
    type: i % 5 === 0 ? 'dwell' : 'open',
    platform,
    itemId: `${platform}-item-${i}`,
    title: `${SUBJECTS[i % SUBJECTS.length]} #${i}`,
    author: AUTHORS[i % AUTHORS.length],
    url: `https://example.test/${platform}/${i}`,
    value: i % 5 === 0 ? 30_000 : undefined,
    detail: '',
  };
}

/** Sends rows to the background the way content scripts do (tab/report, batches of 500), a few batches at a time. */
export async function sendRows(page: Page, part: 'decisions' | 'signals', rows: unknown[]): Promise<void> {
  const CHUNK = 10_000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    await page.evaluate(
      async ([p, slice]) => {
        const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
        const batches: unknown[][] = [];
        for (let i = 0; i < slice.length; i += 500) batches.push(slice.slice(i, i + 500));
        for (let i = 0; i < batches.length; i += 4) {
          const replies = await Promise.all(batches.slice(i, i + 4).map((b) => chromeApi.runtime.sendMessage({ type: 'tab/report', payload: { [p]: b } })));
          const bad = replies.find((r) => !r?.ok);
          if (bad) throw new Error(bad.error ?? 'no reply');
        }
      },
      [part, rows.slice(start, start + CHUNK)] as const,
    );
  }
}

export async function seedDecisions(page: Page, count: number, now = Date.now()): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => seededDecision(i, now, 30 * 86_400_000, count));
  await sendRows(page, 'decisions', rows);
}

export async function seedSignals(page: Page, count: number, now = Date.now()): Promise<void> {
  await sendRows(page, 'signals', Array.from({ length: count }, (_, i) => seededSignal(i, now)));
}
