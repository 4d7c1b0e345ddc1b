import { POLICY_KINDS, type PolicyAction, type PolicyKind } from '@/lib/schema/profile';
import { kindExceptions, kindSentence } from '@/lib/core/exception-words';
import { setPolicy } from '../../profile-edit';
import { hashFor } from '../routes';
import { Icon } from '../../ui/Icon';
import { Section } from '../../ui/Section';
import { Segmented } from '../../ui/Segmented';
import { Slider } from '../../ui/Slider';
import type { EditorProps } from './types';

const KIND_TEXT: Record<PolicyKind, { name: string; what: string }> = {
  promoted: { name: 'Ads the platform marks', what: 'Sponsored posts and promoted videos the site itself labels.' },
  clickbait: { name: 'Clickbait', what: 'Titles that withhold the point to make you click.' },
  rage: { name: 'Rage bait', what: 'Posts written to make you angry.' },
  engagement: { name: 'Engagement bait', what: '“Comment YES if…”, “Tag a friend who…”.' },
  urgency: { name: 'False urgency', what: '“Before it’s deleted”, countdowns, “last chance”.' },
  promotion: { name: 'Hidden promotion', what: 'Affiliate links and discount codes the site did not mark as ads.' },
  shorts: { name: 'Shorts', what: 'Short-form video shelves and items.' },
};

const ACTIONS: { value: PolicyAction; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'label', label: 'Label' },
  { value: 'demote', label: 'Push down' },
  { value: 'hide', label: 'Hide' },
];

const strictnessWord = (s: number) => (s < 0.34 ? 'only sure cases' : s < 0.67 ? 'balanced' : 'anything likely');

export function PoliciesEditor({ draft, change }: EditorProps) {
  return (
    <Section
      title="Manipulation"
      description="What Parapet does when it finds each kind. Strictness trades missed cases for false alarms."
      icon={<Icon name="alert" size={18} />}
    >
      <ul className="policy-list">
        {POLICY_KINDS.map((kind) => {
          const policy = draft.policies[kind];
          const text = KIND_TEXT[kind];
          // The setting says "Hide" for every site; an exception that shows this kind somewhere is said beside it.
          const excepted = kindExceptions(draft.exceptions, kind);
          return (
            <li key={kind} className={`policy ${policy.action === 'off' ? 'is-off' : ''}`}>
              <div className="policy-text">
                <h3 className="policy-name">{text.name}</h3>
                <p className="policy-what">{text.what}</p>
                {excepted.length ? (
                  <p className="policy-except" data-testid={`policy-exception-${kind}`}>
                    <Icon name="info" size={13} /> Except: {excepted.map((e) => kindSentence(kind, e.platform)).join('; ')} (your exception
                    {excepted.length > 1 ? 's' : ''}, <a href={hashFor('exceptions')}>manage</a>).
                  </p>
                ) : null}
              </div>
              <Segmented label={`${text.name}: action`} value={policy.action} options={ACTIONS} onChange={(a) => change((p) => setPolicy(p, kind, { action: a }))} />
              <div className="policy-strict">
                <span className="mini-label" aria-hidden="true">
                  Strictness · {strictnessWord(policy.strictness)}
                </span>
                <Slider
                  label={`${text.name}: strictness`}
                  hideLabel
                  value={policy.strictness}
                  disabled={policy.action === 'off'}
                  valueText={(v) => `${Math.round(v * 100)}%, ${strictnessWord(v)}`}
                  onChange={(v) => change((p) => setPolicy(p, kind, { strictness: v }))}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
