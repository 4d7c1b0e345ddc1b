import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SCRIPT_LIMIT, WEBLLM_MARKERS } from './content-script-limits';
import { CHROME_EXT, FIREFOX_EXT } from './harness';

// Checked on the built extension: a feed page pays for each byte before it can hide anything. The polyfill belongs
// to the extension's own pages (content scripts use the browsers' native promise APIs).
const POLYFILL = ['webextension-polyfill', 'This script should only be loaded in a browser extension'];

describe.each([
  ['Chrome', CHROME_EXT],
  ['Firefox', FIREFOX_EXT],
])('the %s build', (_name, ext) => {
  const dir = join(ext, 'content-scripts');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));

  it('has a content script for each feed site and the chat sites', () => {
    expect(scripts.sort()).toEqual(['chat.js', 'hackernews.js', 'reddit.js', 'x.js', 'youtube.js']);
  });

  it.each(scripts)('keeps %s under 100 KB minified, without web-llm or the polyfill', (file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    expect(Buffer.byteLength(code)).toBeLessThan(CONTENT_SCRIPT_LIMIT);
    for (const marker of [...WEBLLM_MARKERS, ...POLYFILL]) expect(code, marker).not.toContain(marker);
  });
});
