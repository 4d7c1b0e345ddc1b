// @vitest-environment happy-dom
// A row the parser is still inside: Hacker News's rank and vote cells come before its title, so a row found then
// cannot be read yet. It must wait unseen until its title lands (then be decided), or until parsing ends.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { tick } from './adapters-fixture';
import { startOnHackerNews } from './shield-start';

const person = (): Profile => ({
  ...defaultProfile(1),
  revision: 2,
  blockedAuthors: [{ platform: 'hackernews', name: 'pgdev' }],
});

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.reverse()) f();
  cleanup = [];
});

function loadingPage() {
  let state: DocumentReadyState = 'loading';
  const s = startOnHackerNews({
    person,
    answerMs: 5,
    holdMs: 500,
    beforeStart: (page) => Object.defineProperty(page.doc, 'readyState', { configurable: true, get: () => state }),
  });
  cleanup.push(s.stop);
  const body = s.page.doc.querySelector('tr.athing')!.parentElement!;
  const cell = (cls: string, html: string) => {
    const td = s.page.doc.createElement('td');
    td.className = cls;
    td.innerHTML = html;
    return td;
  };
  /** A story row as the parser leaves it midway: rank and vote cells, no title yet. */
  const half = (id: string) => {
    const row = s.page.doc.createElement('tr');
    row.className = 'athing submission';
    row.id = id;
    row.append(cell('title', '<span class="rank">9.</span>'), cell('votelinks', `<center><a href="vote?id=${id}"><div class="votearrow">▲</div></a></center>`));
    body.append(row);
    return row;
  };
  const finishParsing = () => {
    state = 'interactive';
    s.page.doc.dispatchEvent(new Event('readystatechange'));
  };
  return { ...s, half, cell, finishParsing, setState: (x: DocumentReadyState) => (state = x) };
}

describe('rows the parser has not finished', () => {
  it('waits unseen until its title and author land, then shows the decision for it: a blocked author never shows', async () => {
    const s = loadingPage();
    await tick(80); // the profile arrived and, the parser still at work, the hold's wait for it ran out: the hold is over
    expect(s.mode('42000001')).toBe('show');
    const row = s.half('42000099');
    await tick(0);
    expect(s.mode('42000099')).toBe('wait');
    row.append(s.cell('title', '<span class="titleline"><a href="https://x.example/pg">Postgres tuning notes</a></span>'));
    await tick(0);
    // Still unread: the author, in the row after it, is not parsed yet (a blocked author must not slip by).
    expect(s.mode('42000099')).toBe('wait');
    const sub = s.page.doc.createElement('tr');
    sub.append(s.cell('', ''), s.cell('subtext', '<span class="subline"><span class="score">3 points</span> by <a href="user?id=pgdev" class="hnuser">pgdev</a></span>'));
    row.after(sub);
    await tick(0);
    expect(s.mode('42000099')).toBe('stub');
  });

  it('shows a row still unreadable once parsing ends, and only then (a page firing the event changes nothing)', async () => {
    const s = loadingPage();
    await tick(80);
    s.half('42000098');
    await tick(0);
    expect(s.mode('42000098')).toBe('wait');
    s.page.doc.dispatchEvent(new Event('readystatechange')); // the page's own event: the state is still loading
    expect(s.mode('42000098')).toBe('wait');
    s.finishParsing();
    expect(s.mode('42000098')).toBeNull();
  });
});
