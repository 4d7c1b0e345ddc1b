import type { PolicyAction, PolicyKind, Profile } from '@/lib/schema/profile';

const KIND_NAMES: Record<Exclude<PolicyKind, 'promoted' | 'shorts'>, string> = {
  clickbait: 'clickbait',
  rage: 'rage bait',
  engagement: 'engagement bait',
  urgency: 'false urgency',
  promotion: 'undisclosed promotion',
};

const DOES: Record<PolicyAction, string> = {
  off: 'left alone',
  label: 'labelled, with the reason in words',
  demote: 'pushed down and dimmed',
  hide: 'hidden behind a small “Hidden by Parapet” stub you can open',
};

/** What the profile does out of the box, in a sentence per line, read from the profile itself so it stays true. */
export function defaultsInWords(p: Profile): { title: string; detail: string }[] {
  const byAction = new Map<PolicyAction, string[]>();
  for (const [kind, name] of Object.entries(KIND_NAMES) as [keyof typeof KIND_NAMES, string][]) {
    const action = p.policies[kind].action;
    byAction.set(action, [...(byAction.get(action) ?? []), name]);
  }
  const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [
    { title: `Ads and promoted posts: ${DOES[p.policies.promoted.action]}`, detail: 'On YouTube, Reddit, X and Hacker News, before the page is painted, so nothing flashes.' },
    ...[...byAction].map(([action, names]) => ({
      title: `${cap(list(names))}: ${DOES[action]}`,
      detail: 'Each label says why; you can change what each kind does, and how strict it is, in the dashboard.',
    })),
    {
      title: `YouTube Shorts: ${p.policies.shorts.action === 'off' ? 'left alone' : DOES[p.policies.shorts.action]}`,
      detail: p.policies.shorts.action === 'off' ? 'To hide them: dashboard, Profile, “Shorts”.' : 'Change it in the Profile view.',
    },
    { title: 'Nothing leaves your device', detail: 'Your profile and the log stay in this browser; the judging runs here.' },
  ];
}
