import { functionWordsOf, type DetectorTables } from './data-file';
import { ENGAGEMENT_EXPLANATIONS, ENGAGEMENT_RULES } from './engagement';
import { buildDetectorRules, type DetectorRules } from './index';
import { LEARNED_EXPLANATIONS } from './learned-explanations';
import { PROMOTION_EXPLANATIONS, PROMOTION_RULES } from './promotion';
import { RAGE_EXPLANATIONS, RAGE_RULES } from './rage';
import { languageTables } from './language-tables';
import { indexRules } from './rule-index';
import { STOPWORDS } from './stopwords';
import { WordIndex } from './tokens';
import { URGENCY_EXPLANATIONS, URGENCY_RULES } from './urgency';

/**
 * The rule tables as written in TypeScript, for Node (tests, scripts) and for the build, which writes them to
 * models/detectors.json. Content scripts must not import this module: it is the 30-odd KB the data file keeps
 * out of them.
 */
const RULES = { rage: RAGE_RULES, engagement: ENGAGEMENT_RULES, urgency: URGENCY_RULES, promotion: PROMOTION_RULES };

const INDEX = indexRules(RULES, functionWordsOf(STOPWORDS));

export const SHIPPED_TABLES: DetectorTables = {
  rules: RULES,
  explanations: { ...RAGE_EXPLANATIONS, ...ENGAGEMENT_EXPLANATIONS, ...URGENCY_EXPLANATIONS, ...PROMOTION_EXPLANATIONS, ...LEARNED_EXPLANATIONS },
  stopwords: STOPWORDS,
  index: INDEX,
  // Over the rule engine's vocabulary, numbered as the engine numbers it (new WordIndex(index.vocabulary)).
  language: languageTables(STOPWORDS, new WordIndex(INDEX.vocabulary)),
};

export const SHIPPED_DETECTORS: DetectorRules = buildDetectorRules(SHIPPED_TABLES);
