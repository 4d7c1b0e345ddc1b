import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInContext, itemContext } from '@/lib/core/detectors';
import { loadShippedDetectors } from '@/lib/core/detectors/shipped-learned';
import { binaryMetrics } from '@/lib/core/clickbait/train';
import { thresholdFor } from '@/lib/core/manipulation';
import { FeedItem, type FeedItemInput } from '@/lib/schema/item';
import { clickbaitPosts, darkPatterns, usVsThem, type Example } from '../../scripts/detectors/sources';
import { loadShippedClickbait } from './shipped-clickbait';

// What the issue asks of the shipped detectors at the default strictness, on text they never trained on (the figures
// `npm run eval:detectors` prints): a retrained file that falls below these does not ship.
const rules = loadShippedDetectors();
const clickbait = loadShippedClickbait();
const DEFAULT = thresholdFor(0.5);

function f1(kind: string, rows: readonly Example[], input: (text: string) => Partial<FeedItemInput> = (title) => ({ title })) {
  const predicted = rows.map((r) => {
    const item = FeedItem.parse({ platform: 'reddit', id: 'r', ...input(r.text) });
    const d = detectInContext(item, itemContext(item, rules.language), { rules, clickbait }).find((x) => x.kind === kind);
    return d && d.confidence >= DEFAULT ? 1 : 0;
  });
  return binaryMetrics(predicted, rows.map((r) => r.label)).f1;
}

const written = (path: string, kind: string): Example[] =>
  readFileSync(resolve(__dirname, '../..', path), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c[0] === kind)
    .map((c) => ({ text: c.slice(2).join('\t'), label: c[1] === '1' ? 1 : 0 }));

describe.each(['rage', 'engagement', 'urgency', 'promotion'])('%s in feed-style posts written apart from the training', (kind) => {
  it.each(['tests/data/detectors-feed-holdout.tsv', 'tests/data/detectors-written-holdout.tsv'])('F1 >= 0.85 on %s', (path) => {
    expect(f1(kind, written(path, kind))).toBeGreaterThanOrEqual(0.85);
  });
});

// The real parts kept apart, when the shared data sits beside the project.
const shared = existsSync(resolve(__dirname, '../../../shared/data/darkpatterns/dev.tsv'));
describe.runIf(shared)('real text kept apart', () => {
  it('urgency and scarcity on shop pages: F1 >= 0.9', () => {
    expect(f1('urgency', darkPatterns('apart'))).toBeGreaterThanOrEqual(0.9);
  });

  // Below the 0.7 (README, The learned detectors): these hold what the shipped models reach.
  it('clickbait in news accounts\' tweets that link out: F1 >= 0.6 (the headline model alone: 0.475)', () => {
    expect(f1('clickbait', clickbaitPosts('apart'), (title) => ({ platform: 'x', title, domain: 'example.com', url: 'https://example.com/a' }))).toBeGreaterThanOrEqual(0.6);
  });

  it('rage in Reddit comments: F1 >= 0.6 (the rules alone: 0.105)', () => {
    expect(f1('rage', usVsThem('valid'))).toBeGreaterThanOrEqual(0.6);
  });
});
