import type { Profile } from '../../schema/profile';
import type { InferenceControls as InferControls, InferredTopic } from './infer';
import { topicTerms } from './terms';

/** The user's steering of the inferred model, read from and written to the profile (`profile.inferred`). The
 * profile keeps labels; inference works on folded terms, so every comparison goes through `topicKey`. */

/** "Formula 1", "formula  1" and "FORMULA 1" are one topic. */
export const topicKey = (topic: string) => topic.trim().toLowerCase().replace(/\s+/g, ' ');

/** Stated interests count as confirmed inferences: their labels and keywords, folded the way titles are. */
export function confirmedTopics(profile: Pick<Profile, 'interests'>): string[] {
  const out = new Set<string>();
  for (const i of profile.interests) {
    for (const phrase of [i.label, ...i.keywords]) {
      out.add(topicKey(phrase));
      // Also the phrase as titles fold it: "Board games" is inferred as "board game".
      const words = topicTerms(phrase).filter((t) => !t.includes(' '));
      if (words.length) out.add(words.join(' '));
    }
  }
  return [...out];
}

/** What `inferTopics` needs from the profile. */
export function controlsFromProfile(profile: Pick<Profile, 'inferred' | 'interests'>): InferControls {
  const forgotten: Record<string, number> = {};
  for (const f of profile.inferred.forgotten) {
    const k = topicKey(f.topic);
    forgotten[k] = Math.max(forgotten[k] ?? 0, f.at);
  }
  return {
    rejected: profile.inferred.rejected.map(topicKey),
    pinned: profile.inferred.pinned.map(topicKey),
    forgotten,
    confirmed: confirmedTopics(profile),
  };
}

const without = (list: readonly string[], topic: string) => list.filter((t) => topicKey(t) !== topicKey(topic));

/** Never inferred again; a pin on it goes. */
export function rejectTopic<P extends Pick<Profile, 'inferred'>>(p: P, topic: string): P {
  const k = topicKey(topic);
  if (p.inferred.rejected.some((t) => topicKey(t) === k)) return p;
  return { ...p, inferred: { ...p.inferred, rejected: [...p.inferred.rejected, k].slice(-5_000), pinned: without(p.inferred.pinned, k) } };
}

export function unrejectTopic<P extends Pick<Profile, 'inferred'>>(p: P, topic: string): P {
  return { ...p, inferred: { ...p.inferred, rejected: without(p.inferred.rejected, topic) } };
}

/** Pinned topics stay on top and stay shown however weak their evidence gets. */
export function setPinned<P extends Pick<Profile, 'inferred'>>(p: P, topic: string, pinned: boolean): P {
  const k = topicKey(topic);
  const rest = without(p.inferred.pinned, k);
  return { ...p, inferred: { ...p.inferred, pinned: pinned ? [...rest, k].slice(-500) : rest } };
}

/** The evidence so far stops counting; later signals may teach the topic again. */
export function forgetTopic<P extends Pick<Profile, 'inferred'>>(p: P, topic: string, now: number): P {
  const k = topicKey(topic);
  const forgotten = [...p.inferred.forgotten.filter((f) => topicKey(f.topic) !== k), { topic: k, at: now }].slice(-5_000);
  return { ...p, inferred: { ...p.inferred, forgotten, pinned: without(p.inferred.pinned, k) } };
}

/**
 * Named topics as the background last computed them, with the controls set since: a rejected, forgotten or
 * confirmed topic leaves at once, and a pinned one shows pinned and moves up among the pinned at once, as the
 * background orders them (named-topics.ts). Its next answer, which can take seconds while the meaning model loads,
 * does the same by meaning.
 */
export function withControls(topics: readonly InferredTopic[], c: InferControls, computedAt: number): InferredTopic[] {
  const gone = new Set([...c.rejected, ...c.confirmed, ...Object.keys(c.forgotten).filter((k) => c.forgotten[k] > computedAt)]);
  const pinned = new Set(c.pinned);
  return topics
    .filter((t) => !gone.has(t.topic))
    .map((t) => (pinned.has(t.topic) === t.pinned ? t : { ...t, pinned: pinned.has(t.topic) }))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned));
}
