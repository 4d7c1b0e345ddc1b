import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES = resolve(__dirname, '../fixtures/feeds');

export const fixtureNames = () => readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A fixture page loaded at its real URL, its own scripts run (they simulate scrolling, recycling, navigation). */
export function loadFixture(name: string, url: string, opts: { scripts?: boolean } = {}) {
  const win = new Window({
    url,
    settings: { enableJavaScriptEvaluation: opts.scripts ?? true, suppressInsecureJavaScriptEnvironmentWarning: true, disableCSSFileLoading: true } as never,
  });
  win.document.write(fixtureHtml(name));
  const doc = win.document as unknown as Document;
  const fixture = (win as unknown as { fixture: Record<string, (...args: unknown[]) => unknown> }).fixture;
  return { win, doc, fixture, close: () => win.happyDOM.close() };
}

/** Lets queued timers and microtasks run (the fixtures stamp content in a later task, like the real sites). */
export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
