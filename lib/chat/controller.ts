import { composeMessage, hasBlock, sameText, stripBlock, type Composition, type Placement } from '../core/chat-block';
import type { ChatSite } from '../schema/common';
import type { ChatSelection } from '../schema/messages';
import { Chip, type ChipView } from './chip';
import { createDriver, editableWithin, type EditorDriver } from './drivers';
import { firstMatch, type ChatSiteConfig } from './sites';

export interface ChatAnswer {
  enabled: boolean;
  placement: Placement;
  selections: ChatSelection[];
  /** What the message itself overrode ("in miles, please"): never added, listed on the chip with the reason. */
  skipped?: ChatSelection[];
}

/** What the controller needs from the extension: kept as an interface so it runs the same in tests. */
export interface ChatBackend {
  select(site: ChatSite, message: string): Promise<ChatAnswer>;
  warn(site: ChatSite, detail: string): void;
  /** The person's instructions went with a message they sent (the popup counts them for this tab). */
  added?(site: ChatSite, instructions: number): void;
}

export interface ChatTimings {
  /** The longest a send waits on Parapet before it goes through untouched. */
  sendBudgetMs: number;
  /** How long to wait for the editor to show the inserted text. */
  verifyMs: number;
  typingDebounceMs: number;
  pollMs: number;
}

export const DEFAULT_TIMINGS: ChatTimings = { sendBudgetMs: 1500, verifyMs: 400, typingDebounceMs: 250, pollMs: 1000 };

const WARNING_MS = 8000;
/** How long after a send the composer is watched for the sent text coming back (an editor applying input late).
 * Kept short: a site may also put back a message whose send failed, and that must stay; it does so once its
 * request has failed, usually later than this. */
const ECHO_WATCH_MS = 1500;
/** What an editor is given to read its DOM into its own state before a send reads that (ProseMirror in Firefox
 * reads it 20 ms late). */
const SETTLE_MS = 50;
/** The longest a send waits for an editor that applies its input late. */
const MAX_LATE_MS = 1500;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const TIMEOUT = Symbol('timeout');
function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  return Promise.race([p, sleep(ms).then((): typeof TIMEOUT => TIMEOUT)]);
}

type Trigger = { kind: 'enter' } | { kind: 'click'; button: HTMLElement };
/** What went into a message: its whole text, and when the block was put in. */
type Added = { full: string; at: number };

/** Watches one chat site's composer: shows the chip while the user types, and on send puts the chosen standing
 * instructions into the message through the editor, checks the editor holds exactly that, and lets the send go.
 * Any doubt sends the user's message as typed. */
export class ChatController {
  private chip: Chip;
  private answers = new Map<string, Promise<ChatAnswer>>();
  private settled = new Map<string, ChatAnswer>();
  private dropped = new Set<string>();
  private skipAll = false;
  private composing = false;
  private busy = false;
  /** True only while Parapet re-dispatches a send it held: its own listeners must let that one through. */
  private resending = false;
  private warning: { detail: string; until: number } | null = null;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private lastText = '';
  /** The person has typed, pasted or dropped into the composer since it was last empty: the chip previews only
   * such text, never text a page script put there to probe what would be added. */
  private userTyped = false;
  /** Whether Parapet adds instructions on this site at all (paused, site off, none set): the chip shows from this
   * alone, so its presence says nothing about the text in the box. */
  private activeHere = false;
  /** How long this page's editor was seen to take to apply an insertion (it put the sent text back into the
   * composer that long after): sends wait that long, so that it sends what it shows. */
  private lateMs = 0;

  constructor(
    private config: ChatSiteConfig,
    private backend: ChatBackend,
    private signal: AbortSignal,
    private timings: ChatTimings = DEFAULT_TIMINGS,
  ) {
    this.chip = new Chip({
      toggleDrop: (id) => {
        if (this.dropped.has(id)) this.dropped.delete(id);
        else this.dropped.add(id);
        this.refresh();
      },
      toggleSkip: () => {
        this.skipAll = !this.skipAll;
        this.refresh();
      },
      returnFocus: () => this.editor()?.focus(),
    });
  }

  start() {
    const opts = { capture: true, signal: this.signal };
    window.addEventListener('keydown', (e) => this.onKeydown(e), opts);
    window.addEventListener('click', (e) => this.onClick(e), opts);
    // Only the person's IME starts a composition: a page dispatching compositionstart must not switch insertion
    // off. Any end counts (Chromium marks some real ones untrusted); the Enter's own isComposing still guards.
    document.addEventListener('compositionstart', (e) => e.isTrusted && (this.composing = true), opts);
    document.addEventListener(
      'compositionend',
      () => {
        this.composing = false;
        this.scheduleQuery();
      },
      opts,
    );
    document.addEventListener('input', (e) => this.onInput(e), opts);
    for (const type of ['paste', 'drop']) document.addEventListener(type, (e) => this.inEditor(e) && (this.userTyped = true), opts);
    window.addEventListener('resize', () => this.place(), { signal: this.signal, passive: true });
    window.addEventListener('scroll', () => this.place(), { capture: true, signal: this.signal, passive: true });
    // Sites clear and re-create the composer without input events (after a send, on navigation).
    const poll = setInterval(() => this.tick(), this.timings.pollMs);
    this.signal.addEventListener('abort', () => {
      clearInterval(poll);
      clearTimeout(this.debounce);
      this.chip.destroy();
    });
    this.tick();
  }

  /** Forget cached answers: the profile changed. */
  invalidate() {
    this.answers.clear();
    this.settled.clear();
    this.scheduleQuery(0);
  }

  private editor(): HTMLElement | null {
    const found = firstMatch<Element>(document, this.config.editor);
    return found ? editableWithin(found) : null;
  }

  private readText(el: HTMLElement): { driver: EditorDriver | null; text: string } {
    const driver = createDriver(el);
    return { driver, text: driver ? driver.read() : (el as HTMLElement).innerText ?? '' };
  }

  private tick() {
    const el = this.editor();
    const text = el ? this.readText(el).text : '';
    if (text !== this.lastText) this.scheduleQuery(0);
    else this.place();
  }

  private onInput(e: Event) {
    if (this.inEditor(e)) this.scheduleQuery();
  }

  /** The composer, when `e` is the person's own (trusted) input aimed at it; a page's dispatched events never are. */
  private inEditor(e: Event): HTMLElement | null {
    const el = this.editor();
    return e.isTrusted && el && e.target instanceof Node && el.contains(e.target) ? el : null;
  }

  private scheduleQuery(delay = this.timings.typingDebounceMs) {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.query(), delay);
  }

  private ask(message: string): Promise<ChatAnswer> {
    const key = stripBlock(message);
    let got = this.answers.get(key);
    if (!got) {
      got = this.backend.select(this.config.site, key).then((a) => {
        this.settled.set(key, a);
        this.activeHere = a.enabled;
        return a;
      });
      got.catch(() => this.answers.delete(key));
      this.answers.set(key, got);
      // Only the answers for what is in the box now matter; keep the cache small.
      if (this.answers.size > 20) {
        const oldest = this.answers.keys().next().value as string;
        this.answers.delete(oldest);
        this.settled.delete(oldest);
      }
    }
    return got;
  }

  private async query() {
    if (this.composing) return;
    const el = this.editor();
    const text = el ? this.readText(el).text : '';
    if (text !== this.lastText) {
      // A new message after a send, or the box emptied: the user's choices were for the old one.
      if (!text.trim()) {
        this.resetChoices();
        this.userTyped = false;
      }
      this.lastText = text;
    }
    if (text.trim() && !hasBlock(text) && this.userTyped) {
      try {
        await this.ask(text);
      } catch {
        // No answer: the chip stays as it was; sending still works.
      }
    }
    this.refresh();
  }

  private resetChoices() {
    this.dropped.clear();
    this.skipAll = false;
  }

  private viewFor(text: string, driver: EditorDriver | null): ChipView {
    if (this.warning && Date.now() < this.warning.until) return { kind: 'warning', detail: this.warning.detail };
    // Shown or not for the site and the box alone: whether anything applies to this text is inside the chip only.
    if (!text.trim() || !this.activeHere) return { kind: 'hidden' };
    if (hasBlock(text)) return { kind: 'present' };
    if (!driver) return { kind: 'warning', detail: "Parapet does not recognise this site's editor, so your instructions will not be added here." };
    const answer = this.userTyped ? this.settled.get(stripBlock(text)) : undefined;
    const skipped = answer?.skipped ?? [];
    if (!answer || !answer.enabled || answer.selections.length + skipped.length === 0) return { kind: 'none' };
    const added = answer.selections.filter((s) => !s.skipped);
    return {
      kind: 'ready',
      placement: answer.placement,
      skipAll: this.skipAll,
      items: added.map((s) => ({ ...s, dropped: this.dropped.has(s.id) })),
      // What the message itself overrode: listed so the user sees it was left out on purpose, and why.
      overridden: skipped.map(({ id, text, why }) => ({ id, text, why })),
    };
  }

  private refresh() {
    const el = this.editor();
    if (!el) {
      this.chip.render({ kind: 'hidden' });
      return;
    }
    const { driver, text } = this.readText(el);
    this.chip.mount();
    this.chip.render(this.viewFor(text, driver));
    this.place();
  }

  private place() {
    const el = this.editor();
    this.chip.place(el ? el.getBoundingClientRect() : null);
  }

  private onKeydown(e: KeyboardEvent) {
    if (this.resending) return;
    // Only the person's own keys: a page that types a probe and dispatches Enter must not get the block to read.
    const el = this.inEditor(e);
    if (!el) return;
    this.userTyped = true;
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    // keyCode 229: the IME owns this Enter even where isComposing is not set.
    if (e.isComposing || this.composing || e.keyCode === 229) return;
    this.intercept(e, el, { kind: 'enter' });
  }

  private onClick(e: MouseEvent) {
    // A page's scripted click on the send button is not the person sending.
    if (this.resending || !e.isTrusted || !(e.target instanceof Element)) return;
    const button = e.target.closest<HTMLElement>(this.config.send.join(','));
    if (!button) return;
    const el = this.editor();
    if (!el) return;
    this.intercept(e, el, { kind: 'click', button });
  }

  private intercept(e: Event, el: HTMLElement, trigger: Trigger) {
    if (this.busy) {
      // A send Parapet is holding will go through in a moment; a second one would send the message twice.
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    const { driver, text } = this.readText(el);
    if (!text.trim() || hasBlock(text)) return;
    if (this.skipAll) {
      this.resetChoices();
      return;
    }
    const known = this.settled.get(stripBlock(text));
    if (known && (!known.enabled || this.kept(known).length === 0)) return;
    if (!driver) {
      // Never hold a send for an editor Parapet cannot edit; say so quietly if something was meant to go with it.
      void this.ask(text)
        .then((a) => {
          if (a.enabled && this.kept(a).length > 0) this.warn("This site's editor is not one Parapet knows: the message went without your instructions.");
        })
        .catch(() => {});
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    this.busy = true;
    let added: Added | null = null;
    void this.addThenSend(driver, text)
      .then((a) => void (added = a))
      .catch(() => this.warn('Parapet hit an error: the message went as you typed it.'))
      .finally(() => {
        this.busy = false;
        this.resetChoices();
        this.resend(trigger);
        if (added) this.watchForEcho(added);
        this.scheduleQuery(0);
      });
  }

  private kept(a: ChatAnswer): ChatSelection[] {
    return a.selections.filter((s) => !s.skipped && !this.dropped.has(s.id));
  }

  /** The driver for the composer as it is now: a site may replace the composer element while Parapet edits it, and
   * reading or restoring the old, detached one would leave the live one as it was. */
  private live(driver: EditorDriver): EditorDriver {
    if (driver.el.isConnected) return driver;
    const el = this.editor();
    return (el && createDriver(el)) ?? driver;
  }

  /** Inserts the block and confirms the editor holds exactly the user's text plus the block; otherwise puts the
   * user's text back. Resolves when the message is ready to go either way: with what was added, if it was. */
  private async addThenSend(driver: EditorDriver, text: string): Promise<Added | null> {
    const started = performance.now();
    const answer = await within(this.ask(text), this.timings.sendBudgetMs);
    if (answer === TIMEOUT) {
      this.warn('Parapet did not answer in time: the message went without your instructions.');
      return null;
    }
    if (!answer.enabled) return null;
    const kept = this.kept(answer);
    const composition = composeMessage(text, kept.map((s) => s.text), answer.placement);
    if (!composition) return null;
    const left = this.timings.sendBudgetMs - (performance.now() - started);
    const inserted = await within(driver.insert(composition.insert, composition.at), Math.max(200, left));
    const at = performance.now();
    if (inserted !== TIMEOUT && (await this.holds(driver, composition, at))) {
      this.backend.added?.(this.config.site, kept.length);
      return { full: composition.full, at };
    }
    driver = this.live(driver);
    if (!sameText(driver.read(), text)) {
      await driver.replaceAll(text);
      await sleep(SETTLE_MS);
    }
    this.warn(
      sameText(this.live(driver).read(), text)
        ? 'The editor did not take the instructions: the message went as you typed it.'
        : 'The editor did not take the instructions cleanly: check the message that was sent.',
    );
    return null;
  }

  /** Whether the composer (as it is now: see `live`) shows exactly `c.full`, and still does once the editor has had
   * the time it takes to apply it (`at` is when it was inserted). */
  private async holds(driver: EditorDriver, c: Composition, at: number): Promise<boolean> {
    const until = performance.now() + this.timings.verifyMs;
    for (;;) {
      if (sameText(this.live(driver).read(), c.full)) {
        // The DOM shows it; give the editor's own state the same task turn (or the time this editor was seen to
        // take) to catch up before the send reads it.
        await sleep(Math.max(SETTLE_MS, at + this.lateMs - performance.now()));
        return sameText(this.live(driver).read(), c.full);
      }
      if (performance.now() > until) return false;
      await sleep(16);
    }
  }

  /**
   * After a send that carried the block: an editor that applies its input late puts the sent text back into the
   * composer it had emptied, and the next send would repeat it. Such an echo is taken out (what the composer held
   * before it is put back), and the sends after it wait for this editor.
   */
  private watchForEcho(sent: Added) {
    const until = performance.now() + ECHO_WATCH_MS;
    let emptied = false;
    let before = '';
    const look = async () => {
      if (this.signal.aborted || this.busy) return;
      const el = this.editor();
      const driver = el && createDriver(el);
      const now = driver ? driver.read() : '';
      if (!sameText(now, sent.full)) {
        emptied = true;
        before = now;
      } else if (emptied && driver) {
        this.lateMs = Math.min(MAX_LATE_MS, performance.now() - sent.at + 150);
        await driver.replaceAll(before);
        this.warn('The editor took its time to take your instructions: the last message may have gone without them.');
        return;
      }
      if (performance.now() < until) setTimeout(() => void look(), 40);
    };
    setTimeout(() => void look(), 0);
  }

  private resend(trigger: Trigger) {
    const el = this.editor();
    this.resending = true;
    try {
      if (trigger.kind === 'click') {
        const button = trigger.button.isConnected ? trigger.button : firstMatch(document, this.config.send);
        button?.click();
        return;
      }
      const enter = new KeyboardEvent('keydown', {
        key: 'Enter',
        code: 'Enter',
        keyCode: 13,
        which: 13,
        bubbles: true,
        cancelable: true,
        composed: true,
      } as KeyboardEventInit);
      (el ?? document.activeElement ?? document.body).dispatchEvent(enter);
      // A site that ignores a scripted Enter still has its send button.
      if (!enter.defaultPrevented) firstMatch(document, this.config.send)?.click();
    } finally {
      this.resending = false;
    }
  }

  private warn(detail: string) {
    // Quiet: the chip turns amber for a while, then goes back to normal on its own.
    this.warning = { detail, until: Date.now() + WARNING_MS };
    setTimeout(() => this.refresh(), WARNING_MS + 50);
    this.backend.warn(this.config.site, detail);
    this.refresh();
  }
}
