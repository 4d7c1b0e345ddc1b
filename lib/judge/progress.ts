import type { LoadProgress } from './engine';

/** Turns WebLLM's initProgressCallback report into bytes, percent and time left. WebLLM reports a fraction and a
 * sentence ("Fetching param cache[3/22]: 120MB fetched. 35% completed, 12 secs elapsed."); the megabytes are only
 * in the sentence, so they are read from it, and the total follows from megabytes and fraction. */
export function parseWebLlmProgress(report: { progress: number; text: string; timeElapsed?: number }, elapsedSeconds: number): LoadProgress {
  const fraction = Number.isFinite(report.progress) ? Math.min(1, Math.max(0, report.progress)) : 0;
  const mb = /(\d+(?:\.\d+)?)\s*MB fetched/i.exec(report.text);
  const loadedMB = mb ? Number(mb[1]) : null;
  const totalMB = loadedMB !== null && fraction > 0.01 ? Math.round(loadedMB / fraction) : null;
  const etaSeconds = fraction > 0.01 && fraction < 1 && elapsedSeconds > 0 ? Math.round((elapsedSeconds * (1 - fraction)) / fraction) : fraction >= 1 ? 0 : null;
  return { fraction, text: report.text.slice(0, 300), loadedMB, totalMB, etaSeconds };
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return 'estimating time left';
  if (seconds < 60) return `${seconds} s left`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${seconds % 60} s left` : `${Math.floor(m / 60)} h ${m % 60} min left`;
}
