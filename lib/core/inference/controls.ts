import type { Profile } from '../../schema/profile';
import type { InferenceControls as InferControls, InferredModel } from './infer';
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

/** The profile the Inferred view shows, beside which an answer of the background is judged. */
export interface ViewedProfile {
  /** The stored revision the view shows, or made its unsaved changes from. */
  revision: number;
  /** The view shows changes whose save has not come back: no answer can have been computed with them. */
  unsaved: boolean;
  controls: InferControls;
}

/**
 * The background's named model as the view shows it. An answer names the profile revision it was computed from;
 * one computed from the profile the view shows (or a later one) already holds every control, by meaning, and is
 * shown as it is. One computed from an older profile (asked for as a change showed, read before its save was
 * done) misses what the person did since: the view applies its own controls to it, so nothing they undid shows
 * again while the next answer is on its way.
 */
export function namedAsShown(named: InferredModel, computedFrom: number, view: ViewedProfile): InferredModel {
  const older = view.unsaved || computedFrom < view.revision;
  return older ? withControls(named, view.controls) : named;
}

/**
 * Named topics with controls their computation may not have known: a rejected or confirmed topic leaves; a
 * forgotten one leaves unless all its evidence came after the forgetting (it was learned again); a pinned one
 * shows pinned and moves up among the pinned, as the background orders them (named-topics.ts). The timeline loses
 * the same. Matched by name only: the background's next answer does the same by meaning.
 */
export function withControls(model: InferredModel, c: InferControls): InferredModel {
  const left = new Set([...c.rejected, ...c.confirmed]);
  const forgotten = new Map(Object.entries(c.forgotten));
  // Evidence from before a forgetting is what it took away: a topic counting it, or a moment of the timeline made
  // from it, comes from an answer that did not know of the forgetting. Both times are this machine's clock: a
  // signal's when it was logged, the forgetting's when it was pressed.
  const undone = (topic: string, evidenceAt: number) => left.has(topic) || evidenceAt <= (forgotten.get(topic) ?? -Infinity);
  const pinned = new Set(c.pinned);
  const topics = model.topics
    .filter((t) => !undone(t.topic, t.firstSeen))
    .map((t) => (pinned.has(t.topic) === t.pinned ? t : { ...t, pinned: pinned.has(t.topic) }))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned));
  return { topics, timeline: model.timeline.filter((e) => !undone(e.topic, e.ts)) };
}
