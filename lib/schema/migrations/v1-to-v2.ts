/** Version 1 (the first preview) kept interests and avoid-topics as bare strings, blocked only YouTube
 * channels, had hide-only keyword lists and a single on/off per manipulation type. */
export interface ProfileV1 {
  version: 1;
  revision?: number;
  interests?: string[];
  avoid?: string[];
  blockedChannels?: string[];
  keywords?: string[];
  manipulation?: Partial<Record<'ads' | 'clickbait', boolean>>;
  instructions?: Array<{ text: string; enabled?: boolean }>;
  sites?: Record<string, boolean>;
  paused?: boolean;
}

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
