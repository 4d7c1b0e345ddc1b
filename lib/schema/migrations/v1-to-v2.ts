import { z } from 'zod';

const texts = z.array(z.string()).nullish();
/** Version 1 (the first preview) kept interests and avoid-topics as bare strings, blocked only YouTube
 * channels, had hide-only keyword lists and a single on/off per manipulation type.
 * Checked before it is migrated, so a wrong field is named instead of failing with a TypeError; a missing or null
 * list is an empty one. */
export const ProfileV1 = z.object({
  version: z.literal(1).optional(),
  revision: z.number().int().nonnegative().nullish(),
  interests: texts,
  avoid: texts,
  blockedChannels: texts,
  keywords: texts,
  manipulation: z.object({ ads: z.boolean().nullish(), clickbait: z.boolean().nullish() }).nullish(),
  instructions: z.array(z.object({ text: z.string(), enabled: z.boolean().nullish() })).nullish(),
  sites: z.record(z.string(), z.boolean()).nullish(),
  paused: z.boolean().nullish(),
});
export type ProfileV1 = z.infer<typeof ProfileV1>;

const slug = (s: string, i: number) =>
  `${s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'item'}-${i}`;

export function migrateV1toV2(v1: ProfileV1, now: number): Record<string, unknown> {
  const policies: Record<string, { action: string; strictness: number }> = {};
  if (v1.manipulation?.ads === false) policies.promoted = { action: 'off', strictness: 0.5 };
  if (v1.manipulation?.clickbait === false) policies.clickbait = { action: 'off', strictness: 0.5 };
  return {
    schemaVersion: 2,
    revision: (v1.revision ?? 0) + 1,
    updatedAt: now,
    interests: (v1.interests ?? []).map((label, i) => ({ id: slug(label, i), label, weight: 0.7, keywords: [] })),
    avoidTopics: (v1.avoid ?? []).map((label, i) => ({ id: slug(label, i), label, keywords: [] })),
    blockedAuthors: (v1.blockedChannels ?? []).map((name) => ({ platform: 'youtube', name })),
    rules: (v1.keywords ?? []).map((pattern, i) => ({ id: slug(pattern, i), kind: 'keyword', pattern, action: 'hide' })),
    policies,
    instructions: (v1.instructions ?? []).map((ins, i) => ({
      id: `instruction-${i}`,
      text: ins.text,
      enabled: ins.enabled ?? true,
    })),
    sites: v1.sites ?? {},
    paused: v1.paused ?? false,
  };
}
