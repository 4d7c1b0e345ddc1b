import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_EXT, FIREFOX_EXT } from './harness';

// What the issue asks of every content script, checked on the built extension: a feed page pays for each byte
// before it can hide anything. The local model's library belongs to the background and the model host only, and
// the polyfill to the extension's own pages (content scripts use the browsers' native promise APIs).
const LIMIT = 100_000;
const WEBLLM = ['MLCEngine', '@mlc-ai', 'web-llm', 'tvmjs'];
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
    expect(Buffer.byteLength(code)).toBeLessThan(LIMIT);
    for (const marker of [...WEBLLM, ...POLYFILL]) expect(code, marker).not.toContain(marker);
  });
});
