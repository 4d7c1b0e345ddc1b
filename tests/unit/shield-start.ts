// The feed runner on the Hacker News fixture in happy-dom, with a stand-in background whose answer to
// `profile/get` comes after `answerMs` (never, when null): how the first moments of a page are tested.
import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import { compileProfile, decide, quoteEvidence, rerank } from '@/lib/core/shield';
import type { Profile } from '@/lib/schema/profile';
import { coreEngine, type CoreShield } from '@/lib/shield-runtime/engine';
import { ATTR, startShield, type Shield, type ShieldDeps } from '@/lib/shield-runtime/runner';
import type { Transport } from '@/lib/shield-runtime/transport';
import { loadFixture, tick } from './adapters-fixture';

export function startOnHackerNews(opts: {
  person: () => Profile;
  answerMs: number | null;
  holdMs: number;
  models?: Partial<Pick<ShieldDeps, 'loadDetectors' | 'loadClickbait' | 'loadKnown'>>;
  /** Runs on the loaded page before the shield starts (an observer that must see the very first state). */
  beforeStart?: (page: ReturnType<typeof loadFixture>) => void;
  /** Told of every item the fast tier decides. */
  onDecide?: (itemId: string) => void;
  /** A page already loaded (the early hold's tests), and what the document_start script held on it. */
  page?: ReturnType<typeof loadFixture>;
  held?: Element[];
}) {
  const page = opts.page ?? loadFixture('hackernews-front.html', 'https://news.ycombinator.com/', { scripts: false });
  opts.beforeStart?.(page);
  const sent: string[] = [];
  const payloads: Array<{ type: string; payload: unknown }> = [];
  const listeners = new Set<(p: Profile) => void>();
  const transport: Transport = {
    send: (async (type: string, payload: unknown) => {
      sent.push(type);
      payloads.push({ type, payload });
      if (type !== 'profile/get') return null;
      if (opts.answerMs === null) return new Promise(() => {});
      await tick(opts.answerMs);
      return opts.person();
    }) as Transport['send'],
    onProfile: (fn) => (listeners.add(fn), () => void listeners.delete(fn)),
  };
  const counted: typeof decide = (c, item) => (opts.onDecide?.(item.id), decide(c, item));
  const core = { compileProfile, decide: counted, quoteEvidence, rerank } as unknown as CoreShield;
  const shield: Shield = startShield(
    hackernewsAdapter,
    { engine: coreEngine(core, 'hackernews'), transport, ...opts.models },
    { doc: page.doc, profileHoldMs: opts.holdMs, healthDelayMs: 60_000, flushMs: 10, held: opts.held },
  );
  const mode = (id: string) => page.doc.getElementById(id)?.getAttribute(ATTR);
  /** The page is left: the browser's pagehide is trusted; one the page dispatches itself is not. */
  const leave = (trusted = true) => {
    const e = new page.win.Event('pagehide');
    Object.defineProperty(e, 'isTrusted', { value: trusted });
    page.win.dispatchEvent(e);
  };
  /** The background sends every tab the profile the person just saved. */
  const broadcast = (p: Profile) => listeners.forEach((fn) => fn(p));
  return { page, shield, mode, sent, payloads, leave, broadcast, stop: () => (shield.stop(), page.close()) };
}
