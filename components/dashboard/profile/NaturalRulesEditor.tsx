import { useId } from 'react';
import { WITHOUT_MODEL } from '@/lib/judge/readiness';
import { addNaturalRule, checkNaturalRule, removeNaturalRule, updateNaturalRule } from '../../profile-edit';
import { fieldKey } from '../../form-errors';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { Toggle } from '../../ui/Toggle';
import { useReadiness } from '../model/useReadiness';
import { AddRow } from './AddRow';
import { FieldError } from './FieldError';
import type { EditorProps } from './types';

/** Rules in the user's own words ("no videos reacting to other videos"). No fast rule can check them: the local
 * model reads each item against them and hides what clearly breaks one, saying which. Where the model does not
 * run, the editor says so plainly, and that the rules wait. */
export function NaturalRulesEditor({ draft, change, errors }: EditorProps) {
  const uid = useId();
  const readiness = useReadiness();
  const judged = readiness.state === 'ready';
  return (
    <Section
      title="Rules in your own words"
      description="Say what you do not want to see, as you would to a person. The local model reads each item against these rules and hides one that clearly breaks a rule, naming the rule."
      icon={<Icon name="chat" size={18} />}
    >
      <div data-testid="natural-rules-status">
        {judged ? (
          <Notice tone="ok">{readiness.words}</Notice>
        ) : readiness.state === 'checking' ? (
          <p className="muted small">{readiness.words}</p>
        ) : (
          <Notice tone={readiness.state === 'cannot-run' ? 'warn' : 'info'}>
            {readiness.state === 'cannot-run'
              ? `These rules do nothing on this device: they need the local model, which cannot run here. ${readiness.why}`
              : `These rules do nothing until the local model runs. ${readiness.words}`}{' '}
            {WITHOUT_MODEL}
          </Notice>
        )}
      </div>
      {draft.naturalRules.length === 0 ? <p className="empty-row">No rules in words yet.</p> : null}
      <ul className="rows">
        {draft.naturalRules.map((rule, i) => {
          const id = `${uid}-${rule.id}`;
          const err = errors[fieldKey('naturalRules', i, 'text')];
          return (
            <li key={rule.id} className={`row-card ${rule.enabled ? '' : 'is-off'}`}>
              <div className="row-main">
                <div className="row-field grow">
                  <label htmlFor={`${id}-text`} className="mini-label">
                    Rule {i + 1}
                  </label>
                  <textarea
                    id={`${id}-text`}
                    data-field={fieldKey('naturalRules', i, 'text')}
                    className="input natural-rule-text"
                    rows={2}
                    value={rule.text}
                    maxLength={500}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={err ? `${id}-text-err` : undefined}
                    onChange={(e) => change((p) => updateNaturalRule(p, rule.id, { text: e.target.value }))}
                  />
                  <FieldError id={`${id}-text-err`} message={err} />
                </div>
                <div className="row-actions">
                  <Toggle
                    label={`Rule in words ${i + 1} on`}
                    hideLabel
                    checked={rule.enabled}
                    onChange={(on) => change((p) => updateNaturalRule(p, rule.id, { enabled: on }))}
                  />
                  <button
                    type="button"
                    className="btn btn-ghost btn-icon"
                    aria-label={`Remove rule in words ${i + 1}`}
                    title="Remove"
                    onClick={() => change((p) => removeNaturalRule(p, rule.id))}
                  >
                    <Icon name="trash" size={16} />
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <AddRow
        noun="rule in words"
        placeholder="e.g. No videos that just react to other videos"
        maxLength={500}
        check={(t) => checkNaturalRule(t, draft.naturalRules.map((r) => r.text))}
        onAdd={(text) => change((p) => addNaturalRule(p, text))}
      />
    </Section>
  );
}
