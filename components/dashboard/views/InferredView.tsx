import { useMemo, useState } from 'react';
import { inferModel, type InferredTopic } from '@/lib/core/inference/infer';
import { controlsFromProfile, forgetTopic, namedAsShown, rejectTopic, setPinned, topicKey, unrejectTopic } from '@/lib/core/inference/controls';
import { addInterest, setDisplay } from '../../profile-edit';
import { useProfile } from '../../hooks/useProfile';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { Chip } from '../../ui/Chip';
import { TopicCard, type TopicActions } from '../inferred/TopicCard';
import { TimelineChart } from '../inferred/TimelineChart';
import { PlatformMix } from '../inferred/PlatformMix';
import { ManipulationChart } from '../inferred/ManipulationChart';
import { DiversityGuard } from '../inferred/DiversityGuard';
import { useInference } from '../inferred/useInference';
import '../inferred/inferred.css';

/** What Parapet believes about the user, from local signals only, with the controls to steer it. Topics are
 * computed here from the signals and the profile's controls, so every edit shows at once. */
export default function InferredView() {
  const { profile, update, saving, error: profileError } = useProfile();
  const interestsKey = profile ? profile.interests.map((i) => `${i.label}|${i.keywords.join(',')}`).join(';') : '';
  // Named topics are computed in the background with the profile's controls: a change to them asks again, and so
  // does its save (the revision): the first request, sent as the change shows, can be answered from the profile
  // before the save, with the topic just forgotten still in it.
  const controlsKey = profile ? `${profile.revision} ${profile.updatedAt} ${JSON.stringify(profile.inferred)}` : '';
  const { data, error } = useInference(`${interestsKey}\u0000${controlsKey}`);
  const [status, setStatus] = useState('');

  const controls = useMemo(() => (profile ? controlsFromProfile(profile) : null), [profile]);
  const { topics, timeline } = useMemo(() => {
    if (!data || !controls || !profile) return { topics: [], timeline: [] };
    // Until the background answers from the saved change, its answers are shown with the change applied.
    if (data.named) return namedAsShown(data.named, data.revision, { revision: profile.revision, unsaved: saving, controls });
    return inferModel(data.signals, { now: data.now, controls });
  }, [data, controls, profile, saving]);

  if (error || profileError) return <Notice tone="error">Could not load what Parapet inferred: {error ?? profileError}</Notice>;
  if (!data || !profile) return <p className="muted">Loading what Parapet inferred…</p>;

  const say = (s: string) => setStatus(s);
  const actions: TopicActions = {
    confirm: (t: InferredTopic) => {
      void update((p) => {
        const cleared = setPinned(unrejectTopic(p, t.topic), t.topic, false);
        return p.interests.some((i) => topicKey(i.label) === t.topic) ? cleared : addInterest(cleared, t.label);
      });
      say(`${t.label} is now one of your interests: Parapet favours it from now on.`);
    },
    reject: (t) => {
      void update((p) => rejectTopic(p, t.topic));
      say(`${t.label} rejected: Parapet will never infer it again, under this name or a near one.`);
    },
    pin: (t, pinned) => {
      void update((p) => setPinned(p, t.topic, pinned));
      say(pinned ? `${t.label} pinned.` : `${t.label} unpinned.`);
    },
    forget: (t) => {
      void update((p) => forgetTopic(p, t.topic, Date.now()));
      say(`${t.label} forgotten: the evidence so far no longer counts.`);
    },
  };

  return (
    <div className="inf-view">
      <Section
        title="What Parapet thinks you like"
        description="Learned on this device from what you open, watch, search, show anyway and hide. Topics are grouped by meaning and named after what their items say. Confirm a topic to add it to your interests; reject it and it is never inferred again, under any near name."
      >
        <p className="visually-hidden" role="status" aria-live="polite">
          {status}
        </p>
        {status ? <p className="inf-status" aria-hidden="true">{status}</p> : null}
        {topics.length ? (
          <ul className="inf-topics">
            {topics.map((t) => (
              <TopicCard key={t.topic} topic={t} actions={actions} />
            ))}
          </ul>
        ) : (
          <p className="empty-row">No interest stands out yet. Topics appear once they recur across a few items you chose.</p>
        )}
        <div className="inf-kept">
          {profile.interests.length ? (
            <div>
              <p className="group-title">In your profile</p>
              <ul className="chips" aria-label="Your interests">
                {profile.interests.map((i) => (
                  <li key={i.id}>
                    <Chip text={i.label} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {profile.inferred.rejected.length ? (
            <div>
              <p className="group-title">Never inferred again</p>
              <ul className="chips" aria-label="Rejected topics">
                {profile.inferred.rejected.map((r) => (
                  <li key={r}>
                    <Chip
                      text={r}
                      tone="avoid"
                      removeLabel={`Allow ${r} to be inferred again`}
                      onRemove={() => {
                        void update((p) => unrejectTopic(p, r));
                        say(`${r} may be inferred again.`);
                      }}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </Section>
      <TimelineChart events={timeline} />
      <PlatformMix platforms={data.summary.platforms} considered={data.summary.considered} />
      <ManipulationChart points={data.summary.manipulation} platforms={data.summary.platforms} />
      <DiversityGuard
        report={data.summary.diversity}
        exploreShare={profile.display.exploreShare}
        onExploreShare={(v) => void update((p) => setDisplay(p, { exploreShare: v }))}
      />
    </div>
  );
}
