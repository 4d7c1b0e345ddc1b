/** The dashboard's views, in navigation order. The id is the hash route: `dashboard.html#/data`. */
export const VIEWS = [
  { id: 'profile', label: 'Profile', hint: 'What you want and what you avoid' },
  { id: 'exceptions', label: 'Exceptions', hint: 'What you told Parapet to let through, to show less, and what you hid yourself' },
  { id: 'inferred', label: 'Inferred model', hint: 'What Parapet believes about you' },
  { id: 'flagged', label: 'Flagged', hint: 'Items waiting for your verdict' },
  { id: 'activity', label: 'Activity', hint: 'Everything Parapet did, and why' },
  { id: 'chat', label: 'Chat instructions', hint: 'Standing instructions for chat assistants' },
  { id: 'model', label: 'Model', hint: 'The local language model' },
  { id: 'data', label: 'Data', hint: 'Export, import and wipe' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];
export const DEFAULT_VIEW: ViewId = 'profile';

/** `#/data`, `#data`, `#/data/anything?x` → `data`; anything unknown → the default view. */
export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0]?.toLowerCase() ?? '';
  return (VIEWS.find((v) => v.id === id)?.id ?? DEFAULT_VIEW) as ViewId;
}

export const hashFor = (id: ViewId) => `#/${id}`;
