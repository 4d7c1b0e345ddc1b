import type { PatternRule } from './rules';
import { list, re } from './phrases';

/**
 * Engagement bait: asking for likes, comments, tags and shares as the point of the post. The words "comment",
 * "like", "share" and "tag" all have ordinary meanings ("Comment: the budget explained", "How to tag a release
 * in Git", "Share buybacks explained"), so every rule needs the imperative and its object or condition.
 */

const TAG_OBJECT = list(`
  someone, somebody, a friend, a mate, a buddy, a person, your friend, your friends, your bestie, your bff,
  your mate, your buddy, your partner, your mom, your mum, your dad, your sister, your brother, your wife,
  your husband, your girlfriend, your boyfriend, your squad, your crew, your gym buddy, your best friend,
  a friend who, two friends, three friends, 2 friends, 3 friends, 4 friends, 5 friends, 10 friends
`);

const ASK_VERBS = list(`
  like, upvote, downvote, retweet, rt, repost, share, react, double tap, double-tap, hit like, leave a like,
  smash that like, smash the like, like and share, like and subscribe
`);

const COMMENT_VERBS = list(`
  comment, reply, let me know, tell me, drop, type, rate, guess, name, share, write, leave, say, post, vote,
  answer, put, prove me wrong, settle this
`);

const CTA = list(`
  like and subscribe, like comment and subscribe, like comment subscribe,
  smash that like, smash the like, hit the bell, hit that bell, hit the notification bell, hit the like button,
  hit that like button, hit subscribe, don't forget to like, don't forget to subscribe, don't forget to comment,
  don't forget to share, don't forget to follow, make sure to subscribe, make sure you subscribe,
  make sure to like, turn on post notifications, turn on notifications, subscribe for more, subscribe if,
  please like and share, please like, please share, please subscribe, like for part, part 2 if, like for more,
  follow for more, follow me for, follow for part, follow for daily, when you don't subscribe,
  reply to every comment, leave a comment, leave a like
`);

const CURIOSITY = list(`
  you won't believe, you will not believe, you wont believe, you'll never guess, what happens next,
  will blow your mind, will shock you, the ending will, ending is insane, ending will shock, wait for it,
  wait till the end, wait until the end, watch till the end, watch until the end, watch to the end,
  watch to the end
`);

const CHALLENGE = list(`
  only geniuses, only smart people, only legends, only real fans, only true fans, only 90s kids,
  only 80s kids, only 2000s kids, only a genius, can you spot, can you find, can you solve, can you guess,
  can you name, i bet you can't, bet you can't
`);

const WHO_ELSE = list(`
  who else is, who else remembers, who else does, who else loves, who else hates, who else misses,
  who else grew up, who else watched, who else uses, who's still watching, who is still watching,
  who's here after, who's here before, who's here from, who's here in, am i the only one,
  raise your hand if, anyone else remember
`);

const REACH = list(`
  help me reach, help me get to, help me hit, help us reach, help us get to, help this video, help this post,
  let's see how many, let's get this to, let's make this, how many likes, if this gets, every like,
  first 100 comments, first 50 comments, first 1000 comments, go viral,
  to enter, giveaway
`);

const SEND = list(`
  send this to, share this with, share this to, show this to, send it to someone, save this for,
  save this post, save this before, save this video, share anyway
`);

const STOP = list(`
  stop scrolling, don't scroll past, don't scroll away, scroll past if, ignore this post if, ignore this if,
  if you're reading this, if you made it this far
`);

const POLL = list(`
  agree or disagree, yes or no, a or b, this or that, which one would you pick, which one would you choose,
  which would you pick, which would you choose, what would you do, wrong answers only, finish this sentence,
  tell me i'm wrong, tell me you're, i'll wait, quote tweet this, choose wisely,
  would you rather, what's your answer, rate this, rate my
`);

const TAG = list(`tag`);
const FILLER = list(`this, it, the video, the post, this post, this video, this tweet, with`);
const CONDITION = list(`if, so more, so it, so that, so everyone, for part, for more, for good luck, to get`);
const IN_COMMENTS = list(`below, down below, in the comments, in the comment, in the replies, in the comment section`);

export const ENGAGEMENT_RULES: readonly PatternRule[] = [
  { code: 'engagement-tag', weight: 0.9, parts: [TAG, TAG_OBJECT], gaps: [0] },
  { code: 'engagement-like-if', weight: 0.85, parts: [ASK_VERBS, CONDITION], gaps: [0] },
  { code: 'engagement-like-if', weight: 0.85, parts: [ASK_VERBS, FILLER, CONDITION], gaps: [0, 1] },
  { code: 'engagement-comment', weight: 0.85, parts: [COMMENT_VERBS, IN_COMMENTS], gaps: [7] },
  { code: 'engagement-comment', weight: 0.5, phrases: list(`in the comments, in the replies`) },
  {
    code: 'engagement-comment',
    weight: 0.85,
    re: re(`\\b(?:comment|type|reply|say|write|drop)\\s+(?:["“'][^"”'\\n]{1,12}["”']|yes|amen|link|guide|info|hi|hello|\\d{1,2}|me)\\s+(?:if|and|below|to|for)\\b`),
    triggers: ['comment', 'type', 'reply', 'say', 'write', 'drop'],
  },
  {
    code: 'engagement-comment',
    weight: 0.8,
    re: re(`\\b(?:(?:and|then|&) comment\\b(?!:)|comment (?:your|it|yours|a|an|the first)\\b(?! code)|(?:reply|respond) with (?:your|a|an)\\b)`),
    triggers: ['comment', 'reply', 'respond'],
  },
  {
    code: 'engagement-like-if',
    weight: 0.8,
    re: re(`\\b(?:follow|like|retweet|share|tag|comment|subscribe)(?:(?:,\\s*(?:and |& )?|\\s+(?:and|&)\\s+)(?:follow|like|retweet|rt|share|tag|comment|subscribe)\\b){1,3}`),
    triggers: ['follow', 'retweet', 'rt', 'subscribe', 'tag', 'share', 'comment'],
  },
  { code: 'engagement-subscribe', weight: 0.75, phrases: CTA },
  { code: 'engagement-subscribe', weight: 0.75, phrases: list(`follow for, follow me for`) },
  { code: 'engagement-curiosity', weight: 0.75, phrases: CURIOSITY },
  { code: 'engagement-challenge', weight: 0.7, phrases: CHALLENGE },
  {
    code: 'engagement-challenge',
    weight: 0.7,
    re: re(`\\bonly \\d+% (?:of (?:people|you) )?(?:can|will|could)\\b|\\b\\d+% (?:of (?:people|you) )?(?:will )?fail\\b|\\b\\d+% of (?:people|you) (?:can'?t|cannot)\\b`),
    contains: ['%'],
  },
  { code: 'engagement-who-else', weight: 0.65, phrases: WHO_ELSE },
  { code: 'engagement-reach', weight: 0.7, phrases: REACH, rejectAfter: /^\s+of\b/ },
  { code: 'engagement-share', weight: 0.7, phrases: SEND },
  { code: 'engagement-stop-scrolling', weight: 0.8, phrases: STOP },
  { code: 'engagement-poll', weight: 0.55, phrases: POLL },
  {
    code: 'engagement-poll',
    weight: 0.7,
    re: re(`\\b(?:be honest[:,]|tell me you'?re|i'?ll wait|quote tweet this|fill in the blank\\b|finish this sentence|wrong answers only|tell me i'?m wrong|name (?:a|one|\\d+|three|five) [a-z]+ (?:you|that|without))`),
    triggers: ['honest', 'tell', 'wait', "i'll", 'ill', 'quote', 'blank', 'sentence', 'wrong', 'name'],
  },
  { code: 'engagement-pointing', weight: 0.4, re: re(`👇|⬇️|🙋`), contains: ['👇', '⬇️', '🙋'], langs: 'any' },
];

export const ENGAGEMENT_EXPLANATIONS: Record<string, string> = {
  'engagement-tag': 'Asks you to tag friends to spread the post',
  'engagement-like-if': 'Asks for likes, shares or reposts "if you agree"',
  'engagement-comment': 'Asks you to comment to push the post up the feed',
  'engagement-subscribe': 'Asks you to like, subscribe or follow',
  'engagement-curiosity': 'Teases a reveal ("you won\'t believe", "wait for it") to keep you watching',
  'engagement-challenge': 'A fake challenge ("only 1% can solve this") to get answers',
  'engagement-who-else': '"Who else...?" asks for replies rather than saying something',
  'engagement-reach': 'Asks you to help it reach a number or go viral',
  'engagement-share': 'Asks you to send, share or save it',
  'engagement-stop-scrolling': 'Tells you to stop scrolling',
  'engagement-poll': 'A poll or dare made to collect replies',
  'engagement-pointing': 'Points you at the replies (👇)',
};
