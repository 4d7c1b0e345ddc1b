// `npm run bench`: every performance figure the issues ask for, printed as plain lines.
export {};
// Each part is its own module so it can also run alone (npx tsx scripts/bench-<part>.ts).
type Bench = () => Promise<Record<string, number | string>>;

const parts: Array<[string, () => Promise<Bench>]> = [
  ['fast tier (Node, one core)', async () => (await import('./bench-core')).benchFastTier],
  ['meaning model: files, load, topic expansion (Node, one core)', async () => (await import('./bench-meaning')).benchMeaning],
  ['clickbait model (Node, one core)', async () => (await import('./bench-clickbait')).benchClickbait],
  ['feed shield in Chromium', async () => (await import('./bench-feed')).benchFeed],
  ['page cost in Chromium, against no extension', async () => (await import('./bench-page-cost')).benchPageCost],
  ['page cost in Firefox, against no extension and uBlock Origin', async () => (await import('./bench-firefox-page-cost')).benchFirefoxPageCost],
  ['local LLM judge (scripted engine)', async () => (await import('./bench-judge')).benchJudge],
  ['inferred model (Node, one core)', async () => (await import('./bench-inference')).benchInference],
  ['inferred model: named topics from Reddit histories', async () => (await import('./bench-inferred-topics')).benchInferredTopics],
  ['dashboard in Chromium', async () => (await import('./bench-dashboard')).benchDashboard],
];

const only = process.argv.slice(2);
let failed = 0;
for (const [name, load] of parts) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n## ${name}`);
  try {
    const figures = await (await load())();
    for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(48)} ${typeof v === 'number' ? +v.toFixed(3) : v}`);
  } catch (e) {
    failed++;
    console.log(`could not run: ${(e as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
