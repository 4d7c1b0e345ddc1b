import { FeedItem, type FeedItemInput } from '../../lib/schema/item';
import { PROFILE_VERSION, Profile, type ProfileInput } from '../../lib/schema/profile';
import type { PolicyStage } from '../../lib/core/shield';

export function profile(input: Partial<ProfileInput> = {}): Profile {
  return Profile.parse({ schemaVersion: PROFILE_VERSION, revision: 1, updatedAt: 0, ...input });
}

let nextId = 0;
export function item(input: Partial<FeedItemInput> = {}): FeedItem {
  return FeedItem.parse({ platform: 'youtube', id: `v${nextId++}`, ...input });
}

/** Stands in for the detectors: flags clickbait whenever the title contains "You Won't Believe". */
export const fakeClickbaitStage: PolicyStage = (it) =>
  /you won't believe/i.test(it.title)
    ? {
        action: 'label',
        uncertain: false,
        reasons: [{ code: 'clickbait', detail: 'curiosity gap', source: 'classifier', kind: 'clickbait', evidence: ["you won't believe"], confidence: 0.9 }],
      }
    : { action: 'show', reasons: [], uncertain: false };
