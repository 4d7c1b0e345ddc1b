import type { Flag } from '@/lib/schema/log';
import type { PolicyKind } from '@/lib/schema/profile';

export const KIND_NAMES: Record<PolicyKind, { name: string; wrong: string; what: string }> = {
  clickbait: { name: 'Clickbait', wrong: 'Not clickbait', what: 'Headlines that hold back what the item is about to make you click.' },
  rage: { name: 'Rage bait', wrong: 'Not rage bait', what: 'Items written to make you angry.' },
  engagement: { name: 'Engagement bait', wrong: 'Not engagement bait', what: 'Asks for likes, shares and comments.' },
  urgency: { name: 'False urgency', wrong: 'Not false urgency', what: 'Countdowns and “last chance” pressure.' },
  promotion: { name: 'Undisclosed promotion', wrong: 'Not promotion', what: 'Affiliate links and discount codes the platform did not mark.' },
  promoted: { name: 'Ads', wrong: 'Not an ad', what: 'Items the platform itself marks as sponsored.' },
  shorts: { name: 'Shorts', wrong: 'Not a short', what: 'Short-form video.' },
};

export const SOURCE_NAMES: Record<Flag['source'], string> = {
  rule: 'Rule',
  classifier: 'Classifier',
  model: 'Local model',
  platform: 'Platform',
  user: 'You',
};

export const ACTION_NAMES: Record<Flag['action'], string> = {
  show: 'Shown',
  hide: 'Hidden',
  demote: 'Pushed down',
  boost: 'Pushed up',
  label: 'Labelled',
};
