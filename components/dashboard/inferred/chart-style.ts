import type { CSSProperties } from 'react';
import type { FeedPlatform } from '@/lib/schema/common';

/** Chart colours come from CSS variables (inferred.css), so charts follow the system's dark mode. */
export const PLATFORM_COLORS: Record<FeedPlatform, string> = {
  youtube: 'var(--inf-youtube)',
  reddit: 'var(--inf-reddit)',
  x: 'var(--inf-x)',
  hackernews: 'var(--inf-hackernews)',
};

export const TOOLTIP_STYLE: CSSProperties = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
  fontSize: 12,
};

export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };
