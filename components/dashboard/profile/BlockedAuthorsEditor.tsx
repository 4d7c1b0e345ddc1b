import { FEED_PLATFORMS, SITE_LABELS, type FeedPlatform } from '@/lib/schema/common';
import { addBlockedAuthor, checkLabel, removeBlockedAuthor } from '../../profile-edit';
import { ChipInput } from '../../ui/Chip';
import { Icon } from '../../ui/Icon';
import { Section } from '../../ui/Section';
import type { EditorProps } from './types';

/** Chips past this many per platform are summarised: a long block list is for the activity log, not a wall of chips. */
const SHOWN = 120;

const WHO: Record<FeedPlatform, string> = {
  youtube: 'Channel name',
  reddit: 'User or subreddit',
  x: 'Handle',
  hackernews: 'Username',
};

export function BlockedAuthorsEditor({ draft, change, errors }: EditorProps) {
  const firstError = Object.entries(errors).find(([k]) => k.startsWith('blockedAuthors'))?.[1];
  return (
    <Section
      title="Blocked authors"
      description="Items from these channels and accounts are always hidden, on the platform named."
      icon={<Icon name="ban" size={18} />}
    >
      <div className="author-grid">
        {FEED_PLATFORMS.map((platform) => {
          const names = draft.blockedAuthors.filter((a) => a.platform === platform).map((a) => a.name);
          const more = names.length - SHOWN;
          return (
            <div key={platform} className="author-col" role="group" aria-labelledby={`blocked-${platform}`}>
              <h3 id={`blocked-${platform}`} className="group-title">
                {SITE_LABELS[platform]} <span className="count-badge">{names.length}</span>
              </h3>
              <ChipInput
                label={`Blocked on ${SITE_LABELS[platform]}`}
                noun={`blocked ${SITE_LABELS[platform]} author`}
                tone="neutral"
                placeholder={WHO[platform]}
                empty="None blocked."
                items={names.slice(0, SHOWN).map((n) => ({ key: n, text: n }))}
                check={(t) => checkLabel(t, names, `${SITE_LABELS[platform]} block list`)}
                onAdd={(name) => change((p) => addBlockedAuthor(p, platform, name))}
                onRemove={(name) => change((p) => removeBlockedAuthor(p, platform, name))}
              />
              {more > 0 ? <p className="muted small">and {more} more</p> : null}
            </div>
          );
        })}
      </div>
      {firstError ? <p className="field-error">Blocked authors: {firstError}</p> : null}
    </Section>
  );
}
