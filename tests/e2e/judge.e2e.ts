import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension, screenshot, serve, type Launched } from './harness';
import { call, seedProfile } from './ui-helpers';
import { a11yLightAndDark, shot800 } from './dashboard-checks';

// The local model in real Chromium. No model can be downloaded here (no network), so this proves what can be
// proved: the model host starts where it should, finds the WebGPU adapter (SwiftShader, on the CPU, with
// --enable-unsafe-webgpu) and the Model view says so in words; a download fails with a message a person can act
// on and breaks nothing; without WebGPU the view says so and the feed shield keeps working on its fast tier.

const HN = readFileSync(join(ROOT, 'tests/fixtures/feeds/hackernews-front.html'), 'utf8');

async function openModelView(ext: Launched): Promise<Page> {
  const page = await ext.openPage('dashboard.html#/model');
  await page.getByTestId('model-summary').waitFor({ timeout: 30_000 });
  return page;
}

/** The Hacker News fixture at its real address; resolves once the fast tier has decided its rows. */
async function openHackerNews(ext: Launched): Promise<Page> {
  await serve(ext.context, /^https:\/\/news\.ycombinator\.com\//, HN);
  const page = await ext.context.newPage();
  await page.goto('https://news.ycombinator.com/');
  await page.waitForSelector('tr.athing[data-parapet]', { timeout: 15_000 });
  return page;
}

const modeOf = (page: Page, id: string) => page.evaluate((i) => document.getElementById(i)?.getAttribute('data-parapet') ?? null, id);

describe('with WebGPU (--enable-unsafe-webgpu: SwiftShader)', () => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchWithExtension({ webgpu: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('starts the model host in an offscreen document and shows the adapter, its limits and what fits', async () => {
    const page = await openModelView(ext);
    const contexts = await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<Array<{ contextType: string; documentUrl?: string }>> } } }).chrome;
      return (await c.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map((x) => x.documentUrl ?? '');
    });
    expect(contexts.some((u) => u.endsWith('/offscreen.html'))).toBe(true);

    const adapter = await page.getByTestId('model-adapter').innerText();
    expect(adapter).toMatch(/swiftshader/i);
    expect(adapter).toContain('software fallback adapter: runs on the CPU');
    expect(await page.getByTestId('model-f16').innerText()).toBe('16-bit shaders (shader-f16): no');
    const summary = await page.getByTestId('model-summary').innerText();
    expect(summary).toMatch(/^\d+ of 6 models fit this device; SmolLM2 360M \(32-bit\) is recommended\./);
    expect(summary).toContain('This GPU has no shader-f16, so only 32-bit builds can run.');
    expect(summary).toContain('software fallback');
    // A 16-bit build says why it does not fit; the recommended one says what it needs and how much to download.
    const f16 = page.getByTestId('model-row-SmolLM2-360M-Instruct-q4f16_1-MLC');
    expect(await f16.getAttribute('data-fits')).toBe('false');
    expect(await f16.innerText()).toMatch(/does not fit[\s\S]*Needs the GPU feature shader-f16/);
    const rec = await page.getByTestId('model-row-SmolLM2-360M-Instruct-q4f32_1-MLC').innerText();
    expect(rec).toMatch(/recommended[\s\S]*Download ≈ \d+ MB · needs 580 MB of GPU memory/);
    expect(rec).toContain('expect well under one item per second');
    await screenshot(page, 'judge-model-view-webgpu');
    await page.close();
  });

  it('a download attempt offline fails with a clear message, and the view and the feed keep working', async () => {
    const page = await openModelView(ext);
    await page.getByTestId('model-row-SmolLM2-360M-Instruct-q4f32_1-MLC').getByRole('radio').check();
    const download = page.getByTestId('model-download');
    expect(await download.innerText()).toBe('Download SmolLM2 360M');
    await download.click();
    const error = page.getByTestId('model-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.innerText()).toMatch(/^The download failed: the model's files could not be fetched .*Nothing was changed; try again when online\./);
    await screenshot(page, 'judge-download-offline');

    // Nothing broken: the host still answers, nothing is cached, the button works again, the judge can be switched.
    const status = await call(page, 'model/status', {});
    expect(status).toMatchObject({ hostRunning: true, cached: [], status: { phase: 'error' } });
    expect(await download.isEnabled()).toBe(true);
    const toggle = page.getByRole('switch', { name: 'Use the local model' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.getByText('On: SmolLM2 360M').waitFor();
    await page.getByText('The chosen model is not on this device yet').waitFor();
    expect((await call(page, 'profile/get', {})).judge).toMatchObject({ enabled: true, modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC' });

    // With the judge on and no model, a feed is shielded by the fast tier; the content script does ask the judge
    // (a rule only the model can check makes every shown story unsure) and gets "not judged" back.
    await seedProfile(page, (p) => ({ ...p, naturalRules: [{ id: 'money', text: 'nothing that makes me anxious about money', enabled: true }] }));
    const asked = (await call(page, 'model/status', {})).stats.asked;
    const hn = await openHackerNews(ext);
    expect(await modeOf(hn, '42000004')).toBe('stub');
    expect(await modeOf(hn, '42000001')).not.toMatch(/stub|hide/);
    let now = asked;
    for (let i = 0; i < 50 && now < asked + 7; i++) {
      await hn.waitForTimeout(100);
      now = (await call(page, 'model/status', {})).stats.asked;
    }
    expect(now - asked).toBe(7);
    for (const id of ['42000001', '42000003', '42000005', '42000007', '42000008']) expect(await modeOf(hn, id)).not.toMatch(/stub|hide/);
    const judged = await call(page, 'judge/items', {
      items: [{ platform: 'hackernews', id: 'x1', url: '', title: 'A story', author: 'a', kind: 'story', promoted: false, promotedMarkers: [], text: '', surface: 'front', domain: '' }],
      fast: [{ platform: 'hackernews', itemId: 'x1', action: 'show', reasons: [], score: 0.5, uncertain: true }],
      visibleIds: [],
    });
    expect(judged.verdicts[0]).toMatchObject({ status: 'not-judged', note: 'the model is not downloaded (Parapet dashboard, Model)', decision: { action: 'show' } });
    await hn.close();

    await toggle.click();
    await page.getByText('Off: Parapet judges with its fast rules only.').waitFor();
    await page.close();
  });

  it('the benchmark page opens, says no model is loaded, and refuses to run without one', async () => {
    const page = await ext.openPage('judge-bench.html');
    await page.getByRole('heading', { name: 'Local model benchmark' }).waitFor();
    await page.getByText(/^No model loaded \(host: (idle|error)\)$/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Run' }).click();
    expect(await page.getByTestId('bench-error').innerText()).toBe('Load a model first: download it in the Model view (or wait until it says Ready).');
    expect(await page.getByTestId('bench-result').count()).toBe(0);
    await page.close();
  });
});

describe('without WebGPU', () => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the Model view says WebGPU is unavailable and why, and offers no model as fitting', async () => {
    const page = await openModelView(ext);
    const summary = await page.getByTestId('model-summary').innerText();
    expect(summary).toMatch(/^WebGPU is unavailable: the browser offers no GPU adapter/);
    expect(summary).toContain('No local model can run here; Parapet keeps judging with its fast rules.');
    expect(await page.getByTestId('model-adapter').count()).toBe(0);
    const rows = page.locator('[data-testid^="model-row-"]');
    expect(await rows.count()).toBe(6);
    expect(await page.locator('[data-testid^="model-row-"][data-fits="true"]').count()).toBe(0);
    await screenshot(page, 'judge-model-view-no-webgpu');
    await page.close();
  });

  it('offers nothing that cannot work: the download and the switch are disabled, and it says what Parapet does without the model', async () => {
    const page = await openModelView(ext);
    expect(await page.getByTestId('model-summary').locator('..').innerText()).toContain('Nothing you can download or turn on here would change that.');
    const without = await page.getByTestId('model-without').innerText();
    expect(without).toMatch(/keyword and pattern rules, your topics by meaning, the blocked authors and the learned detectors/);
    const download = page.getByTestId('model-download');
    expect(await download.isDisabled()).toBe(true);
    expect(await download.getAttribute('class')).not.toContain('btn-primary');
    expect(await page.getByTestId('model-download-why').innerText()).toBe('Nothing to download: no model can run on this device.');
    const toggle = page.getByRole('switch', { name: 'Use the local model' });
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await page.getByText('Off, and cannot be turned on: no model can run on this device.').waitFor();
    // Asked anyway (an old page, a script), the background refuses with the reason, not "try again when online".
    const refused = await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
      return c.runtime.sendMessage({ type: 'model/download', payload: { engine: 'webllm', modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC' } });
    });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^No local model can run on this device: WebGPU is unavailable/);
    expect(refused.error).not.toMatch(/try again when online/);
    expect(await a11yLightAndDark(page)).toEqual([]);
    await shot800(page, 'model-view-no-webgpu');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot800(page, 'model-view-no-webgpu-dark');
    await page.close();
  });

  it('the Hacker News front page is still shielded by the fast tier', async () => {
    const hn = await openHackerNews(ext);
    // The job ad (a promoted slot) is hidden behind a stub; ordinary stories are shown.
    expect(await modeOf(hn, '42000004')).toBe('stub');
    for (const id of ['42000001', '42000003', '42000007', '42000008']) expect(await modeOf(hn, id)).not.toMatch(/stub|hide/);
    expect(await hn.locator('tr[id="42000001"] .titleline > a').isVisible()).toBe(true);
    expect(await hn.locator('tr[id="42000004"] .titleline > a').isVisible()).toBe(false);
    await screenshot(hn, 'judge-hn-no-webgpu');
    await hn.close();
  });
});
