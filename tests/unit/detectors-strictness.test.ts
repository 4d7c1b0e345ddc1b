import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInContext, itemContext } from '@/lib/core/detectors';
import { loadShippedDetectors } from '@/lib/core/detectors/shipped-learned';
import { thresholdFor } from '@/lib/core/manipulation';
import { FeedItem } from '@/lib/schema/item';

// The strictness slider of each kind, on the shipped files and examples they never trained on: moving it towards
// "strict" flags more, so it catches more bait (recall) and pays with more false flags (precision), step by step.
const rules = loadShippedDetectors();
const KINDS = ['rage', 'engagement', 'urgency', 'promotion'] as const;
const STEPS = [0, 0.25, 0.5, 0.75, 1];

type Row = { kind: string; label: number; text: string };
const tsv = (path: string): Row[] =>
  readFileSync(resolve(__dirname, '../..', path), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const c = l.split('\t');
      return { kind: c[0], label: c[1] === '1' ? 1 : 0, text: c.slice(2).join('\t') };
    });

// Real Reddit comments too, when the shared data sits beside the project: a set where the rage model is unsure.
const USVSTHEM = resolve(__dirname, '../../../shared/data/usvsthem/valid.tsv');
const reddit = (): Row[] =>
  existsSync(USVSTHEM)
    ? readFileSync(USVSTHEM, 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => l.trim())
        .map((l) => {
          const c = l.split('\t');
          const hostile = c[5] === 'True' || c[6] === 'True' || c[7] === 'True';
          return { kind: 'rage', label: Number(c[1]) >= 0.5 && hostile ? 1 : 0, text: c[0] };
        })
    : [];

const rows = [
  ...tsv('tests/data/detectors-holdout.tsv'),
  ...tsv('tests/data/detectors-written-holdout.tsv'),
  ...tsv('tests/data/detectors-feed-holdout.tsv'),
  ...reddit(),
];
const confidence = rows.map((r) => {
  const item = FeedItem.parse({ platform: 'reddit', id: 'r', title: r.text });
  return detectInContext(item, itemContext(item, rules.language), { rules }).find((d) => d.kind === r.kind)?.confidence ?? 0;
});

describe.each(KINDS)('the %s slider', (kind) => {
  const mine = rows.map((r, i) => ({ ...r, confidence: confidence[i] })).filter((r) => r.kind === kind);
  const at = (strictness: number) => {
    const flagged = mine.filter((r) => r.confidence >= thresholdFor(strictness));
    const tp = flagged.filter((r) => r.label === 1).length;
    return { flagged, precision: tp / flagged.length, recall: tp / mine.filter((r) => r.label === 1).length };
  };

  it('flags everything a laxer setting flagged, and more', () => {
    for (let k = 1; k < STEPS.length; k++) {
      const before = new Set(at(STEPS[k - 1]).flagged);
      const after = new Set(at(STEPS[k]).flagged);
      for (const r of before) expect(after.has(r), r.text).toBe(true);
    }
    expect(at(1).flagged.length).toBeGreaterThan(at(0).flagged.length);
  });

  it('trades precision for recall at every step', () => {
    const figures = STEPS.map(at);
    for (let k = 1; k < figures.length; k++) {
      expect(figures[k].recall, `recall at ${STEPS[k]}`).toBeGreaterThanOrEqual(figures[k - 1].recall);
      expect(figures[k].precision, `precision at ${STEPS[k]}`).toBeLessThanOrEqual(figures[k - 1].precision + 0.005);
    }
    expect(figures[STEPS.length - 1].recall).toBeGreaterThan(figures[0].recall);
    expect(figures[0].precision).toBeGreaterThan(figures[STEPS.length - 1].precision);
  });
});
