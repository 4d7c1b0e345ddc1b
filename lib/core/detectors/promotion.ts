import type { PatternRule } from './rules';
import { list, re } from './phrases';

/**
 * Promotion the platform did not mark: affiliate and referral links, creator discount codes, "#ad" and
 * "sponsored by" in the creator's own words. Links and hashtags read the same in every language; the
 * sentences are English, plus discount-code words in a few other languages. A review that says it is
 * not sponsored, or that the writer paid for the product, is scaled right down.
 */

/** Affiliate networks and link-in-bio shops: a link to one of these is a paid link. */
const AFFILIATE_HOSTS = list(`
  amzn.to, amzn.eu, amzn.asia, a.co/d/, geni.us, awin1.com, linksynergy.com, go.skimresources.com,
  shareasale.com, prf.hn, rstyle.me, liketk.it, shopmy.us, howl.me, tidd.ly, fave.co, shop-links.co,
  pntra.com, anrdoezrs.net, jdoqocy.com, tkqlhce.com, dpbolvw.net, kqzyfj.com, avantlink.com, sjv.io,
  pxf.io, ojrq.net, go.magik.ly, bitly.com/aff, click.linksynergy.com
`);
const HOST_TRIGGERS = [
  ...new Set(AFFILIATE_HOSTS.map((h) => h.split(/[^a-z0-9]+/).filter(Boolean).sort((a, b) => b.length - a.length)[0])),
];

const CREATOR_HASHTAGS = list(`
  ad, ads, sponsored, sponsor, spon, paid, paidpartnership, promo, collab, partner, advert, advertisement,
  anzeige, werbung, reklame, reklama, publi, publicidade, publicidad, pub, annonce, samenwerking, sponsorizzato,
  adv, gesponsord, gifted, prodottofornito, unbezahltewerbung, advertising, affiliate, affiliatelink
`);

const SPONSOR_PHRASES = list(`
  sponsored by, is sponsored by, video is sponsored, episode is sponsored, post is sponsored, today's sponsor,
  our sponsor, this video's sponsor, this episode's sponsor, a word from our sponsor, a word from our sponsors,
  paid partnership, paid promotion, includes paid promotion, paid post, in partnership with, partnered with,
  partnering with me, promoted content, partner content, sponsored content, sponsored post, i was paid to,
  paid to post, pr package, gifted by, our partner, for sponsoring, for partnering
`);

const COMMISSION = list(`
  i earn a commission, i may earn a commission, we earn a commission, we may earn a commission,
  i earn a small commission, i may earn a small commission, i get a commission, i get a small commission,
  i get a kickback, i get a small kickback, i earn from, as an amazon associate, commissions earned,
  commission earned, at no extra cost to you, at no cost to you, i make a commission,
  i receive a commission, earn a commission
`);

const SHOP = list(`
  link in bio, link in my bio, link in the bio, links in bio, swipe up, shop my look, shop the look,
  shop my favourites, shop my favorites, shop my faves, shop my outfit, shop this look, shop the exact,
  tap the link to shop, click the link to shop, amazon storefront, my amazon store, my amazon shop,
  linked on my ltk, my ltk, shop my
`);

const DISCLAIMERS = list(`
  not sponsored, none sponsored, no sponsor, no sponsors, no sponsorship, no affiliate links, no affiliate link,
  not an ad, no paid promotion, with my own money, bought it myself, bought this myself, bought these myself,
  paid for this myself, paid for it myself, i paid for this, i bought this, i bought it, had no input,
  had no say, did not see this video, didn't see this video, bought at retail, my own purchase,
  comprado con mi dinero, com meu dinheiro, compré este, compré esta, sin publicidad,
  keine werbung, unbezahlt
`);

const INFO_FRAMING = list(`
  explained, how to, history of, rules, faq, study, report, fines, fined, investigation, guide, ethics,
  what is, why every, label, finds
`);

export const PROMOTION_RULES: readonly PatternRule[] = [
  {
    code: 'promotion-affiliate-link',
    weight: 0.9,
    re: re(`(?:${AFFILIATE_HOSTS.map((h) => h.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`),
    triggers: HOST_TRIGGERS,
    langs: 'any',
  },
  {
    code: 'promotion-affiliate-link',
    weight: 0.95,
    re: re(`[?&](?:tag=[a-z0-9_.-]+-2[0-2]\\b|tag=[a-z0-9_.-]{3,}(?=[&\\s]|$)[^\\s]*(?:linkcode|ascsubtag)|aff(?:id|_id|iliate|iliate_id|_sub)?=|awinaffid=|irclickid=|clickid=|camref[:=]|kbid=|ascsubtag=)`),
    triggers: ['tag', 'aff', 'affid', 'aff_id', 'affiliate', 'affiliate_id', 'awinaffid', 'irclickid', 'clickid', 'camref', 'kbid', 'ascsubtag', 'aff_sub'],
    langs: 'any',
  },
  { code: 'promotion-affiliate-link', weight: 0.9, re: re(`/camref:`), contains: ['camref:'], langs: 'any' },
  { code: 'promotion-affiliate-link', weight: 0.85, re: re(`\\bamazon\\.[a-z.]+/shop/[a-z0-9_-]+`), triggers: ['shop'], langs: 'any' },
  {
    code: 'promotion-tracking-link',
    weight: 0.85,
    re: re(`utm_(?:medium|source|campaign|content)=[^&\\s]*(?:affiliate|influencer|creator|partner|sponsor|ambassador|aff\\b)`),
    contains: ['utm_'],
    langs: 'any',
  },
  {
    // Plain campaign tags are on half the links shared anywhere; only a strict setting acts on them.
    code: 'promotion-tracking-link',
    weight: 0.3,
    re: re(`utm_(?:medium|campaign)=(?!(?:share|web\\w*|social|rss|email|android_app|ios_app)\\b)`),
    contains: ['utm_'],
    langs: 'any',
  },
  {
    code: 'promotion-referral-link',
    weight: 0.55,
    re: re(`[?&](?:ref|referral|refcode|ref_code|referrer|invite|via|partner|pid|coupon|promo|discount)=[a-z0-9_.-]+`),
    triggers: ['ref', 'referral', 'refcode', 'ref_code', 'referrer', 'invite', 'via', 'partner', 'pid', 'coupon', 'promo', 'discount'],
    langs: 'any',
  },
  {
    code: 'promotion-referral-link',
    weight: 0.8,
    re: re(`\\b(?!(?:www\\.|old\\.|new\\.)?reddit\\.com)[a-z0-9.-]+\\.[a-z]{2,}/(?:invite|referral|refer|ref|join|r)/(?!(?:[a-z0-9_]+/)?comments\\b)[a-z0-9_-]+`),
    triggers: ['invite', 'referral', 'refer', 'ref', 'join', 'r'],
    langs: 'any',
  },
  {
    code: 'promotion-hashtag',
    weight: 0.9,
    re: re(`(?:^|[^\\w&])#(?:${CREATOR_HASHTAGS.join('|')}|[a-z0-9]+partner|[a-z0-9]+ambassador)\\b`),
    contains: ['#'],
    langs: 'any',
  },
  { code: 'promotion-sponsored', weight: 0.85, phrases: SPONSOR_PHRASES },
  {
    code: 'promotion-sponsored',
    weight: 0.85,
    re: re(`\\bthanks?(?: you)?(?: to)? [^.!?\\n]{1,40}? for (?:sponsoring|partnering|supporting this)|\\b(?:this|today's|the) (?:video|episode|post|podcast|stream|vlog) is (?:sponsored|brought to you) by|\\bbrought to you by\\b(?! the letter)|\\bcollab(?:oration)? with @|(?:^|[\\[(])(?:ad|sponsored|advertisement|anzeige|werbung)(?:[\\])]|:)`),
    triggers: ['sponsoring', 'partnering', 'supporting', 'sponsored', 'brought', 'collab', 'collaboration', 'ad', 'advertisement', 'anzeige', 'werbung'],
  },
  { code: 'promotion-commission', weight: 0.85, phrases: COMMISSION },
  {
    code: 'promotion-commission',
    weight: 0.75,
    re: re(`\\b(?:these|some|the|my|are|may be|contains?|includes?|in the description are) (?:are |of these )?(?:affiliate|referral) links?\\b|\\((?:some are )?affiliate(?: links?)?\\)|affiliate links? in the description`),
    triggers: ['affiliate', 'referral'],
  },
  { code: 'promotion-commission', weight: 0.4, re: re(`\\b(?:affiliate links?|support(?:s|ing)? the channel)\\b`), triggers: ['affiliate', 'support', 'supports', 'supporting'] },
  {
    // Case matters: "code SAM20" is a creator code, "code review" is not. A code with a digit needs no
    // context; an all-letter one ("use code JESS") needs the verb in front of it.
    code: 'promotion-code',
    weight: 0.85,
    re: /\b(?:[Cc]ode|CODE|[Cc]oupon|[Rr]abattcode|[Gg]utscheincode|[Kk]ortingscode|[Cc]ódigo|[Cc]odigo|[Cc]upom|[Cc]odice(?: sconto)?|[Cc]ode promo)\s*:?\s+["“']?[A-Z]{1,15}\d{1,4}[A-Z0-9]{0,4}\b/,
    triggers: ['code', 'coupon', 'rabattcode', 'gutscheincode', 'kortingscode', 'código', 'codigo', 'cupom', 'codice'],
    raw: true,
    langs: ['en', 'de', 'es', 'fr', 'pt', 'it', 'nl'],
  },
  {
    code: 'promotion-code',
    weight: 0.85,
    re: /\b(?:[Uu]se|[Uu]sing|[Ww]ith|[Ee]nter|[Aa]pply|[Mm]y|[Pp]romo|[Dd]iscount|[Cc]oupon)(?: (?:my|our|the))?(?: (?:promo|discount|coupon|creator))? code:?\s+["“']?[A-Z]{3,20}\b/,
    triggers: ['code'],
    raw: true,
  },
  {
    code: 'promotion-code',
    weight: 0.8,
    re: re(`\\b(?:use|using|with|enter|apply) (?:my|our|the) (?:promo |discount |coupon |creator )?code (?:at checkout|for|to get|and get|to save)\\b|\\b(?:discount|promo|coupon|creator|referral|invite) code\\b|\\bmy (?:referral|invite|affiliate) (?:link|code)\\b`),
    triggers: ['code', 'link'],
  },
  {
    code: 'promotion-code',
    weight: 0.75,
    re: re(`\\b(?:with|using|through|via|use|from) my (?:\\w+ ){0,2}?(?:link|invite)\\b`),
    triggers: ['link', 'invite'],
  },
  { code: 'promotion-shop-link', weight: 0.7, phrases: SHOP },
  { code: 'promotion-shop-link', weight: 0.7, re: re(`\\blinktr\\.ee/`), triggers: ['linktr'], langs: 'any' },
  {
    code: 'promotion-vanity-link',
    weight: 0.5,
    re: re(`\\b(?:go to|head to|visit|check out|at) (?!(?:github|gitlab|youtube|wikipedia|twitter|x|reddit|arxiv|medium)\\.)[a-z0-9-]+\\.(?:com|co|io|net|org|news|us|app)/[a-z0-9_-]+`),
    // Gated by its words, not by ".com/": nearly every item carries its own link, so that gate was always open.
    triggers: ['go', 'head', 'visit', 'check', 'at'],
  },
  {
    code: 'promotion-offer',
    weight: 0.35,
    re: re(`\\b(?:\\d+% off|free shipping|free (?:month|trial|for \\d+ days)|for a free|free year|\\d+ (?:months?|days) free|first month free|free stock|free share|\\$\\d+ off|get \\$\\d+)\\b`),
    triggers: ['free', 'shipping'],
    contains: ['%', '$'],
  },
  { code: 'promotion-disclaimer', weight: 0, damp: 0.15, phrases: DISCLAIMERS, langs: 'any' },
  { code: 'promotion-info-framing', weight: 0, damp: 0.5, phrases: INFO_FRAMING },
];

export const PROMOTION_EXPLANATIONS: Record<string, string> = {
  'promotion-affiliate-link': 'Contains an affiliate link: the poster is paid when you buy',
  'promotion-tracking-link': 'Contains a marketing tracking link',
  'promotion-referral-link': 'Contains a referral or invite link that pays the poster',
  'promotion-hashtag': 'Tagged as an ad or a paid partnership (#ad, #sponsored)',
  'promotion-sponsored': 'Says it is sponsored or a paid partnership',
  'promotion-commission': 'Says the poster earns a commission from links',
  'promotion-code': 'Pushes a discount or referral code',
  'promotion-shop-link': 'Sends you to a shop link ("link in bio", storefront)',
  'promotion-vanity-link': 'A sponsor\'s personalised link ("go to brand.com/name")',
  'promotion-offer': 'Offers a discount or freebie',
};
