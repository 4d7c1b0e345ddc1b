import type { PatternRule } from './rules';
import { list } from './phrases';

/**
 * Rage bait: contempt aimed at a group, us-versus-them framing, and direct appeals to anger. Reporting on
 * anger ("Protesters angry over...") is not rage bait, so bare emotion words count for little and news
 * framing ("says", "study", "explained") halves the score.
 */

/** Who rage bait is aimed at: groups, camps, and the generic "these people". */
const GROUPS = list(`
  liberals, libs, leftists, lefties, the left, conservatives, the right, right-wingers, republicans, democrats,
  dems, tories, tory, labour voters, tory voters, trump supporters, trump voters, biden voters, maga, feminists,
  men, women, boomers, millennials, gen z, zoomers, vegans, cyclists, drivers, landlords, tesla owners,
  iphone users, android users, apple users, apple fanboys, fanboys, pc gamers, gamers, console players,
  journalists, the media, mainstream media, politicians, every politician, every single politician,
  immigrants, tourists, teachers, doctors, rich people, rich kids, the rich, billionaires, millionaires,
  influencers, tech bros, crypto bros, anti-vaxxers, antivaxxers, pro-lifers, gun owners, climate deniers,
  atheists, christians, muslims, karens, hoa karens, elites, the elites, globalists, these people,
  those people, people like you, people like them, you people, workers, remote workers, bosses, dog owners,
  developers, programmers, grifters, alpha males, rust evangelists, javascript developers, fans, voters, students, parents,
  every tory, every democrat, every republican, every liberal, every conservative, every landlord,
  every single landlord, every single one, politicians, congress, parliament
`);

/** What they are called. */
const CONTEMPT = list(`
  idiots, idiot, morons, moron, stupid, stupidest, dumb, dumbest, clowns, clown, lunatics, sheep, sheeple,
  parasites, leeches, leech, scum, trash, garbage, vermin, traitors, traitor, fascists, commies, cowards,
  liars, liar, crooks, crook, thieves, thief, degenerates, pathetic, insufferable, arrogant, entitled,
  brainwashed, brain-dead, mentally ill, a disgrace, disgusting, vile, evil, lazy, laziest, freeloaders,
  selfish, greedy, toxic, a cult, crybabies, snowflakes, npcs, losers, loser, fools, fool, useless,
  the worst, psychopaths, the enemy, ruining, destroying, killing, stealing, bitter, a joke, annoying,
  smug, terrified, hypocrites, grifters, animals, subhuman, rats, pigs, a plague, too thick, thick,
  too stupid, broke and bitter, the problem, cancer
`);

/** Adjectives that turn a person or group into a target ("smug liberal", "entitled Karen"). */
const SCORN_ADJ = list(`
  smug, clueless, entitled, arrogant, spoiled, spoilt, lazy, brain-dead, pathetic, stupid, dumb, woke, greedy,
  delusional, deranged, unhinged, whiny, crybaby, braindead
`);
const SCORN_TARGET = list(`
  liberal, liberals, conservative, conservatives, student, students, karen, karens, brat, brats, tourist,
  tourists, parents, parent, workers, worker, people, person, man, woman, guy, girl, boss, bosses, leftist,
  leftists, feminist, feminists, mob, millennial, millennials, boomer, boomers, zoomers, gen z, kids, kid,
  politician, politicians, landlord, landlords, customer, customers, driver, teen, teenager, voters, left,
  companies, company, celebrities, celebrity, activist, activists, influencer, influencers, employee, employees
`);

/** Camp words that, right before an insult, make a slur ("leftist lunatics", "MAGA morons"). */
const CAMP_ADJ = list(`
  liberal, leftist, left-wing, right-wing, conservative, maga, woke, religious, climate, vegan, feminist, trump,
  biden, democrat, republican, tory, labour, progressive, socialist, hollywood, tech, crypto, anti-vax, gun,
  silicon valley
`);
const CAMP_INSULT = list(`
  idiots, morons, lunatics, nutjobs, nuts, cultists, clowns, sheep, losers, snowflakes, degenerates, scum,
  tears, mob, cult, bros, zealots, fanatics, extremists, crybabies, grifters, elites
`);

const SLURS = list(`
  libtard, libtards, conservatard, conservatards, feminazi, feminazis, sheeple, soy boy, soy boys, soyboys,
  magat, magats, trumptard, trumptards, demonrats, repugnicans, leftard, leftards, woketard, wokies,
  go woke go broke, console peasants, normies, gun nuts, nutjobs, tech bros, crypto bros, npcs, npc
`);

const INFLAME_VERBS = list(`
  destroys, destroyed, obliterates, obliterated, eviscerates, eviscerated, humiliates, humiliated, annihilates,
  annihilated, demolishes, demolished, wrecks, slams, shreds, torches, dunks on, owns, schools, roasts,
  melts down, melt down, meltdown
`);

const MOCKERY = list(`
  triggered, losing it, loses it, losing their minds, lose their minds, melting down, melts down, meltdown,
  keep crying, crying about, tears are delicious, tears compilation, cope and seethe, seethe, cope harder,
  in shambles, gets what she deserves, gets what he deserves, get what they deserve, put in his place, put in her place, put in their place, this is what you wanted,
  this is what you voted for, enjoy
`);

const ANGER_APPEAL = list(`
  should be furious, should be outraged, should be angry, should be ashamed, should all be ashamed,
  make your blood boil, makes your blood boil, makes my blood boil, will make you angry, will make you furious,
  will make you sick, makes me sick, if this doesn't make you angry, if this doesn't make you mad,
  how is this legal, how is this even legal, shame on you, shame on them, shame on every, shame on all,
  name and shame, spat in the face, spit in the face, are laughing at you, is laughing at you,
  should be fired, should all be fired, should be locked up, should be jailed, never work again,
  disgrace to, an absolute disgrace, this is a disgrace, what a disgrace, absolute state of,
  absolutely disgusting, utterly disgusting, truly disgusting, absolutely vile, vile behaviour,
  vile behavior, pathetic excuse, excuse for a human, you deserve what's coming, deserve what's coming,
  deserve to lose, you're a fool, part of the problem, imagine being this, how pathetic, it's embarrassing,
  have no idea what they're doing, brain-dead take, dumbest take, stupidest take, worst take,
  should not be allowed to vote, shouldn't be allowed to vote, absolute scum, what a joke
`);

const US_THEM = list(`
  they hate you, they hate us, they hate america, they despise you, they want you poor, they want you sick,
  they want you dead, they want you broke, they want you quiet, they want you silent, they want you to eat,
  want you poor, want you sick, want you broke, want you dead, want you quiet, want you to suffer,
  wants you poor, wants you sick, wants you broke, wants you dead, wants you quiet, wants you dumb,
  they want to destroy, wants to destroy, want to destroy, wants to take away, want to take away,
  want to ban your, wants to ban your, coming for your, coming for our, war on men, war on women,
  war on christmas, war on cars, war on farmers, war on free speech, war on the family, war on gas,
  war on meat, war on christians, war on boys, war on drivers, war on motorists, war on the middle class,
  real americans, real patriots, people like you are, the left wants, the right wants, the left hates,
  the right hates, the left is destroying, the right is destroying, party hates, hates america,
  enemy of the people, wake up sheeple, think you're stupid, think you're too stupid, think you're an idiot,
  don't care if you starve, don't care if you die, groom your children, groom your kids, groom our children,
  brainwashing your kids, brainwashing our kids, control your body, lying to you, lied to you,
  is killing you, are killing you, they don't even care, don't actually care, hate their own, hates their own,
  your taxes paid for, your tax dollars, are stealing your, trying to control
`);

const WHY_HATE = list(`
  this is why everyone hates, this is why people hate, this is why everybody hates, are why everyone hates,
  is why everyone hates
`);

const PROVOKE = list(`fight me, prove me wrong, change my mind, there i said it, not even debatable, it's not close, hot take, unpopular opinion`);

const DISGUST = list(`disgusting, disgrace, vile, pathetic, scum, outrageous, despicable, sickening, garbage`);

const NEWS_FRAMING = list(`
  says, explained, how to, explains, study, studies, survey, poll, report, reports, researchers, scientists,
  according to, analysis, review, recap, documentary, history of, psychology of, what the research says,
  data shows, economist, historian
`);

const PEOPLE_WHO = list(`people who, anyone who, those who, everyone who, anybody who, you guys who`);
const ARE = list(`are, is, deserve, are all, is a, are a`);
const THEY_ARE = list(`they're, they are, you're, you are, they're all, you're all, they're just, you're just`);
const DONT = list(`don't, do not, doesn't, never, don't actually, don't even, don't really`);
const CARE = list(`care, learn, think, understand`);
const INSULTS = list(`idiots, morons, lunatics, degenerates, psychopaths, crybabies, traitors, vermin, leeches, imbeciles, scumbags, snowflakes, karens, fanboys`);
const TAKEDOWN = list(`
  get owned, gets owned, got owned, get wrecked, gets wrecked, got wrecked, get destroyed, gets destroyed,
  got destroyed, get humiliated, gets humiliated, get schooled, gets schooled, get absolutely wrecked,
  gets absolutely wrecked, get absolutely destroyed, gets absolutely destroyed, gets obliterated,
  gets demolished, gets roasted, get roasted
`);

const THESE_INSULT = list(`
  these idiots, these morons, these clowns, these lunatics, these degenerates, these scumbags, these crooks,
  these parasites, these traitors, these cowards, these animals, these freaks
`);
const RUINED = list(`ruined, ruin, ruining, destroyed, destroying, killed, killing, wrecked`);
const EVERYTHING = list(`everything, this country, the country, it for everyone, our country, society, the economy, the housing market`);

export const RAGE_RULES: readonly PatternRule[] = [
  { code: 'rage-group-contempt', weight: 0.85, parts: [GROUPS, ARE, CONTEMPT], gaps: [7, 5] },
  { code: 'rage-group-contempt', weight: 0.75, parts: [PEOPLE_WHO, ARE, CONTEMPT], gaps: [10, 4] },
  { code: 'rage-group-contempt', weight: 0.6, parts: [THEY_ARE, CONTEMPT], gaps: [2] },
  { code: 'rage-group-contempt', weight: 0.65, parts: [GROUPS, DONT, CARE], gaps: [0, 1] },
  { code: 'rage-scorn-label', weight: 0.6, parts: [SCORN_ADJ, SCORN_TARGET], gaps: [1] },
  { code: 'rage-slur', weight: 0.75, parts: [CAMP_ADJ, CAMP_INSULT], gaps: [0] },
  { code: 'rage-slur', weight: 0.6, phrases: SLURS },
  { code: 'rage-insult', weight: 0.45, phrases: INSULTS },
  { code: 'rage-takedown', weight: 0.35, capsBoost: 0.4, phrases: INFLAME_VERBS },
  { code: 'rage-takedown', weight: 0.55, phrases: TAKEDOWN },
  { code: 'rage-mockery', weight: 0.5, capsBoost: 0.2, phrases: MOCKERY },
  { code: 'rage-anger-appeal', weight: 0.65, phrases: ANGER_APPEAL },
  { code: 'rage-us-vs-them', weight: 0.7, phrases: US_THEM },
  { code: 'rage-us-vs-them', weight: 0.65, phrases: WHY_HATE },
  { code: 'rage-provocation', weight: 0.35, phrases: PROVOKE },
  { code: 'rage-disgust', weight: 0.3, capsBoost: 0.3, phrases: DISGUST },
  { code: 'rage-us-vs-them', weight: 0.45, phrases: list(`why everyone hates, why everybody hates, why people hate`) },
  { code: 'rage-group-contempt', weight: 0.7, phrases: THESE_INSULT },
  { code: 'rage-group-contempt', weight: 0.7, parts: [GROUPS, RUINED, EVERYTHING], gaps: [1, 1] },
  { code: 'rage-mockery', weight: 0.75, parts: [MOCKERY, GROUPS], gaps: [1] },
  { code: 'rage-mockery', weight: 0.75, parts: [GROUPS, MOCKERY], gaps: [2] },
  { code: 'rage-gloating', weight: 0.45, phrases: list(`you love to see it, instant karma, karma hits, gets what's coming`) },
  { code: 'rage-news-framing', weight: 0, damp: 0.5, phrases: NEWS_FRAMING },
];

export const RAGE_EXPLANATIONS: Record<string, string> = {
  'rage-group-contempt': 'Insults a whole group of people to provoke anger',
  'rage-scorn-label': 'Labels people with scorn ("smug", "entitled") to set you against them',
  'rage-slur': 'Uses a sneering name for a group or camp',
  'rage-insult': 'Name-calling meant to provoke',
  'rage-takedown': 'Frames a person as "destroyed" or "humiliated" to stir up sides',
  'rage-mockery': 'Mocks the other side\'s anger ("triggered", "keep crying")',
  'rage-anger-appeal': 'Tells you to be angry or disgusted',
  'rage-us-vs-them': 'Us-versus-them framing: "they" are out to get "you"',
  'rage-gloating': 'Gloats over someone getting "what they deserve"',
  'rage-provocation': 'Invites a fight ("fight me", "hot take")',
  'rage-disgust': 'Disgust words used to inflame',
};
