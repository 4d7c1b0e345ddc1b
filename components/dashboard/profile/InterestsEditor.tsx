import { useId } from 'react';
import { addInterest, checkLabel, removeInterest, updateInterest } from '../../profile-edit';
import { fieldKey } from '../../form-errors';
import { ChipInput } from '../../ui/Chip';
import { Icon } from '../../ui/Icon';
import { Section } from '../../ui/Section';
import { Slider } from '../../ui/Slider';
import { FieldError } from './FieldError';
import { TopicAddRow } from './TopicAddRow';
import { TopicCatches } from './TopicCatches';
import type { EditorProps } from './types';

const weightWord = (w: number) => (w >= 0.85 ? 'strong' : w >= 0.55 ? 'normal' : w >= 0.25 ? 'mild' : 'faint');

export function InterestsEditor({ draft, change, errors }: EditorProps) {
  const uid = useId();
  return (
    <Section
      title="Interests"
      description="Topics you want more of. Matching items rise in your feeds; the weight says how much. Keywords widen what counts as a match."
      icon={<Icon name="sparkle" size={18} />}
    >
      {draft.interests.length === 0 ? <p className="empty-row">No interests yet.</p> : null}
      <ul className="rows">
        {draft.interests.map((interest, i) => {
          const labelErr = errors[fieldKey('interests', i, 'label')];
          const kwErr = Object.entries(errors).find(([k]) => k.startsWith(fieldKey('interests', i, 'keywords')))?.[1];
          const id = `${uid}-${interest.id}`;
          return (
            <li key={interest.id} className="row-card">
              <div className="row-main">
                <div className="row-field grow">
                  <label htmlFor={`${id}-label`} className="mini-label">
                    Interest
                  </label>
                  <input
                    id={`${id}-label`}
                    data-field={fieldKey('interests', i, 'label')}
                    className="input"
                    value={interest.label}
                    maxLength={200}
                    aria-invalid={labelErr ? true : undefined}
                    aria-describedby={labelErr ? `${id}-label-err` : undefined}
                    onChange={(e) => change((p) => updateInterest(p, interest.id, { label: e.target.value }))}
                  />
                  <FieldError id={`${id}-label-err`} message={labelErr} />
                </div>
                <div className="row-field weight">
                  <span className="mini-label" aria-hidden="true">
                    Weight · {weightWord(interest.weight)}
                  </span>
                  <Slider
                    label={`Weight of ${interest.label || 'this interest'}`}
                    hideLabel
                    value={interest.weight}
                    onChange={(w) => change((p) => updateInterest(p, interest.id, { weight: w }))}
                  />
                </div>
                <button
                  type="button"
                  className="btn btn-ghost btn-icon row-remove"
                  aria-label={`Remove interest ${interest.label}`}
                  title="Remove"
                  onClick={() => change((p) => removeInterest(p, interest.id))}
                >
                  <Icon name="trash" size={16} />
                </button>
              </div>
              <div className="row-sub">
                <ChipInput
                  label={`Keywords for ${interest.label}`}
                  noun={`keyword for ${interest.label}`}
                  tone="neutral"
                  placeholder="Add a keyword"
                  items={interest.keywords.map((k) => ({ key: k, text: k }))}
                  check={(t) => checkLabel(t, interest.keywords, 'keywords')}
                  onAdd={(k) => change((p) => updateInterest(p, interest.id, { keywords: [...interest.keywords, k] }))}
                  onRemove={(k) => change((p) => updateInterest(p, interest.id, { keywords: interest.keywords.filter((x) => x !== k) }))}
                />
                {kwErr ? <p className="field-error">Keywords: {kwErr}</p> : null}
                <TopicCatches
                  kind="interest"
                  label={interest.label}
                  keywords={interest.keywords}
                  exclude={interest.exclude}
                  onExcludeChange={(exclude) => change((p) => updateInterest(p, interest.id, { exclude }))}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <TopicAddRow
        kind="interest"
        noun="interest"
        placeholder="New interest, e.g. urban gardening"
        check={(t) => checkLabel(t, draft.interests.map((i) => i.label), 'interests')}
        onAdd={(label, exclude) => change((p) => addInterest(p, label, undefined, exclude))}
      />
    </Section>
  );
}
