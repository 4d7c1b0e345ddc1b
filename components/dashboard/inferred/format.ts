import type { SignalType } from '@/lib/schema/log';
import type { Evidence } from '@/lib/core/inference/infer';

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
export const formatDay = (ts: number) => day.format(ts);
export const formatShortDay = (ts: number) => shortDay.format(ts);

const SIGNAL_WORDS: Record<SignalType, string> = {
  open: 'Opened',
  dwell: 'Watched',
  search: 'Searched',
  'show-anyway': 'Shown anyway',
  'hide-by-hand': 'Hidden by hand',
  'less-like-this': 'Less like this',
  verdict: 'Verdict',
};

export const evidenceVerb = (e: Pick<Evidence, 'type'>) => SIGNAL_WORDS[e.type];

/** Only web links open from the dashboard; anything else a page put in a URL field stays text. */
export const isWebUrl = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);
