import { useId } from 'react';
import { FEED_PLATFORMS, SITE_LABELS } from '@/lib/schema/common';
import type { RuleAction } from '@/lib/schema/profile';
import { addRule, regexError, removeRule, toggleRulePlatform, updateRule } from '../../profile-edit';
import { fieldKey } from '../../form-errors';
import { regexRisk } from '@/lib/core/shield/regex-risk';
import { readableRule } from '@/lib/core/reason-words';
import { Icon } from '../../ui/Icon';
import { Section } from '../../ui/Section';
import { Toggle } from '../../ui/Toggle';
import type { EditorProps } from './types';

const ACTIONS: { value: RuleAction; label: string }[] = [
  { value: 'hide', label: 'Hide' },
  { value: 'demote', label: 'Push down' },
  { value: 'label', label: 'Label' },
  { value: 'boost', label: 'Boost' },
];

export function RulesEditor({ draft, change, errors }: EditorProps) {
  const uid = useId();
  return (
    <Section
      title="Keyword and pattern rules"
      description="Exact rules that always apply. A keyword matches whole words in titles; a regular expression matches anywhere, ignoring case."
      icon={<Icon name="sliders" size={18} />}
      actions={
        <button type="button" className="btn" onClick={() => change((p) => addRule(p))}>
          <Icon name="plus" size={14} /> Add rule
        </button>
      }
    >
      {draft.rules.length === 0 ? <p className="empty-row">No rules yet. Rules are for what you can name exactly: a word, a phrase, a pattern.</p> : null}
      <ul className="rows">
        {draft.rules.map((rule, i) => {
          const id = `${uid}-${rule.id}`;
          // Controls name a rule as it reads ("Rule “giveaway”"), never by its raw pattern.
          const name = rule.pattern.trim() ? `${i + 1}, ${readableRule(rule.pattern, rule.kind)}` : `${i + 1}`;
          // Shown while typing, before the schema would refuse it at save.
          const compileErr = rule.kind === 'regex' ? regexError(rule.pattern) : null;
          const riskErr = rule.kind === 'regex' && rule.pattern && !compileErr ? regexRisk(rule.pattern) : null;
          const patternErr = compileErr
            ? `Not a valid regular expression: ${compileErr}`
            : riskErr
              ? `Parapet will not run this pattern: it ${riskErr}.`
              : errors[fieldKey('rules', i, 'pattern')];
          return (
            <li key={rule.id} className={`row-card rule ${rule.enabled ? '' : 'is-off'}`}>
              <div className="rule-grid">
                <div className="row-field">
                  <label className="mini-label" htmlFor={`${id}-kind`}>
                    Type
                  </label>
                  <select
                    id={`${id}-kind`}
                    className="select"
                    value={rule.kind}
                    onChange={(e) => change((p) => updateRule(p, rule.id, { kind: e.target.value as 'keyword' | 'regex' }))}
                  >
                    <option value="keyword">Keyword</option>
                    <option value="regex">Regex</option>
                  </select>
                </div>
                <div className="row-field grow">
                  <label className="mini-label" htmlFor={`${id}-pattern`}>
                    {rule.kind === 'regex' ? 'Pattern' : 'Keyword or phrase'}
                  </label>
                  <input
                    id={`${id}-pattern`}
                    data-field={fieldKey('rules', i, 'pattern')}
                    className={`input ${rule.kind === 'regex' ? 'input-mono' : ''}`}
                    value={rule.pattern}
                    maxLength={500}
                    spellCheck={false}
                    placeholder={rule.kind === 'regex' ? String.raw`e.g. \bgiveaway\b` : 'e.g. spoilers'}
                    aria-invalid={patternErr ? true : undefined}
                    aria-describedby={patternErr ? `${id}-pattern-err` : undefined}
                    onChange={(e) => change((p) => updateRule(p, rule.id, { pattern: e.target.value }))}
                  />
                </div>
                <div className="row-field">
                  <label className="mini-label" htmlFor={`${id}-action`}>
                    Then
                  </label>
                  <select
                    id={`${id}-action`}
                    className="select"
                    value={rule.action}
                    onChange={(e) => change((p) => updateRule(p, rule.id, { action: e.target.value as RuleAction }))}
                  >
                    {ACTIONS.map((a) => (
                      <option key={a.value} value={a.value}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="row-actions">
                  <Toggle
                    label={`Rule ${name} enabled`}
                    hideLabel
                    checked={rule.enabled}
                    onChange={(on) => change((p) => updateRule(p, rule.id, { enabled: on }))}
                  />
                  <button
                    type="button"
                    className="btn btn-ghost btn-icon"
                    aria-label={`Remove rule ${name}`}
                    title="Remove"
                    onClick={() => change((p) => removeRule(p, rule.id))}
                  >
                    <Icon name="trash" size={16} />
                  </button>
                </div>
              </div>
              {patternErr ? (
                <p id={`${id}-pattern-err`} className="field-error" role={compileErr ? 'alert' : undefined}>
                  {patternErr}
                </p>
              ) : null}
              <fieldset className="platform-picks">
                <legend className="mini-label">On {rule.platforms.length === 0 ? 'every platform' : 'these platforms'}</legend>
                {FEED_PLATFORMS.map((pl) => {
                  const on = rule.platforms.length === 0 || rule.platforms.includes(pl);
                  return (
                    <label key={pl} className={`pick ${on ? 'is-on' : ''}`}>
                      <input
                        type="checkbox"
                        checked={on}
                        onChange={() => change((p) => updateRule(p, rule.id, { platforms: toggleRulePlatform(rule, pl) }))}
                      />
                      {SITE_LABELS[pl]}
                    </label>
                  );
                })}
              </fieldset>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
