import { SITE_LABELS, type FeedPlatform } from '@/lib/schema/common';
import { Chip } from '../ui/Chip';
import type { TopicKind, TopicPreviewState } from './useTopicPreview';
import './topic-preview.css';

/** How many related words fit under a chip box in the popup; the Profile view shows them all. */
const RELATED_COMPACT = 8;

const siteName = (p: string) => SITE_LABELS[p as FeedPlatform] ?? p;

/**
 * "See before you trust": the related words a topic stands for, each one the user can drop, and a few items of
 * their own recent feed it would hide or bring up, with the words that make each one count. Page titles are
 * untrusted text: React renders them as text only.
 */
export function TopicPreview({
  kind,
  label,
  state,
  excluded,
  onDrop,
  onRestore,
  compact = false,
}: {
  kind: TopicKind;
  label: string;
  state: TopicPreviewState;
  excluded: readonly string[];
  onDrop: (word: string) => void;
  onRestore: (word: string) => void;
  compact?: boolean;
}) {
  const { preview, loading, error } = state;
  const topic = label.trim();
  if (!topic) return null;
  const verb = kind === 'avoid' ? 'hide' : 'bring up';
  // A word just dropped leaves at once, before the background's next answer (which no longer has it) arrives.
  const dropped = new Set(excluded.map((w) => w.toLocaleLowerCase()));
  const kept = (preview?.related ?? []).filter((w) => !dropped.has(w.toLocaleLowerCase()));
  const related = compact ? kept.slice(0, RELATED_COMPACT) : kept;

  return (
    <section className={`tp ${compact ? 'tp-compact' : ''} ${kind === 'avoid' ? 'tp-avoid' : ''}`} aria-label={`What “${topic}” will catch`} aria-busy={loading}>
      {error ? (
        <p className="tp-note">Parapet could not show what this topic catches: {error}</p>
      ) : !preview ? (
        <p className="tp-note">Looking at what “{topic}” would catch…</p>
      ) : (
        <>
          {related.length ? (
            <div className="tp-block">
              <p className="tp-head">Also counts as “{topic}”: drop what does not belong</p>
              <ul className="chips tp-related" aria-label={`Related words for ${topic}`}>
                {related.map((w) => (
                  <li key={w}>
                    <Chip text={w} tone="neutral" removeLabel={`Drop “${w}” from ${topic}`} onRemove={() => onDrop(w)} />
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="tp-note">
              {preview.known ? 'No related words.' : `Parapet does not know “${topic}” as a subject: only items with these words will count.`}
            </p>
          )}
          {excluded.length ? (
            <div className="tp-dropped">
              <span className="tp-dropped-label">Not counted:</span>
              <ul className="tp-dropped-list" aria-label={`Words dropped from ${topic}`}>
                {excluded.map((w) => (
                  <li key={w}>
                    <button type="button" className="tp-restore" onClick={() => onRestore(w)} aria-label={`Count “${w}” again for ${topic}`}>
                      <s>{w}</s> <span aria-hidden="true">↺</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="tp-block">
            <p className="tp-head" aria-live="polite">
              {preview.scanned === 0
                ? `Nothing from your feeds yet: open one and come back to see what it would ${verb}.`
                : preview.matches === 0
                  ? `Would ${verb} none of your last ${preview.scanned} items.`
                  : `Would ${verb} ${preview.matches} of your last ${preview.scanned} items, such as:`}
            </p>
            {preview.examples.length ? (
              <ul className="tp-examples" aria-label={`Recent items “${topic}” would ${verb}`}>
                {preview.examples.map((e) => (
                  <li key={`${e.platform}:${e.title}`} className="tp-example">
                    <span className="tp-title">{e.title}</span>
                    <span className="tp-why">
                      {siteName(e.platform)} · {e.matched.join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
