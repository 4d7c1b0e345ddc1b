// What moving the models into a feed tab costs the page's main thread (issue 24), by way and by form. A feed tab
// reads its models from storage.local (lib/schema/stored-models.ts: the clickbait model and the learned heads in
// base64, the detector tables as JSON text; ~848 KB for YouTube and HN) and decodes the base64. Here, in the content
// script's world of a loaded bench page, each way is repeated N times under a trace, and the renderer main thread's
// task time (thread ms) is divided by N: storage.local.get of the stored copy, with and without its base64 decoded;
// the same bytes stored as base64, as one char per byte (latin1) and 15 bits per char; and fetch() of the shipped
// files (web-accessible, as before the stored copy). The test keys are removed at the end.
//
//   PARAPET_OUT=.output/x [N=8] [ROUNDS=3] npx tsx scripts/probe-model-transfer.ts
import type { CDPSession } from 'playwright-core';
import { launchWithExtension } from '../tests/e2e/harness';
import { youtubeHomePage } from './bench-feed-page';

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number }

const N = Number(process.env.N ?? 8);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const url = 'https://www.youtube.com/';

/** Main-thread thread ms of the tasks that ran while `expression` was evaluated, per repetition. */
async function threadMs(cdp: CDPSession, evaluate: (expression: string) => Promise<unknown>, expression: string): Promise<number> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'v8', 'devtools.timeline'] }, transferMode: 'ReportEvents' });
  await evaluate(expression);
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  // The renderer main thread: the one that ran the evaluation's script.
  const js = events.find((e) => e.name === 'FunctionCall' || e.name === 'v8.run');
  if (!js) return NaN;
  const tasks = events
    .filter((e) => e.ph === 'X' && e.pid === js.pid && e.tid === js.tid && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint'))
    .sort((a, b) => a.ts - b.ts);
  let covered = 0;
  let sum = 0;
  for (const e of tasks) {
    if (e.ts < covered) continue;
    sum += (e.tdur ?? 0) / 1000;
    covered = e.ts + (e.dur ?? 0);
  }
  return sum / N;
}

const repeat = (body: string) => `(async () => { for (let i = 0; i < ${N}; i++) { ${body}; await new Promise((r) => setTimeout(r, 5)); } })()`;
const get = (key: string) => `(await chrome.storage.local.get('${key}'))['${key}']`;
const WAYS: Array<[string, string]> = [
  ['nothing (a 5 ms timer)', repeat('')],
  ['storage: the stored copy', repeat(get('youtube'))],
  ['storage: the stored copy, base64 decoded', repeat(`const m = ${get('youtube')}; Uint8Array.fromBase64(m.clickbait); Uint8Array.fromBase64(m.learned)`)],
  ['storage: the two binaries in base64', repeat(get('probe-b64'))],
  ['storage: the same, one char per byte', repeat(get('probe-latin1'))],
  ['storage: the same, 15 bits per char', repeat(get('probe-u15'))],
  ['fetch: clickbait.bin and detectors.bin', repeat(`for (const f of ['clickbait.bin', 'detectors.bin']) await (await fetch(chrome.runtime.getURL('models/' + f))).arrayBuffer()`)],
];

const ext = await launchWithExtension();
try {
  await ext.context.route(`${url}**`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: youtubeHomePage() }));
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(3000);
  const world = contexts.find((c) => c.origin.startsWith('chrome-extension://'));
  if (!world) throw new Error('no content script world on the page');
  const evaluate = async (expression: string) => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  console.log(
    await evaluate(`(async () => {
      const m = ${get('youtube')};
      const b = Uint8Array.fromBase64(m.clickbait), l = Uint8Array.fromBase64(m.learned);
      const bytes = new Uint8Array(b.length + l.length);
      bytes.set(b);
      bytes.set(l, b.length);
      let latin1 = '';
      for (let i = 0; i < bytes.length; i += 0x8000) latin1 += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      // 15 bits a char keeps clear of the surrogates (0xd800-0xdfff).
      const units = [];
      let acc = 0, bits = 0;
      for (const x of bytes) {
        acc = (acc << 8) | x;
        bits += 8;
        if (bits >= 15) { bits -= 15; units.push((acc >>> bits) & 0x7fff); acc &= (1 << bits) - 1; }
      }
      let u15 = '';
      for (let i = 0; i < units.length; i += 0x8000) u15 += String.fromCharCode(...units.slice(i, i + 0x8000));
      await chrome.storage.local.set({ 'probe-b64': bytes.toBase64(), 'probe-latin1': latin1, 'probe-u15': u15 });
      return 'stored copy ' + JSON.stringify(m).length + ' chars; the two binaries ' + bytes.length + ' bytes';
    })()`),
  );
  console.log(`thread ms of the page's main thread per repetition (${N} a round):`);
  const got = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) for (const [name, expression] of WAYS) got.set(name, [...(got.get(name) ?? []), await threadMs(cdp, evaluate, expression)]);
  for (const [name, ms] of got) console.log(name.padEnd(44), ms.map((x) => x.toFixed(2).padStart(7)).join(''));
  await evaluate(`chrome.storage.local.remove(['probe-b64', 'probe-latin1', 'probe-u15'])`);
} finally {
  await ext.close();
}
