import type { FeedItem } from '../../schema/item';
import type { PolicyKind } from '../../schema/profile';
import type { ClickbaitModel } from '../clickbait/model';
import { statedFormatFactor } from './clickbait-format';
import { clickbaitApplies, clickbaitOddsRatio, readsTitleCaseAsSentence } from './clickbait-scope';
import type { DetectorTables } from './data-file';
import { LanguageProfile } from './language';
import { hasContentWord, LearnedDetectors, type FunctionWords } from './learned';
import { LEARNED_KINDS, POST_FEEDS } from './learned-format';
import { detectPromoted } from './promoted';
import { RuleEngine, makeContext, scoreHits, type TextContext } from './rules';
import { newTokenBuffer, type TokenBuffer } from './tokens';
import { toUnit } from '../unit';

export { detectLanguage, LANGUAGE_NAMES, LanguageProfile } from './language';
export type { DetectorKind } from './rules';

export type Detection = {
  kind: PolicyKind;
  /** 0..1; the profile's strictness for the kind decides whether it acts (see lib/core/manipulation.ts). */
  confidence: number;
  /** The item's own words that triggered it, quoted for the UI. */
  evidence: string[];
  /** The strongest signal's reason code, e.g. `engagement-tag`, `promotion-affiliate-link`, `clickbait`. */
  code: string;
  /** One sentence the UI can show for `code`. */
  explanation: string;
};

/** Which languages each detector reads. `languages` are read word by word (Latin-script text too short to
 * name a language is read as English); `anyLanguage` says what is recognised whatever the language. */
export type DetectorCoverage = { languages: readonly string[]; anyLanguage: string | null };

export const DETECTOR_LANGUAGES: Record<Exclude<PolicyKind, 'shorts'>, DetectorCoverage> = {
  promoted: { languages: [], anyLanguage: "The site's own ad and promoted markers, on every page" },
  clickbait: { languages: ['en'], anyLanguage: null },
  rage: { languages: ['en'], anyLanguage: null },
  engagement: { languages: ['en'], anyLanguage: null },
  urgency: { languages: ['en'], anyLanguage: null },
  promotion: {
    languages: ['en'],
    anyLanguage:
      'Affiliate, referral and tracking links, and ad hashtags (#ad, #sponsored, #anzeige, #werbung, #publi...) in ' +
      'any language; discount codes also in German, Spanish, French, Portuguese, Italian and Dutch',
  },
};

/** What the kinds outside the rule tables say; the rule kinds' sentences come with their tables. */
export const DETECTION_EXPLANATIONS: Record<string, string> = {
  promoted: 'Marked as an ad or promoted by the site itself',
  clickbait: 'Headline written to make you click rather than to tell you what is inside',
};

/** The function words of every language the detector data names, from the last tables built (they are the same
 * shipped lists in every tab): a quoted reason is never one of them alone ("Is", "This", "you"). Until tables are
 * built, quotes go unfiltered. */
let functionWords: FunctionWords | null = null;

/** Detections below this are dropped: no strictness setting acts on them (the laxest threshold is 0.3,
 * and the "uncertain" band reaches 0.1 below it). */
export const MIN_REPORTED_CONFIDENCE = 0.2;

/** Post bodies can be long; the bait is nearly always in the first lines, and the time budget is per item. */
const MAX_BODY_CHARS = 2000;

/** The rage, engagement, urgency and promotion detectors, built once from their tables. Content scripts build
 * it from models/detectors.json (see data-file.ts); Node callers take SHIPPED_DETECTORS from ./shipped. */
export type DetectorRules = {
  engine: RuleEngine;
  /** By detection code. A Map, not the table's object: an item's codes vary, and V8's optimised code for a keyed
   * read of an object is made for the names it has seen and thrown away at the next (issue 24: detectInContext
   * deoptimised and was compiled again once or twice per page). */
  explanations: ReadonlyMap<string, string>;
  language: LanguageProfile;
  /** The learned models (public/models/detectors.bin), when loaded. */
  learned?: LearnedDetectors;
};

/** `learned`: the bytes of models/detectors.bin as packLearned rewrote them; without them only the rules are read. */
export function buildDetectorRules(tables: DetectorTables, learned?: Uint8Array): DetectorRules {
  // One vocabulary for the rules' words and the languages' function words: each word of an item is looked up once.
  const engine = new RuleEngine(tables.rules, tables.index);
  const language = new LanguageProfile(tables.language, engine.vocabulary);
  // Read from the language profile's tables, which hold them already, rather than a set of them made at each start.
  functionWords = { has: (w) => language.isFunctionWord(w) };
  return {
    engine,
    explanations: new Map(Object.entries(tables.explanations)),
    language,
    learned: learned ? new LearnedDetectors(learned, functionWords) : undefined,
  };
}

export function itemText(item: Pick<FeedItem, 'title' | 'text' | 'url'>): string {
  let raw = item.title;
  if (item.text) raw += `\n${item.text.length > MAX_BODY_CHARS ? item.text.slice(0, MAX_BODY_CHARS) : item.text}`;
  if (item.url) raw += `\n${item.url}`;
  return raw;
}

/** Without `rules` the rule kinds are not looked for (a content script before its data has arrived). */
export type DetectOptions = { clickbait?: ClickbaitModel; rules?: DetectorRules };

/** Every manipulation signal in one item, strongest first within the rule kinds; synchronous and cheap enough
 * to run before the item is painted. Kinds with nothing found are absent. */
export function detectAll(item: FeedItem, opts: DetectOptions = {}): Detection[] {
  // The context does not outlive this call (detections quote the text, they keep none of it): its words can go
  // in one buffer for every item instead of new arrays each.
  return detectInContext(item, itemContext(item, opts.rules?.language, WORDS), opts);
}

const WORDS = newTokenBuffer();

/** `language`: the detector data's language profile; without it Latin-script text is of no named language.
 * `reuse`: see makeContext. */
export function itemContext(item: FeedItem, language: LanguageProfile | null = null, reuse: TokenBuffer | null = null): TextContext {
  const text = itemText(item);
  // The link, when there is one, comes last and is not prose: it takes no part in naming the language.
  return makeContext(text, item.url ? text.length - item.url.length - 1 : text.length, language, reuse);
}

export function detectInContext(item: FeedItem, ctx: TextContext, opts: DetectOptions = {}, ungated = false): Detection[] {
  const out: Detection[] = [];
  const promoted = detectPromoted(item);
  if (promoted) {
    const { confidence, evidence } = promoted;
    // Fields in the order of every other detection: one object shape for the code that reads them.
    out.push({ kind: 'promoted', confidence, evidence, code: 'promoted', explanation: DETECTION_EXPLANATIONS.promoted });
  }
  // A word is never blank: only a text without one needs the search.
  if (ctx.tokens.count === 0 && !/\S/.test(ctx.raw)) return out;

  const rules = opts.rules;
  if (rules) {
    const found = rules.engine.match(ctx, ungated);
    // Most items match no rule: no iterator for the empty answer.
    if (found.size > 0) {
      for (const [kind, hits] of found) {
        const s = scoreHits(hits);
        if (!s || s.confidence < MIN_REPORTED_CONFIDENCE) continue;
        out.push({ kind, confidence: s.confidence, evidence: s.evidence, code: s.code, explanation: rules.explanations.get(s.code) ?? '' });
      }
    }
  }

  const learned = rules?.learned;
  // The models learned English only: other languages abstain rather than guess.
  const post = readAsPost(item);
  // The post head is read for posts only (it is the last: the heads before it are the rule kinds').
  const scored = learned !== undefined && ctx.english && learned.score(learnedText(item), PROBABILITIES, post ? undefined : POST_HEAD);
  if (scored) addLearned(out, item, learned, rules!.explanations);

  const headline = clickbaitHeadline(item);
  if (opts.clickbait && headline && clickbaitApplies(item, ctx, headline)) {
    // A tweet or a Reddit link post is read as a post, by the model learned from news accounts' tweets (the
    // headline model is not run for it: its score would not be used).
    const raw =
      scored && post
        ? PROBABILITIES[POST_HEAD]
        : withOdds(opts.clickbait.score(headline, readsTitleCaseAsSentence(item)), clickbaitOddsRatio(item));
    const score = raw >= MIN_REPORTED_CONFIDENCE ? raw * statedFormatFactor(ctx, headline) : 0;
    if (score >= MIN_REPORTED_CONFIDENCE) {
      out.push({
        kind: 'clickbait',
        confidence: Math.round(toUnit(score) * 1000) / 1000,
        // Quoted later, by quoteClickbait: see there.
        evidence: [],
        code: 'clickbait',
        explanation: DETECTION_EXPLANATIONS.clickbait,
      });
    }
  }
  return out;
}

const PROBABILITIES = new Float64Array(8);
const POST_HEAD = LEARNED_KINDS.indexOf('clickbait');

/** The text the learned models read: title and body, not the link. */
const learnedText = (item: Pick<FeedItem, 'title' | 'text'>): string => (item.text ? `${item.title}\n${item.text.slice(0, MAX_BODY_CHARS)}` : item.title);

/** Posts written by their poster on a social site, as the tweets the post model learned from. */
const readAsPost = (item: Pick<FeedItem, 'platform'>): boolean => POST_FEEDS.includes(item.platform);

/** Raises or adds each rule kind's detection with its learned model's probability (already in PROBABILITIES): a
 * model's probability raises a rule's confidence, never lowers it (the rules stay a floor). */
function addLearned(out: Detection[], item: FeedItem, learned: LearnedDetectors, explanations: ReadonlyMap<string, string>): void {
  // The heads before the post head are the rule kinds' (rage, urgency, engagement, promotion); the file holds every
  // kind of LEARNED_KINDS, or is refused (learned-format.ts).
  for (let h = 0; h < POST_HEAD; h++) {
    const kind = LEARNED_KINDS[h];
    const p = Math.round(PROBABILITIES[h] * 1000) / 1000;
    if (p < MIN_REPORTED_CONFIDENCE) continue;
    const i = out.findIndex((d) => d.kind === kind);
    if (i >= 0 && out[i].confidence >= p) continue;
    if (i >= 0) {
      // The rule's words when a rule fired, else the words that pushed the model most.
      const evidence = out[i].evidence.length > 0 ? out[i].evidence : learned.explain(h, learnedText(item));
      out[i] = { ...out[i], confidence: p, evidence };
    } else {
      // Quoted later, by quoteLearned: most of these never act, and quoting costs as much as scoring.
      const code = `${kind}-learned`;
      out.push({ kind, confidence: p, evidence: [], code, explanation: explanations.get(code) ?? '' });
    }
  }
}

/** The words of an item that pushed a learned model's head for `kind` most (the evidence of its `<kind>-learned`
 * detection, which detections leave out, as quoteClickbait's). */
export function quoteLearned(learned: LearnedDetectors, kind: string, item: Pick<FeedItem, 'title' | 'text'>): string[] {
  const h = learned.headOf(kind);
  return h < 0 ? [] : learned.explain(h, learnedText(item));
}

/** Probability `p` with its odds multiplied by `ratio` (a base rate other than the corpus's). */
const withOdds = (p: number, ratio: number) => (ratio === 1 ? p : (p * ratio) / (p * ratio + 1 - p));

/** The text the headline model reads of an item. */
export const clickbaitHeadline = (item: Pick<FeedItem, 'title' | 'text'>): string => item.title || item.text.slice(0, 300);

/**
 * The words of an item's headline that pushed its clickbait score most, quoted as written, strongest first.
 * Detections leave them out: only the activity log and the flagged list show them, and quoting costs about as
 * much as scoring, so the page's runtime quotes them when it sends the log, after the items are painted.
 */
export function quoteClickbait(model: ClickbaitModel, item: Pick<FeedItem, 'platform' | 'title' | 'text'>, max = 3): string[] {
  const headline = clickbaitHeadline(item);
  if (!headline) return [];
  // A few more than asked for, as some may be a function word alone ("Is", "This", "you"), which explains nothing.
  return model
    .explain(headline, max + 3, readsTitleCaseAsSentence(item))
    .filter((phrase) => !functionWords || hasContentWord(phrase, functionWords))
    .slice(0, max);
}


