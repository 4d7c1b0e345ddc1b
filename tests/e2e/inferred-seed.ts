// What the Inferred view's end-to-end test seeds: a person who bakes sourdough, builds furniture, looks at the sky
// and reads about Rust, and hid celebrity gossip; and the feeds' recommendations. Titles written for the tests.
import type { LoggedDecision, Signal } from '../../lib/schema/log';
import { SOURDOUGH, WOODWORKING } from '../unit/inferred-histories';

export const DAY = 86_400_000;
export const MARKUP = '<img src=x onerror="window.__pwned=1"> Telescope <b>eyepieces</b> compared';

const STARS = [
  'Choosing a first telescope for planets',
  'Saturn through a 6 inch dobsonian telescope',
  'Collimating a reflector telescope at home',
  'Best eyepieces for viewing the moon',
  'Andromeda galaxy from my backyard telescope',
  MARKUP,
];
const GUITAR = [
  'Learning barre chords on an acoustic guitar',
  'Guitar scales every beginner should practise',
  'Restringing a classical guitar',
  'Fingerpicking patterns for folk guitar',
  'My first electric guitar and amp setup',
];

export function seedSignals(now: number): Signal[] {
  let n = 0;
  const sig = (type: Signal['type'], title: string, daysAgo: number, extra: Partial<Signal> = {}): Signal => ({
    ts: now - daysAgo * DAY - n * 60_000, type, platform: 'youtube', itemId: `s${++n}`, title, author: 'Someone', url: `https://www.youtube.com/watch?v=s${n}`, detail: '', ...extra,
  });
  return [
    ...SOURDOUGH.map((t, i) => sig('open', t, 20 - i / 2, { platform: 'reddit', url: `https://www.reddit.com/r/Breadit/comments/b${i}/` })),
    ...WOODWORKING.map((t, i) => sig(i % 3 ? 'open' : 'dwell', t, 18 - i / 2, i % 3 ? {} : { value: 6 * 60_000 })),
    ...STARS.map((t, i) => sig('open', t, 9 - i, i === 0 ? { platform: 'hackernews', url: 'https://news.ycombinator.com/item?id=1' } : {})),
    sig('search', '', 3, { detail: 'telescope collimation', itemId: '', url: '' }),
    ...GUITAR.map((t, i) => sig('open', t, 12 - i)),
    sig('hide-by-hand', 'Celebrity gossip roundup', 3),
    sig('hide-by-hand', 'Kardashian family feud, the latest', 2),
  ];
}

/** More furniture making, for the test that a rejected topic stays out. */
export const MORE_WOODWORKING = [
  'Hand cut half lap joints for a frame', 'Walnut coffee table with breadboard ends', 'Oiling a cherry dresser', 'Sharpening a hand plane iron',
  'Building a tool chest with dovetails', 'Oak bench with through tenons', 'Making wooden drawer pulls', 'Maple end grain cutting board',
];

export function seedDecisions(now: number): LoggedDecision[] {
  let id = 0;
  const dec = (platform: LoggedDecision['platform'], title: string, daysAgo: number, action: LoggedDecision['action'] = 'show', kind?: string): LoggedDecision => ({
    ts: now - daysAgo * DAY - ++id * 1000, platform, itemId: `d${id}`, title, author: 'chan', url: '', surface: 'home', action, score: 0.5, reordered: false,
    reasons: kind ? [{ code: kind, detail: '', source: 'classifier', kind: kind as 'rage', evidence: [] }] : [],
  });
  const out: LoggedDecision[] = [];
  for (let d = 0; d < 6; d++) {
    for (let i = 0; i < 5; i++) out.push(dec('youtube', SOURDOUGH[i], d));
    for (let i = 0; i < (d % 3) + 1; i++) out.push(dec('youtube', `Politics outrage clip ${i}`, d, 'label', 'rage'));
    out.push(dec('youtube', 'Gardening tips: compost for the vegetable garden', d));
    // Parapet hid most of what Reddit recommended: the feed the person saw is narrower than the one offered.
    const topics = ['Chess openings', 'Cooking pasta', 'Hiking trails', 'Jazz piano', 'Knitting socks', 'Film reviews'];
    for (let i = 0; i < 12; i++) out.push(dec('reddit', `${topics[i % 6]} thread ${i}`, d, i % 6 === 0 ? 'show' : 'hide', i % 6 === 1 ? 'clickbait' : undefined));
  }
  return out;
}
