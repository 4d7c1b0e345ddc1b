/** What a flag of a learned model (./learned.ts) says when no rule of its kind fired. Ships in models/detectors.json
 * with the rules' sentences, not in the content scripts' code. */
export const LEARNED_EXPLANATIONS: Record<string, string> = {
  'rage-learned': 'Written to set you against a group, in the way angry us-versus-them posts are',
  'urgency-learned': 'Pressures you to act now, in the way shop countdowns and "almost gone" notices do',
  'engagement-learned': 'Asks for likes, comments, shares or tags to game the feed',
  'promotion-learned': 'Advertises a product or deal without saying it is an ad',
};
