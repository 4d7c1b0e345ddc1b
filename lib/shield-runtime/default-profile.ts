import { DEFAULT_POLICIES, POLICY_KINDS, SITES } from '../schema/constants';
import type { Profile } from '../schema/profile';

/**
 * The profile decided with until the real one arrives from the background (a few milliseconds, but items can be
 * painted in between). The same values as defaultProfile() in lib/schema/profile.ts, written out because that
 * module pulls zod into the content script; tests/unit/runtime-default-profile.test.ts keeps the two equal.
 */
export function fallbackProfile(): Profile {
  return {
    schemaVersion: 5,
    revision: 0,
    updatedAt: 0,
    interests: [],
    avoidTopics: [],
    blockedAuthors: [],
    rules: [],
    naturalRules: [],
    policies: Object.fromEntries(POLICY_KINDS.map((k) => [k, { ...DEFAULT_POLICIES[k] }])) as Profile['policies'],
    instructions: [],
    chat: { placement: 'end' },
    // Every site on, from the list the content scripts carry anyway rather than the names written out again.
    sites: Object.fromEntries(SITES.map((s) => [s, true])) as Profile['sites'],
    paused: false,
    display: { hiddenStyle: 'stub', reorder: true, exploreShare: 0 },
    exceptions: [],
    hiddenItems: [],
    lessLike: [],
    inferred: { rejected: [], pinned: [], forgotten: [] },
    judge: { enabled: false, engine: 'webllm', modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' },
  };
}
