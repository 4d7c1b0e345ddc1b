import { send } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';

export type InferenceData = Responses['inference/get'];

// The view's own file is large (the charts): asking the background while it downloads, not after, saves that time.
let pending: Promise<InferenceData> | null = null;

/** Starts the view's request; the view's first load picks it up. Cheap enough for the router to call at once. */
export function prefetchInference(): void {
  pending ??= send('inference/get', {});
  // A failure is reported by the view when it takes the answer, not here.
  pending.catch(() => {});
}

/** The prefetched answer if one is waiting (once), or a fresh request. */
export function takeInference(): Promise<InferenceData> {
  const p = pending ?? send('inference/get', {});
  pending = null;
  return p;
}
