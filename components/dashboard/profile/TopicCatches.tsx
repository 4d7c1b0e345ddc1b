import { useState } from 'react';
import { TopicPreview } from '../../topics/TopicPreview';
import { withDropped, withRestored } from '../../topics/exclusions';
import { useTopicPreview, type TopicKind } from '../../topics/useTopicPreview';

/**
 * Under a topic of the Profile view: what it catches, asked for only when opened (a profile can hold many
 * topics). Dropping or restoring a word edits the draft's `exclude`, saved with the rest of the form.
 */
export function TopicCatches({
  kind,
  label,
  keywords,
  exclude,
  onExcludeChange,
}: {
  kind: TopicKind;
  label: string;
  keywords: readonly string[];
  exclude: readonly string[];
  onExcludeChange: (exclude: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const state = useTopicPreview(label, kind, { exclude, keywords, enabled: open });
  const dropped = exclude.length ? ` · ${exclude.length} ${exclude.length === 1 ? 'word' : 'words'} dropped` : '';
  return (
    <details className="topic-catches" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        What “{label.trim() || 'this topic'}” catches{dropped}
      </summary>
      {open ? (
        <TopicPreview
          kind={kind}
          label={label}
          state={state}
          excluded={exclude}
          onDrop={(w) => onExcludeChange(withDropped(exclude, w))}
          onRestore={(w) => onExcludeChange(withRestored(exclude, w))}
        />
      ) : null}
    </details>
  );
}
