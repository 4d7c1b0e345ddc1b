// What a page pays for Parapet in Firefox (issue 24), beside a peer measured in the same run: uBlock Origin, as
// Debian packages it for Firefox (Chromium 156 no longer loads its Manifest V2 build, and uBlock Origin Lite is
// packaged nowhere here). The built extension (default profile) against no extension and the peer, on the bench's
// Hacker News and YouTube pages: interleaved rounds, a fresh browser per configuration per round, medians
// (scripts/firefox-page-cost.ts). A part of `npm run bench`; alone:
//   npx tsx scripts/bench-firefox-page-cost.ts [ROUNDS]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIREFOX_EXT, OUT } from '../tests/e2e/harness';
import { FIREFOX } from '../tests/e2e/firefox-helpers';
import { FIREFOX_SITES, measureFirefoxPageCost, UBO_FIREFOX, type FirefoxSamples, type FirefoxSite } from './firefox-page-cost';
import { median } from './stats';

const ROUNDS = 4;
const PEER = `peer:${UBO_FIREFOX}`;

const f = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(0) : x.toFixed(1));
const signed = (x: number) => `${x >= 0 ? '+' : ''}${f(x)}`;

/** Each figure: Parapet's and the peer's, over no extension, and the goal (issue 24) where it has one. */
const FIGURES: Array<{ key: string; label: string; ratio?: boolean; goal?: number }> = [
  { key: 'DOMContentLoaded ms', label: 'DOMContentLoaded ms', ratio: true },
  { key: 'load: page main', label: 'main-thread CPU to load + 1.5 s, added ms' },
  { key: 'load: ALL', label: 'whole-browser CPU to load + 1.5 s, added ms' },
  { key: 'per 100 items: page main', label: 'main-thread CPU per 100 appended items, added ms', goal: 10 },
  { key: 'per 100 items: ALL', label: 'whole-browser CPU per 100 appended items, added ms', goal: 25 },
];

function figuresFor(site: FirefoxSite, samples: FirefoxSamples, peer: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const fig of FIGURES) {
    const byCfg = samples.get(`${site} ${fig.key}`);
    if (!byCfg) continue;
    const none = median(byCfg.get('none') ?? []);
    const of = (cfg: string) => {
      const m = median(byCfg.get(cfg) ?? []);
      return { m, added: m - none, text: fig.ratio ? `${f(m)} (x${(m / none).toFixed(2)} of none)` : signed(m - none) };
    };
    const ours = of(OUT);
    const theirs = peer ? of(PEER) : null;
    const checks = [
      fig.ratio ? (ours.m / none <= 1.2 ? 'within x1.2: PASS' : 'within x1.2: FAIL') : '',
      fig.goal !== undefined ? `<= ${fig.goal}: ${ours.added <= fig.goal ? 'PASS' : 'FAIL'}` : '',
      theirs ? `below the peer's: ${ours.added <= theirs.added ? 'PASS' : 'FAIL'}` : '',
    ].filter(Boolean);
    out[`${site}: ${fig.label}`] = `none ${f(none)}; Parapet ${ours.text}${theirs ? `; uBlock Origin ${theirs.text}` : ''}; ${checks.join(', ')}`;
  }
  return out;
}

export async function benchFirefoxPageCost(rounds = ROUNDS): Promise<Record<string, string>> {
  if (!existsSync(join(FIREFOX_EXT, 'manifest.json'))) throw new Error(`no Firefox build in ${FIREFOX_EXT}: build first`);
  if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}`);
  const peer = existsSync(join(UBO_FIREFOX, 'manifest.json'));
  const configs = ['none', OUT, ...(peer ? [PEER] : [])];
  const sites = Object.keys(FIREFOX_SITES) as FirefoxSite[];
  const { samples, loads } = await measureFirefoxPageCost(configs, rounds, sites);
  const out: Record<string, string> = {
    'rounds (fresh browser per configuration per round)': String(rounds),
    'machine load (1 min avg) median / range': `${median(loads).toFixed(1)} / ${Math.min(...loads).toFixed(1)}..${Math.max(...loads).toFixed(1)}`,
    peer: peer ? 'uBlock Origin (Debian webext-ublock-origin-firefox), its bundled filter lists' : 'uBlock Origin is not installed here (apt-get install webext-ublock-origin-firefox): Parapet against no extension only',
  };
  for (const site of sites) Object.assign(out, figuresFor(site, samples, peer));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchFirefoxPageCost(Number(process.argv[2] ?? ROUNDS));
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(56)} ${v}`);
}
