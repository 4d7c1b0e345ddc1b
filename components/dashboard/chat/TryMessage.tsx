import { useEffect, useId, useState } from 'react';
import { send } from '@/lib/messaging';
import { formatBlock } from '@/lib/core/chat-block';
import { CHAT_SITES, SITE_LABELS, type ChatSite } from '@/lib/schema/common';
import type { Profile } from '@/lib/schema/profile';
import type { Responses } from '@/lib/schema/messages';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';

type Answer = Responses['chat/select'];
const DELAY_MS = 300;

/** Why an instruction that was not chosen stays out: the reasons the user can change come first. */
function whyNot(profile: Profile, site: ChatSite, id: string): string {
  const i = profile.instructions.find((x) => x.id === id);
  if (!i) return '';
  if (!i.enabled) return 'switched off';
  if (!i.sites.includes(site)) return `not sent to ${SITE_LABELS[site]}`;
  if (i.scope.type === 'topics') return `this message is not about ${i.scope.topics.join(', ')}`;
  return 'does not fit this message';
}

/** A sample message through the same selection the chat sites use (`chat/select`), with the message as it would be sent. */
export function TryMessage({ profile }: { profile: Profile }) {
  const id = useId();
  const [site, setSite] = useState<ChatSite>('chatgpt');
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!message.trim()) {
      setAnswer(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      send('chat/select', { site, message })
        .then((a) => live && (setAnswer(a), setError(null)))
        .catch((e: Error) => live && setError(e.message));
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // The profile is a dependency: an edit above changes the answer at once.
  }, [site, message, profile]);

  const chosen = new Map((answer?.selections ?? []).map((s) => [s.id, s]));
  const block = formatBlock((answer?.selections ?? []).map((s) => s.text));
  const sent = !block ? message : answer?.placement === 'start' ? `${block}\n${message}` : `${message}\n${block}`;

  return (
    <div className="chat-try">
      <div className="chat-try-inputs">
        <div className="chat-field">
          <label className="mini-label" htmlFor={`${id}-site`}>
            Site
          </label>
          <select id={`${id}-site`} className="select" value={site} onChange={(e) => setSite(e.target.value as ChatSite)}>
            {CHAT_SITES.map((s) => (
              <option key={s} value={s}>
                {SITE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="chat-field chat-try-message">
          <label className="mini-label" htmlFor={`${id}-msg`}>
            Sample message
          </label>
          <textarea
            id={`${id}-msg`}
            className="input chat-textarea"
            rows={3}
            maxLength={5000}
            placeholder="e.g. What should I cook for six people tonight?"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
      </div>
      {error ? <Notice tone="error">Could not check the message: {error}</Notice> : null}
      {answer ? (
        <div className="chat-try-result" aria-live="polite">
          {!answer.enabled ? (
            <Notice tone="warn">
              {profile.paused ? 'Parapet is paused on every site' : `Parapet is switched off on ${SITE_LABELS[site]}`}: nothing is added.
            </Notice>
          ) : null}
          <h3 className="group-title">
            {chosen.size === 0 ? 'Nothing would be added' : chosen.size === 1 ? '1 instruction would be added' : `${chosen.size} instructions would be added`}
          </h3>
          <ul className="chat-try-list" aria-label="Instructions for this message">
            {profile.instructions.map((i) => {
              const pick = chosen.get(i.id);
              return (
                <li key={i.id} className={pick ? 'is-added' : 'is-left'}>
                  <Icon name={pick ? 'check' : 'x'} size={14} />
                  <span className="chat-try-text">{i.text}</span>
                  <span className="chat-try-why">{pick ? (pick.why === 'always' ? 'always added' : pick.why) : answer.enabled ? whyNot(profile, site, i.id) : 'not added'}</span>
                </li>
              );
            })}
          </ul>
          {block ? (
            <>
              <h3 className="group-title">As sent to {SITE_LABELS[site]}</h3>
              <pre className="chat-try-sent">{sent}</pre>
            </>
          ) : null}
        </div>
      ) : (
        <p className="muted small">Type a message to see which instructions Parapet would add to it, and why.</p>
      )}
    </div>
  );
}
