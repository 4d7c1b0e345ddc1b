import { SITE_LABELS } from '@/lib/schema/common';
import type { InferredTopic } from '@/lib/core/inference/infer';
import { Icon } from '../../ui/Icon';
import { evidenceVerb, formatDay, isWebUrl } from './format';

export interface TopicActions {
  confirm(t: InferredTopic): void;
  reject(t: InferredTopic): void;
  pin(t: InferredTopic, pinned: boolean): void;
  forget(t: InferredTopic): void;
}

/** One inference: how sure, since when, the items behind it, and the four controls. */
export function TopicCard({ topic, actions }: { topic: InferredTopic; actions: TopicActions }) {
  const pct = Math.round(topic.confidence * 100);
  const items = topic.items ?? new Set(topic.evidence.map((e) => `${e.platform}:${e.itemId || e.title}`)).size;
  const name = <span className="visually-hidden"> {topic.label}</span>;
  return (
    <li className={`inf-topic card ${topic.pinned ? 'is-pinned' : ''}`} aria-labelledby={`topic-${topic.topic.replace(/\W+/g, '-')}`}>
      <div className="inf-topic-head">
        <div className="inf-topic-title">
          <h3 className="inf-topic-name" id={`topic-${topic.topic.replace(/\W+/g, '-')}`}>
            {topic.label}
          </h3>
          {topic.pinned ? (
            <span className="inf-badge">
              <Icon name="tag" size={11} /> Pinned
            </span>
          ) : null}
        </div>
        <div className="inf-confidence">
          <span className="inf-bar" aria-hidden="true">
            <span style={{ width: `${pct}%` }} />
          </span>
          <span className="inf-pct">{pct}% sure</span>
        </div>
      </div>
      <p className="inf-topic-meta">
        Learned {formatDay(topic.learnedAt)} · {items} {items === 1 ? 'item' : 'items'}
      </p>
      <details className="inf-evidence">
        <summary>Why Parapet thinks so</summary>
        <ul>
          {topic.evidence.map((e, i) => (
            <li key={`${e.signalId ?? i}-${i}`} className={e.weight < 0 ? 'is-negative' : ''}>
              <span className="inf-ev-verb">{evidenceVerb(e)}</span>
              {e.type === 'search' && !e.title ? (
                <span className="inf-ev-title">Search on {SITE_LABELS[e.platform]}</span>
              ) : isWebUrl(e.url) ? (
                <a className="inf-ev-title" href={e.url} target="_blank" rel="noopener noreferrer">
                  {e.title || e.url}
                  <Icon name="external" size={12} />
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                <span className="inf-ev-title">{e.title}</span>
              )}
              <span className="inf-ev-when">
                {SITE_LABELS[e.platform]} · {formatDay(e.ts)}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <div className="inf-actions" role="group" aria-label={`Controls for ${topic.label}`}>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => actions.confirm(topic)}>
          <Icon name="check" size={13} /> Confirm{name}
        </button>
        <button type="button" className="btn btn-sm" onClick={() => actions.pin(topic, !topic.pinned)}>
          <Icon name="tag" size={13} /> {topic.pinned ? 'Unpin' : 'Pin'}
          {name}
        </button>
        <button type="button" className="btn btn-sm" onClick={() => actions.forget(topic)}>
          <Icon name="x" size={13} /> Forget{name}
        </button>
        <button type="button" className="btn btn-sm btn-ghost inf-reject" onClick={() => actions.reject(topic)}>
          <Icon name="ban" size={13} /> Reject{name}
        </button>
      </div>
    </li>
  );
}
