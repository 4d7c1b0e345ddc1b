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

  it('has a content script for each feed site and the chat sites, and a small one starting each feed', () => {
    expect(scripts.sort()).toEqual([
      'chat.js',
      'hackernews-start.js',
      'hackernews.js',
      'reddit-start.js',
      'reddit.js',
      'x-start.js',
      'x.js',
      'youtube-start.js',
      'youtube.js',
    ]);
  });

  // What runs before the page is parsed holds up DOMContentLoaded: only the small script does (issue 24).
  it.each(['hackernews', 'reddit', 'x', 'youtube'])('starts %s with a script under 10 KB, the rest once the page is parsed', (feed) => {
    const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js: string[]; run_at: string }> };
    const runAt = (file: string) => manifest.content_scripts.find((c) => c.js.includes(`content-scripts/${file}`))?.run_at;
    expect(runAt(`${feed}-start.js`)).toBe('document_start');
    expect(runAt(`${feed}.js`)).toBe('document_end');
    expect(Buffer.byteLength(readFileSync(join(dir, `${feed}-start.js`), 'utf8'))).toBeLessThan(10_000);
  });

  it.each(scripts)('keeps %s under 100 KB minified, without web-llm or the polyfill', (file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    expect(Buffer.byteLength(code)).toBeLessThan(CONTENT_SCRIPT_LIMIT);
    for (const marker of [...WEBLLM_MARKERS, ...POLYFILL]) expect(code, marker).not.toContain(marker);
  });
});
