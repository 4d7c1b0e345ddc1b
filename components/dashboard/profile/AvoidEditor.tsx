import { useId } from 'react';
import { addAvoidTopic, checkLabel, removeAvoidTopic, updateAvoidTopic } from '../../profile-edit';
import { fieldKey } from '../../form-errors';
import { ChipInput } from '../../ui/Chip';
import { Icon } from '../../ui/Icon';
import { Section } from '../../ui/Section';
import { TopicAddRow } from './TopicAddRow';
import { TopicCatches } from './TopicCatches';
import { FieldError } from './FieldError';
import type { EditorProps } from './types';

export function AvoidEditor({ draft, change, errors }: EditorProps) {
  const uid = useId();
  return (
    <Section
      title="Avoid-topics"
      description="Topics you want less of. Matching items are hidden or pushed down, following your display settings."
      icon={<Icon name="ban" size={18} />}
    >
      {draft.avoidTopics.length === 0 ? <p className="empty-row">Nothing to avoid yet.</p> : null}
      <ul className="rows">
        {draft.avoidTopics.map((topic, i) => {
          const labelErr = errors[fieldKey('avoidTopics', i, 'label')];
          const kwErr = Object.entries(errors).find(([k]) => k.startsWith(fieldKey('avoidTopics', i, 'keywords')))?.[1];
          const id = `${uid}-${topic.id}`;
          return (
            <li key={topic.id} className="row-card">
              <div className="row-main">
                <div className="row-field grow">
                  <label htmlFor={`${id}-label`} className="mini-label">
                    Avoid
                  </label>
                  <input
                    id={`${id}-label`}
                    data-field={fieldKey('avoidTopics', i, 'label')}
                    className="input"
                    value={topic.label}
                    maxLength={200}
                    aria-invalid={labelErr ? true : undefined}
                    aria-describedby={labelErr ? `${id}-label-err` : undefined}
                    onChange={(e) => change((p) => updateAvoidTopic(p, topic.id, { label: e.target.value }))}
                  />
                  <FieldError id={`${id}-label-err`} message={labelErr} />
                </div>
                <button
                  type="button"
                  className="btn btn-ghost btn-icon row-remove"
                  aria-label={`Remove avoid-topic ${topic.label}`}
                  title="Remove"
                  onClick={() => change((p) => removeAvoidTopic(p, topic.id))}
                >
                  <Icon name="trash" size={16} />
                </button>
              </div>
              <div className="row-sub">
                <ChipInput
                  label={`Keywords for ${topic.label}`}
                  noun={`keyword for ${topic.label}`}
                  tone="neutral"
                  placeholder="Add a keyword"
                  items={topic.keywords.map((k) => ({ key: k, text: k }))}
                  check={(t) => checkLabel(t, topic.keywords, 'keywords')}
                  onAdd={(k) => change((p) => updateAvoidTopic(p, topic.id, { keywords: [...topic.keywords, k] }))}
                  onRemove={(k) => change((p) => updateAvoidTopic(p, topic.id, { keywords: topic.keywords.filter((x) => x !== k) }))}
                />
                {kwErr ? <p className="field-error">Keywords: {kwErr}</p> : null}
                <TopicCatches
                  kind="avoid"
                  label={topic.label}
                  keywords={topic.keywords}
                  exclude={topic.exclude}
                  onExcludeChange={(exclude) => change((p) => updateAvoidTopic(p, topic.id, { exclude }))}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <TopicAddRow
        kind="avoid"
        noun="avoid-topic"
        placeholder="New topic to avoid, e.g. crypto giveaways"
        check={(t) => checkLabel(t, draft.avoidTopics.map((a) => a.label), 'avoid-topics')}
        onAdd={(label, exclude) => change((p) => addAvoidTopic(p, label, exclude))}
      />
    </Section>
  );
}
