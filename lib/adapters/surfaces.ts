/**
 * Each feed site's kind of page ("home", "watch", "front"...) from its address, or null where Parapet has nothing to
 * do. Apart from the adapters, so that a site's document_start script can tell whether to hold the page's items
 * without carrying its adapter (issue 24: what runs before the page is parsed holds up DOMContentLoaded).
 */

export function hackernewsSurface(url: URL): string | null {
  const p = url.pathname;
  if (p === '/' || p === '/news' || p === '/front') return 'front';
  if (p === '/newest') return 'newest';
  if (p === '/ask' || p === '/show' || p === '/best' || p === '/active' || p === '/jobs') return p.slice(1);
  return null; // an item's comments, a user page, forms: no feed
}

export function redditSurface(url: URL): string | null {
  const p = url.pathname;
  if (/^\/r\/[^/]+\/comments\//.test(p) || /^\/user\/[^/]+\/comments\//.test(p)) return null; // a thread
  if (p === '/' || p === '' || p === '/best/' || p === '/hot/' || p === '/new/' || p === '/top/') return 'home';
  if (/^\/r\/(popular|all)\/?/.test(p)) return 'popular';
  if (/^\/r\/[^/]+/.test(p)) return 'subreddit';
  return 'other';
}

export function xSurface(url: URL): string | null {
  const p = url.pathname;
  if (p === '/home') return 'home';
  if (p.startsWith('/search')) return 'search';
  if (p.startsWith('/i/') || p.startsWith('/settings') || p.startsWith('/messages')) return null;
  if (/^\/[^/]+\/status\//.test(p)) return 'thread';
  return 'profile';
}

export function youtubeSurface(url: URL): string | null {
  const p = url.pathname;
  if (p === '/' || p === '') return 'home';
  if (p === '/watch') return 'watch';
  if (p === '/results') return 'search';
  if (p.startsWith('/shorts/')) return null; // the Shorts player: a single full-screen item, nothing to filter
  if (p.startsWith('/feed/subscriptions')) return 'subscriptions';
  return 'other';
}
