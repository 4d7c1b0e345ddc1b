import { useCallback, useState } from 'react';
import { withDropped, withRestored } from './exclusions';
import { useTopicPreview, type TopicKind, type TopicPreviewState } from './useTopicPreview';

export interface TopicDraft {
  text: string;
  setText(text: string): void;
  /** Related words dropped while typing; they go into the new topic's `exclude`. */
  excluded: string[];
  drop(word: string): void;
  restore(word: string): void;
  preview: TopicPreviewState;
}

/** A topic being typed, before it is added: its text, the words dropped from it so far, and its preview. */
export function useTopicDraft(kind: TopicKind): TopicDraft {
  const [text, setTextState] = useState('');
  const [excluded, setExcluded] = useState<string[]>([]);
  const setText = useCallback((t: string) => {
    setTextState(t);
    // An emptied box (the topic was added, or the user started over) starts a new topic with nothing dropped.
    if (!t.trim()) setExcluded([]);
  }, []);
  const preview = useTopicPreview(text, kind, { exclude: excluded });
  return {
    text,
    setText,
    excluded,
    drop: (w) => setExcluded((e) => withDropped(e, w)),
    restore: (w) => setExcluded((e) => withRestored(e, w)),
    preview,
  };
}
