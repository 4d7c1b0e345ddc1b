// Compares the fast tier of two revisions on this machine: npx tsx scripts/ab-fast-tier.ts REV_A REV_B [ROUNDS]
// (REV_B may be "." for the working tree). A single bench run cannot tell a 5% change from the machine's drift,
// which reaches 2x within a minute. So both trees are loaded in one process, and their rounds alternate on the
// same items. The copy loaded second runs a few percent slower whatever it holds (an A/A run shows it), so the
// whole comparison is run twice, once in each load order, and both ratios are printed.
import { execSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MODEL, readHeadlines } from './bench-core';
import { median } from './stats';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
// Shorter rounds pair A and B more closely in time, when the machine's speed drifts within seconds (AB_ROUND_MS).
const ROUND_MS = Number(process.env.AB_ROUND_MS ?? 400);

/** A copy of `rev`'s lib/ and scripts/ that imports resolve in (node_modules, public, ESM). */
function tree(rev: string, into: string): string {
  mkdirSync(into, { recursive: true });
  if (rev === '.') {
    cpSync(resolve(ROOT, 'lib'), resolve(into, 'lib'), { recursive: true });
    cpSync(resolve(ROOT, 'scripts'), resolve(into, 'scripts'), { recursive: true });
  } else {
    execSync(`git archive ${rev} lib scripts | tar -x -C ${into}`, { cwd: ROOT, stdio: 'inherit' });
  }
  symlinkSync(resolve(ROOT, 'node_modules'), resolve(into, 'node_modules'));
  symlinkSync(resolve(ROOT, 'public'), resolve(into, 'public'));
  writeFileSync(resolve(into, 'package.json'), '{"type":"module"}\n');
  return into;
}

/** One process: `dirs` loaded in this order, their rounds alternating (ABBA...). Prints one JSON line of rates. */
async function race(dirs: string[], rounds: number): Promise<void> {
  const headlines = readHeadlines();
  const bytes = new Uint8Array(readFileSync(MODEL));
  const runs: Array<() => number> = [];
  for (const d of dirs) {
    const url = (p: string) => pathToFileURL(resolve(d, p)).href;
    const bench = await import(url('scripts/bench-core.ts'));
    const { loadClickbaitModel } = await import(url('lib/core/clickbait/model.ts'));
    const { SHIPPED_DETECTORS } = await import(url('lib/core/detectors/shipped.ts'));
    const { compileProfile, decide } = await import(url('lib/core/shield/index.ts'));
    const profile = bench.buildLargeProfile(headlines);
    const items = bench.buildItems(headlines, profile);
    const compiled = compileProfile(profile, { clickbait: loadClickbaitModel(bytes), detectors: SHIPPED_DETECTORS });
    runs.push(() => {
      for (const it of items) decide(compiled, it);
      return items.length;
    });
  }
  const rates: number[][] = dirs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) {
      let n = 0;
      const start = performance.now();
      while (performance.now() - start < ROUND_MS) n += runs[k]();
      rates[k].push((n / (performance.now() - start)) * 1000);
    }
  }
  console.log(JSON.stringify(rates));
}


function main(): void {
  const [revA, revB, roundsArg] = process.argv.slice(2);
  if (!revA || !revB) throw new Error('usage: npx tsx scripts/ab-fast-tier.ts REV_A REV_B [ROUNDS]   (REV_B may be ".")');
  const rounds = Number(roundsArg ?? 20);
  const base = mkdtempSync(resolve(tmpdir(), 'parapet-ab-'));
  const a = tree(revA, resolve(base, 'a'));
  const b = tree(revB, resolve(base, 'b'));
  const self = fileURLToPath(import.meta.url);
  const ratios: number[] = [];
  for (const order of [[a, b], [b, a]]) {
    const out = spawnSync(process.execPath, ['--import', 'tsx', self, '--race', String(rounds), ...order], { cwd: ROOT, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(out.stderr);
    const rates = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as number[][];
    const [ra, rb] = order[0] === a ? rates : [rates[1], rates[0]];
    const ratio = median(rb.map((x, i) => x / ra[i]));
    ratios.push(ratio);
    console.log(
      `${order[0] === a ? 'A loaded first' : 'B loaded first'}: A median ${Math.round(median(ra))}/s, B median ${Math.round(median(rb))}/s, B/A per round ${ratio.toFixed(3)}`,
    );
  }
  console.log(`B/A, both orders: ${Math.sqrt(ratios[0] * ratios[1]).toFixed(3)} (above 1: B is faster)`);
}

if (process.argv[2] === '--race') await race(process.argv.slice(4), Number(process.argv[3]));
else main();
