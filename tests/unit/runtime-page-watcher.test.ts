// @vitest-environment happy-dom
// The page watcher: what the page adds or changes reaches the runner as item roots; what Parapet writes itself is
// not read back, but what the page changed in the meantime still is.
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage, type PageWatcherOptions } from '@/lib/shield-runtime/page-watcher';
import { STUB_TAG } from '@/lib/shield-runtime/ui';
import { tick } from './adapters-fixture';
import { adapter, hackerNews } from './runtime-parts';

let close: () => void = () => {};
afterEach(() => close());

function setup(over: Partial<PageWatcherOptions> = {}) {
  const page = hackerNews();
  const reads: string[][] = [];
  const errors: string[] = [];
  const known = new Set<Node>();
  const watcher = watchPage(page.doc, adapter, {
    active: () => true,
    isItem: (n) => known.has(n),
    hasItem: (root) => known.has(root),
    onRoots: (roots) => reads.push([...roots].map((r) => r.id)),
    onError: (detail) => errors.push(detail),
    ...over,
  });
  close = () => (watcher.stop(), page.close());
  const loadMore = (n: number) => page.fixture.loadMore(n);
  return { ...page, watcher, reads, errors, known, loadMore };
}

describe('the page watcher', () => {
  it('hands on the stories the page appends, once each', async () => {
    const s = setup();
    s.loadMore(3);
    await tick();
    expect(s.reads.flat()).toEqual(['42100001', '42100002', '42100003']);
  });

  it('does not read back what Parapet writes, but reads what the page changed meanwhile', async () => {
    const s = setup();
    const story = s.doc.getElementById('42000001')!;
    s.known.add(story);
    s.watcher.writing(() => {
      story.append(s.doc.createElement(STUB_TAG));
      s.loadMore(1);
    });
    await tick();
    expect(s.reads.flat()).toEqual(['42100001']);
  });

  it('treats moving a known story as Parapet’s own writing', async () => {
    const s = setup();
    const [a, b] = [s.doc.getElementById('42000001')!, s.doc.getElementById('42000002')!];
    s.known.add(a).add(b);
    s.watcher.writing(() => b.after(a));
    await tick();
    expect(s.reads).toEqual([]);
  });

  it('brings back a story whose stub the site removed', async () => {
    const s = setup();
    const story = s.doc.getElementById('42000008')!;
    s.known.add(story);
    s.watcher.writing(() => story.append(s.doc.createElement(STUB_TAG)));
    story.querySelector(STUB_TAG)!.remove();
    await tick();
    expect(s.reads).toEqual([['42000008']]);
  });

  it('reads nothing while inactive or after stop', async () => {
    let active = false;
    const s = setup({ active: () => active });
    s.loadMore(1);
    await tick();
    active = true;
    s.watcher.stop();
    s.loadMore(1);
    await tick();
    expect(s.reads).toEqual([]);
  });

  it('reports an adapter that throws instead of throwing into the page', async () => {
    const s = setup({
      onRoots: () => {
        throw new Error('boom');
      },
    });
    s.loadMore(1);
    await tick();
    expect(s.errors).toEqual(['error while reading the page: boom']);
  });
});
