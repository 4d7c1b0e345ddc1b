import { CHAT_SITES, FEED_PLATFORMS, SITE_LABELS } from '@/lib/schema/common';
import { setPaused, setSite } from '../../profile-edit';
import { Icon } from '../../ui/Icon';
import { Section } from '../../ui/Section';
import { Toggle } from '../../ui/Toggle';
import type { EditorProps } from './types';

export function SitesEditor({ draft, change }: EditorProps) {
  return (
    <Section
      title="Where Parapet works"
      description="Switch Parapet off for a site, or pause it everywhere at once. Pausing keeps all your settings."
      icon={<Icon name="globe" size={18} />}
    >
      <div className={`pause-row ${draft.paused ? 'is-on' : ''}`}>
        <Toggle
          label="Pause everywhere"
          description={draft.paused ? 'Paused: pages show as the sites made them.' : 'Parapet is active on the sites switched on below.'}
          checked={draft.paused}
          onChange={(on) => change((p) => setPaused(p, on))}
        />
      </div>
      <div className="site-grid">
        <div role="group" aria-labelledby="sites-feeds">
          <h3 id="sites-feeds" className="group-title">
            Feeds
          </h3>
          {FEED_PLATFORMS.map((s) => (
            <Toggle key={s} label={SITE_LABELS[s]} checked={draft.sites[s]} disabled={draft.paused} onChange={(on) => change((p) => setSite(p, s, on))} />
          ))}
        </div>
        <div role="group" aria-labelledby="sites-chats">
          <h3 id="sites-chats" className="group-title">
            Chat assistants
          </h3>
          {CHAT_SITES.map((s) => (
            <Toggle key={s} label={SITE_LABELS[s]} checked={draft.sites[s]} disabled={draft.paused} onChange={(on) => change((p) => setSite(p, s, on))} />
          ))}
        </div>
      </div>
    </Section>
  );
}
