// @vitest-environment happy-dom
// The painter: the one part that writes to the page. What a person sees for each mode, that the controls on a stub
// and a badge reach the runner, and that a stub the site throws away comes back.
import { afterEach, describe, expect, it } from 'vitest';
import { ATTR, createPainter, modeOf, type Mode } from '@/lib/shield-runtime/painter';
import type { Tracked } from '@/lib/shield-runtime/tracked';
import { MARK_TAG, STUB_TAG, actionsFor, shadowOf } from '@/lib/shield-runtime/ui';
import { adapter, hackerNews, hidingReason } from './runtime-parts';

let close: () => void = () => {};
afterEach(() => close());

function setup(site = adapter) {
  const page = hackerNews();
  close = page.close;
  const acts: string[] = [];
  const later: string[] = [];
  const painter = createPainter(page.doc, site, {
    act: (t, type) => acts.push(`${t.item!.id}:${type}`),
    later: (t) => later.push(t.item!.id),
    open: (t, _anchor, view) => acts.push(`${t.item!.id}:${view}`),
  });
  const subtext = (t: Tracked) => t.root.nextElementSibling!;
  const press = (host: Element, label: string) => {
    const b = [...shadowOf(host)!.querySelectorAll('button')].find((x) => x.textContent === label)!;
    actionsFor(host)[(b as HTMLElement).dataset.act!]();
  };
  return { ...page, painter, acts, later, subtext, press };
}

describe('painting an item', () => {
  it('hides a story with a stub in its row, and its subtext row with it', () => {
    const s = setup();
    const t = s.track('42000008', { action: 'hide', reasons: [hidingReason] });
    s.painter.paint(t, 'stub', true);
    expect(t.root.getAttribute(ATTR)).toBe('stub');
    expect(s.subtext(t).getAttribute(ATTR)).toBe('hide');
    const stubs = t.root.querySelectorAll(STUB_TAG);
    expect(stubs).toHaveLength(1);
    expect(shadowOf(stubs[0])!.textContent).toContain('Hidden by Parapet');
    // The page's own text never carries the reason: it is inside the closed shadow root.
    expect(t.root.textContent).not.toContain('Hidden by Parapet');
  });

  it('leaves the stub or badge for the next frame when asked to, but marks the row at once', () => {
    const s = setup();
    const t = s.track('42000002', { action: 'label', reasons: [{ ...hidingReason, code: 'clickbait', kind: 'clickbait' }] });
    s.painter.paint(t, 'label', false);
    // The page reads no decision from the attribute: a label has no style of its own, so it reads as shown.
    expect(t.root.getAttribute(ATTR)).toBe('show');
    // HN's badge goes in the subtext row, under the title.
    expect(s.subtext(t).querySelector(MARK_TAG)).toBeNull();
    expect(s.later).toEqual(['42000002']);
    s.painter.decorate(t);
    expect(s.subtext(t).querySelectorAll(MARK_TAG)).toHaveLength(1);
  });

  it('asks the next frame for nothing on a plain item, but still for taking a badge off one', () => {
    const s = setup();
    const plain = s.track('42000001', { action: 'show', reasons: [] });
    s.painter.paint(plain, 'show', false);
    expect(plain.root.getAttribute(ATTR)).toBe('show');
    expect(s.later).toEqual([]);
    const t = s.track('42000002', { action: 'label', reasons: [{ ...hidingReason, code: 'clickbait', kind: 'clickbait' }] });
    s.painter.paint(t, 'label', true);
    expect(s.subtext(t).querySelectorAll(MARK_TAG)).toHaveLength(1);
    s.painter.paint(t, 'show', false);
    expect(s.later).toEqual(['42000002']);
    s.painter.decorate(t);
    expect(s.subtext(t).querySelector(MARK_TAG)).toBeNull();
  });

  it("passes the person's choice on a stub or a badge menu to the runner", () => {
    const s = setup();
    const hidden = s.track('42000008', { action: 'hide', reasons: [hidingReason] });
    s.painter.paint(hidden, 'stub', true);
    s.press(hidden.root.querySelector(STUB_TAG)!, 'Show this item');
    s.press(hidden.root.querySelector(STUB_TAG)!, 'Why?');
    const labelled = s.track('42000002', { action: 'label', reasons: [{ ...hidingReason, code: 'clickbait', kind: 'clickbait' }] });
    s.painter.paint(labelled, 'label', true);
    s.painter.offer(labelled);
    s.press(s.subtext(labelled).querySelector(MARK_TAG)!, '⋯');
    expect(s.acts).toEqual(['42000008:show-anyway', '42000008:why', '42000002:menu']);
  });

  it("puts a plain item's button where the adapter says it takes no room, a badge where badges go", () => {
    // As on X: a place of its own for the button, before the element that ends the item's first line.
    const first = (root: Element) => root.firstElementChild!;
    const s = setup({ ...adapter, menuSlot: (root) => ({ parent: root, before: first(root) }) });
    const plain = s.track('42000001', { action: 'show', reasons: [] });
    s.painter.paint(plain, 'show', true);
    s.painter.offer(plain);
    expect(first(plain.root).localName).toBe(MARK_TAG);
    expect(s.subtext(plain).querySelector(MARK_TAG)).toBeNull();
    const labelled = s.track('42000002', { action: 'label', reasons: [{ ...hidingReason, code: 'clickbait', kind: 'clickbait' }] });
    s.painter.paint(labelled, 'label', true);
    s.painter.offer(labelled);
    expect(s.subtext(labelled).querySelectorAll(MARK_TAG)).toHaveLength(1);
    expect(labelled.root.querySelector(MARK_TAG)).toBeNull();
    // None found on the item: where badges go.
    s.close();
    const t = setup({ ...adapter, menuSlot: () => null });
    const other = t.track('42000001', { action: 'show', reasons: [] });
    t.painter.paint(other, 'show', true);
    t.painter.offer(other);
    expect(t.subtext(other).querySelectorAll(MARK_TAG)).toHaveLength(1);
  });

  it('lays a plain item\'s button over the end of its slot when the adapter says it takes no room there (YouTube)', () => {
    const s = setup({ ...adapter, menuSlot: (root) => ({ parent: root, over: true }) });
    const plain = s.track('42000001', { action: 'show', reasons: [] });
    s.painter.paint(plain, 'show', true);
    s.painter.offer(plain);
    // shield.css lays parapet-mark[data-over] over its parent's last line.
    expect(plain.root.querySelector(`${MARK_TAG}[data-over]`)).not.toBeNull();
    const labelled = s.track('42000002', { action: 'label', reasons: [{ ...hidingReason, code: 'clickbait', kind: 'clickbait' }] });
    s.painter.paint(labelled, 'label', true);
    expect(s.subtext(labelled).querySelector(MARK_TAG)!.hasAttribute('data-over')).toBe(false);
  });

  it('gives a badge its menu button once the person turns to the item, beside the badge they may be on', () => {
    const s = setup();
    const labelled = s.track('42000002', { action: 'label', reasons: [{ ...hidingReason, code: 'clickbait', kind: 'clickbait' }] });
    s.painter.paint(labelled, 'label', true);
    const mark = s.subtext(labelled).querySelector(MARK_TAG)!;
    const labels = () => [...shadowOf(mark)!.querySelectorAll('button')].map((b) => b.textContent);
    expect(labels()).toEqual(['Parapet']);
    const badge = shadowOf(mark)!.querySelector('button')!;
    s.painter.offer(labelled);
    s.painter.offer(labelled);
    expect(s.subtext(labelled).querySelector(MARK_TAG)).toBe(mark);
    expect(shadowOf(mark)!.querySelector('button')).toBe(badge);
    expect(labels()).toEqual(['Parapet', '⋯']);
    // Drawn again (the site threw it away), it comes with its button.
    mark.remove();
    s.painter.restore(labelled);
    expect(shadowOf(s.subtext(labelled).querySelector(MARK_TAG)!)!.querySelectorAll('button')).toHaveLength(2);
  });

  it('draws no word of the reason in the page: a generic stub, a fixed badge, the reason in a frame on "Why?"', async () => {
    const s = setup();
    const blocked = { ...hidingReason, code: 'blocked-author', detail: 'spammer' };
    const hidden = s.track('42000008', { action: 'hide', reasons: [blocked] });
    s.painter.paint(hidden, 'stub', true);
    const topic = { ...hidingReason, code: 'avoid-topic', detail: 'Crypto giveaways', evidence: ['airdrop'] };
    const labelled = s.track('42000002', { action: 'label', reasons: [topic] });
    s.painter.paint(labelled, 'label', true);
    const stub = hidden.root.querySelector(STUB_TAG)!;
    const mark = s.subtext(labelled).querySelector(MARK_TAG)!;
    const drawn = `${shadowOf(stub)!.textContent} ${shadowOf(mark)!.textContent}`;
    expect(drawn).toContain('Hidden by Parapet');
    expect(drawn).not.toMatch(/Blocked author|spammer|Topic you avoid|Crypto|airdrop/);
    // "Why?" and the badge open the extension's frame (panel.ts); the page gets nothing but a button.
    s.press(stub, 'Why?');
    s.press(mark, 'Parapet');
    expect(s.acts).toEqual(['42000008:why', '42000002:why']);
  });

  it('puts no decision in the attribute a page reads: only what the stylesheet acts on', () => {
    const s = setup();
    const t = s.track('42000002', { action: 'label', reasons: [hidingReason] });
    const seen = (['label', 'boost', 'show', 'shown', 'demote', 'stub'] as Mode[]).map((m) => (s.painter.paint(t, m, true), t.root.getAttribute(ATTR)));
    expect(seen).toEqual(['show', 'show', 'show', 'show', 'demote', 'stub']);
  });

  it('does not redraw a stub that is still right', () => {
    const s = setup();
    const t = s.track('42000008', { action: 'hide', reasons: [hidingReason] });
    s.painter.paint(t, 'stub', true);
    const first = t.root.querySelector(STUB_TAG);
    s.painter.paint(t, 'stub', true);
    expect(t.root.querySelector(STUB_TAG)).toBe(first);
  });

  it('puts back a stub the site threw away, five times at most', () => {
    const s = setup();
    const t = s.track('42000008', { action: 'hide', reasons: [hidingReason] });
    s.painter.paint(t, 'stub', true);
    for (let i = 0; i < 7; i++) {
      t.root.querySelector(STUB_TAG)?.closest('td')?.remove();
      t.root.removeAttribute(ATTR);
      s.painter.restore(t);
      // The attribute (what hides the row) always comes back.
      expect(t.root.getAttribute(ATTR)).toBe('stub');
      expect(t.root.querySelectorAll(STUB_TAG)).toHaveLength(i < 5 ? 1 : 0);
    }
  });

  it('takes everything off again, leaving the story as the site drew it', () => {
    const s = setup();
    const before = s.track('42000008').root.outerHTML;
    const t = s.track('42000008', { action: 'hide', reasons: [hidingReason] });
    s.painter.paint(t, 'stub', true);
    s.painter.unpaint(t);
    expect(t.root.outerHTML).toBe(before);
    expect(s.subtext(t).hasAttribute(ATTR)).toBe(false);
  });

  it('counts each story once by its id, hidden and labelled apart', () => {
    const s = setup();
    s.painter.paint(s.track('42000008', { action: 'hide', reasons: [hidingReason] }), 'stub', true);
    s.painter.paint(s.track('42000002', { action: 'label', reasons: [hidingReason] }), 'label', true);
    s.painter.paint(s.track('42000001'), 'show', true);
    s.painter.paint(s.track('42000001'), 'show', true);
    expect(s.painter.counts()).toEqual({ seen: 3, hidden: 1, labelled: 1 });
    s.painter.forget();
    expect(s.painter.counts()).toEqual({ seen: 0, hidden: 0, labelled: 0 });
  });

  it('knows the rows that move with a story as its own', () => {
    const s = setup();
    const t = s.track('42000003');
    s.painter.paint(t, 'show', true);
    expect(s.painter.ownsRow(s.subtext(t))).toBe(true);
    expect(s.painter.ownsRow(s.track('42000004').root.nextElementSibling!)).toBe(false);
  });
});

describe('the mode for a decision', () => {
  const mode = (action: string, s: Partial<Parameters<typeof modeOf>[1]> = {}): Mode =>
    modeOf(action, { revealed: false, handHidden: false, removeHidden: false, ...s });

  it('shows what the person chose to see anyway, unless they hid it by hand since', () => {
    expect(mode('hide', { revealed: true })).toBe('shown');
    expect(mode('hide', { revealed: true, handHidden: true })).toBe('stub');
  });

  it('removes hidden items without a stub when the person asked so, but never one they hid by hand', () => {
    expect(mode('hide', { removeHidden: true })).toBe('hide');
    expect(mode('hide', { removeHidden: true, handHidden: true })).toBe('stub');
  });

  it('gives each other action its own mode', () => {
    expect(['show', 'label', 'demote', 'boost'].map((a) => mode(a))).toEqual(['show', 'label', 'demote', 'boost']);
  });
});
