import type { PatternRule } from './rules';
import { list, re } from './phrases';

/**
 * False urgency and scarcity: "before it's deleted", "they don't want you to know", "last chance", "only 3
 * left". A real deadline stated plainly ("Applications close Friday") is information, so dates and closing
 * words alone score nothing; the rules look for pressure: threats of removal, suppression, countdowns tied
 * to an offer, and commands to act now.
 */

const REMOVAL = list(`
  before it's deleted, before it gets deleted, before it is deleted, before it's removed, before it gets removed,
  before it's banned, before it gets banned, before it's taken down, before it gets taken down,
  before it's censored, before it gets censored, before this gets deleted, before this gets removed,
  before this gets banned, before this gets censored, before this gets taken down, before they ban it,
  before they delete it, before they remove it, before they take it down, before they censor it,
  before youtube removes, before youtube deletes, before youtube bans, before facebook removes,
  before removal, before it disappears, before it's gone, before they're gone, before it gets taken,
  might get deleted, might get removed, might get banned, might be taken down, might be deleted,
  might get taken down, will be banned, will be deleted, will be removed, will be taken down,
  is deleting this, are deleting this, they're deleting this, deleting this everywhere, while you still can,
  while you can, while it's still up, while it's still available, won't be up for long, banned video,
  censored everywhere, censored video, removed from stores soon, leaving the store in
`);

const SUPPRESSED = list(`
  don't want you to know, doesn't want you to know, do not want you to know, don't want you to see,
  doesn't want you to see, don't want you to find out, doesn't want you to find out, don't want you to hear,
  don't want you doing, don't want you to do, don't want this out, don't want it out, won't tell you,
  will not tell you, not telling you, are hiding from you, is hiding from you, been hiding from you,
  hiding this from you, hiding it from you, hidden from you, tried to hide, trying to hide, not allowed to say,
  trying to silence, trying to ban, trying to censor, hates this, hate this trick, they don't want out
`);

const TOO_LATE = list(`
  before it's too late, until it's too late, don't wait until, or regret it, regret it forever,
  you'll regret it, or lose your, or lose out, or you'll lose, or you'll pay, or pay double, now before,
  before the crash, before the collapse, before the grid, before the reset, before the new law,
  before the new rules, before prices explode, before prices skyrocket, before the price doubles,
  before the price goes up, before everyone else finds out, before everyone finds out, stock up before,
  wake up before
`);

const COMMERCIAL_DEADLINE = list(`
  offer ends, sale ends, deal ends, discount ends, promo ends, bonus ends, offer expires, deal expires,
  discount expires, code expires, this expires, price goes up, prices go up, price doubles, price increases tomorrow,
  ends tonight, ends today, ends at midnight, ends soon, ends in, expires tonight, expires at midnight,
  expires today, expires in, hours left, hours only, hour only, minutes left, hours remaining, final hours,
  countdown is on, timer is running, doors close tonight, doors close at midnight, doors close friday,
  doors close soon, doors close in, last day to join, last day to buy, last day to order, last day to save,
  last day to register, last day to get, last call for, early bird pricing, early bird price,
  early bird discount, before midnight, by midnight, only have 48 hours, only have 24 hours, within 24 hours,
  within 48 hours, time-sensitive
`);

const SCARCITY = list(`
  left in stock, in stock only, spots left, spot left, seats left, places left, copies left, units left,
  spots remaining, seats remaining, limited spots, limited seats, limited stock, limited quantities,
  limited availability, limited spaces, almost sold out, nearly sold out, almost gone, nearly gone,
  selling fast, selling out fast, going fast, last few,
  while stocks last, while supplies last, copies will ever, spots are filling, spots filling up,
  filling up fast, grab yours before, grab it before, once it's gone, get it before it's gone, last units
`);

const LIMITED_TIME = list(`
  limited time only, limited-time offer, limited time offer, limited time, today only, only today,
  flash sale, this deal won't last, this offer won't last, this price won't last, won't last long,
  this won't last, won't last, don't miss out, don't miss it, never again at this price, never at this price,
  never see this price again, now or never, once-in-a-lifetime, once in a lifetime, exclusive offer,
  emergency sale, panic sale, clearance sale, everything must go, don't sleep on this, hurry up, hurry,
  act now, act fast, don't delay, don't wait, final warning, don't ignore this, last chance,
  time is running out, running out of time, the window is closing, lock it in now
`);

const INFO_FRAMING = list(`
  explained, explains, says, warn, warns, scientists, researchers, forecasters, study, studies, survey,
  report, history of, how to, how queues, review, recap, trailer, official video, official audio, album,
  documentary, what we know, season, episode
`);

/** Alone these are as often film titles or plain news ("Last Chance U", "Flash Sale engine in Redis"). */
const WEAK_TIME = list(`
  last chance, flash sale, now or never, hurry up, hurry, act now, act fast, don't wait, time is running out,
  the window is closing, won't last
`);
const STRONG_TIME = LIMITED_TIME.filter((p) => !WEAK_TIME.includes(p));

const ACT_VERBS = list(`stop, delete, uninstall, cancel, sell, move, withdraw, check, do, buy, order, book, register, apply, claim, sign up, join, download`);
const RIGHT_NOW = list(`right now, immediately, asap, now before, today before`);
const BUY_NOW = list(`apply now, book now, register now, order now, buy now, claim now, grab now, download now, join now, order yours now, grab yours now, get yours now, buy it now, grab it now, lock it in now, move your money now, move your savings now, sell everything now`);

export const URGENCY_RULES: readonly PatternRule[] = [
  { code: 'urgency-removal-threat', weight: 0.85, phrases: REMOVAL },
  { code: 'urgency-suppressed', weight: 0.85, phrases: SUPPRESSED },
  { code: 'urgency-too-late', weight: 0.7, phrases: TOO_LATE },
  { code: 'urgency-countdown', weight: 0.7, phrases: COMMERCIAL_DEADLINE },
  {
    code: 'urgency-countdown',
    weight: 0.7,
    re: re(`\\b(?:\\d+[- ]hours? (?:flash )?sale|(?:for|in) (?:the next )?\\d+ hours only|(?:\\d+|a few|few) hours? (?:left|only|remaining)|only \\d+ (?:hours?|minutes?) left|expires in \\d+ (?:minutes?|hours?)|ends in \\d+ (?:minutes?|hours?|days?))`),
    triggers: ['hours', 'hour', 'minutes', 'minute'],
  },
  {
    code: 'urgency-countdown',
    weight: 0.7,
    re: re(`\\b(?:claim|get|grab|order|buy|join) [^.!?\\n]{0,30}before (?:midnight|tonight|friday|monday|sunday|saturday|tomorrow)`),
    triggers: ['midnight', 'tonight', 'friday', 'monday', 'sunday', 'saturday', 'tomorrow'],
  },
  { code: 'urgency-scarcity', weight: 0.75, phrases: SCARCITY },
  {
    code: 'urgency-scarcity',
    weight: 0.75,
    re: re(`\\bonly (?:\\d+|a few|two|three|five) (?:left|remaining|spots?|seats?|copies|units|places|in stock)\\b|\\b\\d+ (?:spots?|seats?|places) (?:left|remaining)\\b|\\bfirst \\d+ (?:buyers|customers|people|orders|sign-?ups)\\b|\\bonly \\d+ (?:copies|units)\\b`),
    triggers: ['left', 'remaining', 'spots', 'spot', 'seats', 'seat', 'copies', 'units', 'places', 'buyers', 'customers', 'orders', 'signups', 'sign'],
  },
  { code: 'urgency-limited-time', weight: 0.7, phrases: STRONG_TIME },
  { code: 'urgency-limited-time', weight: 0.55, phrases: [...WEAK_TIME, 'first come first served'], rejectAfter: /^\s*:/ },
  { code: 'urgency-act-now', weight: 0.7, parts: [ACT_VERBS, RIGHT_NOW], gaps: [5] },
  { code: 'urgency-act-now', weight: 0.7, phrases: BUY_NOW },
  { code: 'urgency-limited-time', weight: 0.55, phrases: list(`time is running out, running out of time`) },
  { code: 'urgency-limited-time', weight: 0.7, phrases: list(`running out of time to, it's now or never`) },
  { code: 'urgency-act-now', weight: 0.5, re: re(`^(?:urgent|warning|alert)\\b\\s*[:!]`), triggers: ['urgent', 'warning', 'alert'] },
  // A discount makes a "last chance" a sales pitch; on its own it is no pressure at all.
  { code: 'urgency-offer', weight: 0.3, re: re(`\\b(?:\\d+% off|save \\d+%|\\d+% discount)`), contains: ['%'] },
  { code: 'urgency-offer', weight: 0.3, phrases: list(`half price, bogo, buy one get one`) },
  { code: 'urgency-info-framing', weight: 0, damp: 0.5, phrases: INFO_FRAMING },
];

export const URGENCY_EXPLANATIONS: Record<string, string> = {
  'urgency-removal-threat': 'Claims it will be deleted or banned soon so you look now',
  'urgency-suppressed': 'Claims someone is hiding this from you',
  'urgency-too-late': 'Warns you will lose out or regret it unless you act now',
  'urgency-countdown': 'A countdown tied to an offer ("ends tonight", "3 hours left")',
  'urgency-scarcity': 'Claims stock or places are about to run out',
  'urgency-limited-time': 'Pressure to decide now ("last chance", "don\'t miss out")',
  'urgency-act-now': 'Tells you to act immediately',
  'urgency-offer': 'Ties the pressure to a discount',
};
