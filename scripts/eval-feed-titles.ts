/**
 * How the clickbait label lands on feed titles as the shield judges them (the platform's own reading, the default
 * strictness), per platform: ordinary titles labelled, bait labelled.
 *
 *   npm run eval:feed-titles -- [FILE] [--strictness 0.5] [--errors]
 *
 * FILE has a header `platform<TAB>label<TAB>title` (label 1 for bait, 0 for an ordinary title) and defaults to
 * tests/data/feed-titles.tsv: titles written for this project in each site's own style (feed-titles-holdout.tsv was
 * written after the rules were, to check them). dev.tsv measures the model on news and BuzzFeed headlines; this
 * measures what a user of each site sees.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClickbaitModel, type ClickbaitModel } from '../lib/core/clickbait/model';
import { detectAll } from '../lib/core/detectors';
import { SHIPPED_DETECTORS } from '../lib/core/detectors/shipped';
import { thresholdFor } from '../lib/core/manipulation';
import { FEED_PLATFORMS, type FeedPlatform } from '../lib/schema/constants';
import { FeedItem } from '../lib/schema/item';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const FEED_TITLES = resolve(ROOT, 'tests/data/feed-titles.tsv');
/** Written after the rules that read these titles (clickbait-format.ts, the sentence-case reading), to check them. */
export const FEED_TITLES_HOLDOUT = resolve(ROOT, 'tests/data/feed-titles-holdout.tsv');
/** Hacker News essay titles, none of them bait: the label's known weakness there ("Why SQLite Uses Bytecode"). */
export const FEED_TITLES_HN_PROBE = resolve(ROOT, 'tests/data/feed-titles-hn-probe.tsv');
/** Well-known Hacker News titles and HN-style bait, written before Hacker News got its own reading (clickbait-scope.ts). */
export const FEED_TITLES_HN_HOLDOUT = resolve(ROOT, 'tests/data/feed-titles-hn-holdout.tsv');
const KIND = { youtube: 'video', reddit: 'post', x: 'tweet', hackernews: 'story' } as const;

function args(argv: string[]) {
  const opts = { file: FEED_TITLES, strictness: 0.5, errors: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--strictness') opts.strictness = Number(argv[++i]);
    else if (a === '--errors') opts.errors = true;
    else if (!a.startsWith('--')) opts.file = resolve(process.env.INIT_CWD ?? process.cwd(), a);
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/** The item an adapter would read for a title: a video, or a story or post that links out. */
function itemFor(platform: FeedPlatform, title: string, n: number): FeedItem {
  return FeedItem.parse({
    platform,
    id: `title-${n}`,
    url: platform === 'youtube' ? `https://www.youtube.com/watch?v=title${n}` : `https://example.com/${n}`,
    title,
    kind: KIND[platform],
    domain: platform === 'youtube' ? '' : 'example.com',
  });
}

export type FeedTitleTally = Map<FeedPlatform, { ordinary: number; ordinaryLabelled: number; bait: number; baitLabelled: number }>;

/** Per platform, how many ordinary titles and how many bait titles of `file` the shield labels clickbait; and each
 * title it gets wrong, with its confidence. */
export function tallyFeedTitles(file: string, model: ClickbaitModel, strictness: number): { tally: FeedTitleTally; errors: string[] } {
  const threshold = thresholdFor(strictness);
  const tally: FeedTitleTally = new Map();
  const errors: string[] = [];
  const lines = readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  lines.forEach((line, n) => {
    const [platform, label, title] = line.split('\t');
    if (!(FEED_PLATFORMS as readonly string[]).includes(platform) || (label !== '0' && label !== '1') || !title) {
      throw new Error(`${file}:${n + 2}: expected platform, 0 or 1, title`);
    }
    const p = platform as FeedPlatform;
    const detection = detectAll(itemFor(p, title, n), { clickbait: model, rules: SHIPPED_DETECTORS }).find((d) => d.kind === 'clickbait');
    const confidence = detection?.confidence ?? 0;
    const labelled = confidence >= threshold;
    const t = tally.get(p) ?? { ordinary: 0, ordinaryLabelled: 0, bait: 0, baitLabelled: 0 };
    if (label === '1') {
      t.bait++;
      if (labelled) t.baitLabelled++;
      else errors.push(`missed   ${confidence.toFixed(2)}  ${platform}  ${title}`);
    } else {
      t.ordinary++;
      if (labelled) {
        t.ordinaryLabelled++;
        errors.push(`labelled ${confidence.toFixed(2)}  ${platform}  ${title}`);
      }
    }
    tally.set(p, t);
  });
  return { tally, errors };
}

function main(): void {
  const opts = args(process.argv.slice(2));
  const model = loadClickbaitModel(new Uint8Array(readFileSync(resolve(ROOT, 'public/models/clickbait.bin'))));
  const { tally, errors } = tallyFeedTitles(opts.file, model, opts.strictness);
  let total = 0;
  for (const t of tally.values()) total += t.ordinary + t.bait;
  console.log(
    `feed titles ${relative(process.env.INIT_CWD ?? process.cwd(), opts.file)}: ${total}, clickbait label at strictness ${opts.strictness} (confidence >= ${thresholdFor(opts.strictness)})`,
  );
  for (const [p, t] of tally) {
    console.log(`${p.padEnd(10)} ordinary titles labelled ${t.ordinaryLabelled} of ${t.ordinary}   bait labelled ${t.baitLabelled} of ${t.bait}`);
  }
  if (opts.errors) for (const e of errors) console.log(e);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
