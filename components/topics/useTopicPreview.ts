import { useEffect, useState } from 'react';
import { send } from '@/lib/messaging';
import { label as labelSchema } from '@/lib/schema/common';
import type { TopicPreview } from '@/lib/core/topic-preview';

export type TopicKind = 'avoid' | 'interest';

export interface TopicPreviewState {
  /** The answer for `forLabel`; kept while the next one is on its way, so the panel does not flicker per key. */
  preview: TopicPreview | null;
  forLabel: string;
  loading: boolean;
  error: string | null;
}

/** Quiet time after the last key before asking: the background expands the topic and reads the log each time. */
export const PREVIEW_DEBOUNCE_MS = 250;

const IDLE: TopicPreviewState = { preview: null, forLabel: '', loading: false, error: null };

/**
 * What a topic would catch, asked of the background (which holds the meaning model; the popup never loads it)
 * a moment after the user stops typing. `enabled: false` asks nothing (a closed panel).
 */
export function useTopicPreview(
  text: string,
  kind: TopicKind,
  opts: { exclude?: readonly string[]; keywords?: readonly string[]; enabled?: boolean } = {},
): TopicPreviewState {
  const [state, setState] = useState<TopicPreviewState>(IDLE);
  const parsed = labelSchema.safeParse(text);
  const label = parsed.success ? parsed.data : '';
  const enabled = (opts.enabled ?? true) && label.length > 0;
  // Arrays from the caller are new on each render; their contents decide when to ask again.
  const exclude = JSON.stringify(opts.exclude ?? []);
  const keywords = JSON.stringify(opts.keywords ?? []);

  useEffect(() => {
    if (!enabled) {
      setState(IDLE);
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      send('topics/preview', { label, kind, exclude: JSON.parse(exclude) as string[], keywords: JSON.parse(keywords) as string[] })
        .then((preview) => live && setState({ preview, forLabel: label, loading: false, error: null }))
        .catch((e: Error) => live && setState({ preview: null, forLabel: label, loading: false, error: e.message }));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [enabled, label, kind, exclude, keywords]);

  return state;
}
