import type { FeedItem } from '../../schema/item';

/**
 * The platform's own ad marker, as the adapter saw it (an ad slot element, a `promoted` attribute, a
 * "Promoted" placement). It is a fact about the page, not a guess about the words, hence confidence 1.
 */
export function detectPromoted(item: FeedItem): { confidence: 1; evidence: string[] } | null {
  if (!item.promoted && item.promotedMarkers.length === 0 && item.kind !== 'ad') return null;
  const evidence = item.promotedMarkers.length ? item.promotedMarkers.slice(0, 5) : ['marked as an ad by the site'];
  return { confidence: 1, evidence };
}
