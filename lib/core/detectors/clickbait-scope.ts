import type { FeedItem } from '../../schema/item';
import { englishPrefix, type TextContext } from './rules';
import { sameWord } from './tokens';

/**
 * Which items the headline model may judge. Clickbait is a link teaser: a headline that withholds what is behind
 * its link so that you click. The model (lib/core/clickbait) learnt that from English news and listicle
 * headlines, so it is kept off what is neither a teaser nor such a headline.
 */

const HN_ITEM_PAGE = /^https?:\/\/news\.ycombinator\.com\/item\?/i;
const HN_DISCUSSION_TITLE = /^\s*(?:ask|tell) hn\b/i;

/**
 * A community question or note with nothing behind it to withhold: its "link" is its own comment thread.
 *  - Hacker News: the title link points at the HN item page itself (Ask HN, Tell HN, text-only posts; the
 *    adapter then finds no site domain), or the title starts "Ask HN" / "Tell HN". Show HN links out, and stays.
 *  - Reddit: a self post, whose FeedItem domain is "self.<subreddit>", or a post with no outbound domain at all
 *    (the adapters always read it, and `url` is the thread's permalink either way). Image and link posts keep
 *    their i.redd.it / site domain, and stay.
 *  - X: a tweet that links nowhere (the adapter reads no outbound link, so no domain). A tweet is a remark, not a
 *    headline, and the model, which learnt from headlines, reads everyday remarks ("This is just a test", "Here is
 *    the thing") as teasers. A tweet that links out is a teaser for its link, and stays. Teasers without a link
 *    ("you won't believe what she said next, thread") are engagement bait, which the rule detectors read.
 * YouTube has no such marker: videos are judged as they are.
 */
export function isDiscussion(item: Pick<FeedItem, 'platform' | 'kind' | 'title' | 'url' | 'domain'>): boolean {
  if (item.platform === 'hackernews') return HN_ITEM_PAGE.test(item.url) || HN_DISCUSSION_TITLE.test(item.title);
  if (item.platform === 'x') return item.domain.trim() === '';
  if (item.platform === 'reddit') {
    if (item.kind !== 'post') return false;
    const domain = item.domain.trim().toLowerCase();
    return domain === '' || domain.startsWith('self.');
  }
  return false;
}

/**
 * One word said over and over ("word word word word", "spam spam spam spam") is not a headline at all, and the
 * model, which never saw one, leans towards clickbait on it. Counted over the first `length` characters of the
 * context: a word repeating one of the two before it, in at least half of the words after the first.
 */
export function isRepetition(ctx: TextContext, length: number): boolean {
  const tokens = ctx.tokens;
  let n = 0;
  let repeats = 0;
  for (let i = 0; i < tokens.count && tokens.starts[i] < length; i++, n++) {
    // Each word still to come adds one to n (here i) and at most one to repeats: once those cannot make up half,
    // stop (a headline of ten different words is settled at its sixth).
    if (2 * (i - repeats) > tokens.count) return false;
    if ((i > 0 && sameWord(tokens, i, i - 1)) || (i > 1 && sameWord(tokens, i, i - 2))) repeats++;
  }
  return n >= 4 && 2 * repeats >= n;
}

/** Whether the headline model should judge `headline`, the first `headline.length` characters of the context. */
export function clickbaitApplies(item: FeedItem, ctx: TextContext, headline: string): boolean {
  if (isDiscussion(item)) return false;
  // The language of the headline itself: a Japanese title above an English body is not an English headline.
  if (!englishPrefix(ctx, headline.length + 1)) return false;
  return !isRepetition(ctx, headline.length + 1);
}

/**
 * Whether the model reads a headline written with every word capitalised in sentence case. The model's corpus
 * capitalises every word only for bait, but two sites write ordinary titles that way: YouTube's house style, and
 * Hacker News, whose guidelines ask for the article's original title (and many blogs title-case theirs). On Reddit
 * and X the poster writes the title, and the capitals mean what they meant in the corpus.
 */
export function readsTitleCaseAsSentence(item: Pick<FeedItem, 'platform'>): boolean {
  return item.platform === 'youtube' || item.platform === 'hackernews';
}

/**
 * How much likelier bait is on the item's site than in the model's corpus (one headline in two is bait there), as an
 * odds ratio applied to the model's probability. Hacker News moderators edit linkbait out of titles (its
 * guidelines say so), so a title there is assumed bait one time in ten: odds 1/9. It is an assumption, not a
 * measured rate; tests/data/feed-titles-hn-*.tsv show what it does. The other sites keep the corpus's odds.
 */
export function clickbaitOddsRatio(item: Pick<FeedItem, 'platform'>): number {
  return item.platform === 'hackernews' ? HN_BAIT_ODDS : 1;
}

const HN_BAIT_ODDS = 1 / 9;
