// The development set of scripts/eval-topics.ts: Reddit titles the meaning model never trained on (isDevTitle),
// labelled with a plain topic name through the community they were posted in.
import { isDevTitle, readTitles, titleHash } from './corpus';

/** Plain topic names, as a person would type them, and communities whose posts are about them. */
export const DEV_TOPICS: Record<string, string[]> = {
  politics: ['politics', 'PoliticalDiscussion', 'ukpolitics', 'worldpolitics', 'Conservative', 'Liberal', 'Libertarian', 'democrats', 'Republican', 'moderatepolitics', 'NeutralPolitics', 'progressive', 'Ask_Politics', 'AmericanPolitics', 'CanadaPolitics', 'government', 'obama', 'ronpaul'],
  sports: ['sports', 'nba', 'nfl', 'soccer', 'hockey', 'baseball', 'CFB', 'CollegeBasketball', 'tennis', 'golf', 'MMA', 'Boxing', 'formula1', 'Cricket', 'rugbyunion', 'olympics', 'mlb', 'nhl', 'MLS'],
  food: ['food', 'Cooking', 'recipes', 'FoodPorn', 'Baking', 'AskCulinary', 'BBQ', 'Pizza', 'budgetfood', 'slowcooking', 'tonightsdinner', 'VegRecipes', 'sushi', 'EatCheapAndHealthy'],
  travel: ['travel', 'solotravel', 'backpacking', 'IWantOut', 'bicycletouring'],
  technology: ['technology', 'tech', 'gadgets', 'TechNewsToday', 'Android', 'apple', 'hardware', 'google', 'microsoft', 'Futurology'],
  music: ['Music', 'listentothis', 'hiphopheads', 'Metal', 'indie', 'electronicmusic', 'classicalmusic', 'Jazz', 'WeAreTheMusicMakers', 'LetsTalkMusic', 'MusicNews'],
  business: ['business', 'Entrepreneur', 'smallbusiness', 'startups', 'Economics', 'economy', 'finance', 'investing', 'stocks', 'StockMarket', 'marketing'],
  health: ['Health', 'medicine', 'nutrition', 'diabetes', 'Supplements'],
  parenting: ['Parenting', 'daddit', 'Mommit', 'beyondthebump', 'raisingkids', 'breastfeeding'],
  religion: ['religion', 'Christianity', 'Catholicism', 'islam', 'Judaism', 'Buddhism', 'DebateReligion'],
  science: ['science', 'askscience', 'Physics', 'biology', 'chemistry', 'Astronomy', 'space', 'geology', 'evolution'],
  comedy: ['Jokes', 'StandUpComedy', 'comedy', 'standupshots', 'humor'],
  movies: ['movies', 'TrueFilm', 'MovieSuggestions', 'trailers', 'moviecritic', 'badMovies'],
  'video games': ['gaming', 'Games', 'truegaming', 'pcgaming', 'IndieGaming', 'gamernews', 'patientgamers', 'xbox360', 'PS3', 'nintendo'],
  cars: ['cars', 'Autos', 'MechanicAdvice', 'Cartalk', 'carporn', 'classiccars', 'BMW', 'Jeep', 'subaru'],
  'pets and animals': ['cats', 'dogs', 'Dogtraining', 'Aquariums', 'Rabbits', 'Animals', 'reptiles', 'parrots'],
  'fashion and beauty': ['malefashionadvice', 'femalefashionadvice', 'fashion', 'MakeupAddiction', 'beauty', 'SkincareAddiction', 'Makeup', 'streetwear', 'Hair'],
  education: ['education', 'Teachers', 'teaching', 'college', 'GradSchool', 'highereducation', 'AskAcademia'],
  crime: ['Bad_Cop_No_Donut', 'ProtectAndServe'],
  environment: ['environment', 'climate', 'RenewableEnergy', 'energy', 'conservation', 'Green'],
};

export const DEV_PER_TOPIC = 300;

/** Up to DEV_PER_TOPIC held-out titles per topic, chosen by hash so the set is the same on every machine. */
export function devTopicRows(): Array<{ topic: string; text: string }> {
  const topicOf = new Map<string, string>();
  for (const [topic, subs] of Object.entries(DEV_TOPICS)) for (const s of subs) topicOf.set(s, topic);
  const byTopic = new Map<string, Array<{ h: number; text: string }>>();
  for (const { subreddit, title } of readTitles()) {
    const topic = topicOf.get(subreddit);
    if (!topic || !isDevTitle(title)) continue;
    let list = byTopic.get(topic);
    if (!list) byTopic.set(topic, (list = []));
    list.push({ h: titleHash(title + '\u0001'), text: title });
  }
  const rows: Array<{ topic: string; text: string }> = [];
  for (const topic of Object.keys(DEV_TOPICS)) {
    const list = (byTopic.get(topic) ?? []).sort((a, b) => a.h - b.h || (a.text < b.text ? -1 : 1));
    for (const { text } of list.slice(0, DEV_PER_TOPIC)) rows.push({ topic, text });
  }
  return rows;
}
