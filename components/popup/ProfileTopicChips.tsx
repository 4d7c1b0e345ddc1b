import type { Profile } from '@/lib/schema/profile';
import { addAvoidTopic, addInterest, checkLabel, removeAvoidTopic, removeInterest } from '../profile-edit';
import { TopicChipInput } from './TopicChipInput';

interface Props {
  profile: Profile;
  edit: (change: (p: Profile) => Profile) => void;
  placeholder: string;
}

/** The profile's avoided topics as chips that save at once: the popup and the first-run page show the same list. */
export function AvoidTopicChips({ profile, edit, placeholder }: Props) {
  return (
    <TopicChipInput
      kind="avoid"
      label="Topics to avoid"
      noun="avoid-topic"
      placeholder={placeholder}
      empty="Nothing to avoid yet."
      items={profile.avoidTopics.map((t) => ({ key: t.id, text: t.label }))}
      check={(t) => checkLabel(t, profile.avoidTopics.map((a) => a.label), 'avoid-topics')}
      onAdd={(label, exclude) => edit((p) => addAvoidTopic(p, label, exclude))}
      onRemove={(id) => edit((p) => removeAvoidTopic(p, id))}
    />
  );
}

/** The profile's interests as chips that save at once (popup and first-run page). */
export function InterestChips({ profile, edit, placeholder }: Props) {
  return (
    <TopicChipInput
      kind="interest"
      label="Interests"
      noun="interest"
      placeholder={placeholder}
      empty="Nothing yet. What do you want more of?"
      items={profile.interests.map((i) => ({ key: i.id, text: i.label }))}
      check={(t) => checkLabel(t, profile.interests.map((i) => i.label), 'interests')}
      onAdd={(label, exclude) => edit((p) => addInterest(p, label, undefined, exclude))}
      onRemove={(id) => edit((p) => removeInterest(p, id))}
    />
  );
}
