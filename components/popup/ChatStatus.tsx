import { SITE_LABELS, type ChatSite } from '@/lib/schema/common';
import type { ChatTabStats } from '@/lib/schema/messages';
import type { Profile } from '@/lib/schema/profile';
import { plural } from '../format';
import { Icon } from '../ui/Icon';

/** The popup over a chat site: what Parapet does there (adds the person's standing instructions to what they
 * send), how many of their instructions apply on this site, and how often it added them in this tab. */
export function ChatStatus({ site, chat, profile, onOpen }: { site: ChatSite; chat: ChatTabStats | null; profile: Profile; onOpen: () => void }) {
  const name = SITE_LABELS[site];
  const apply = profile.instructions.filter((i) => i.enabled && i.sites.includes(site)).length;
  const off = profile.paused ? 'Paused: messages go as you type them.' : !profile.sites[site] ? `Switched off for ${name}: messages go as you type them.` : null;
  const here = chat?.site === site ? chat : null;

  return (
    <section className="pp-tab card" aria-labelledby="pp-tab-title">
      <div className="pp-tab-head">
        <h2 id="pp-tab-title" className="pp-h2">
          On {name}
        </h2>
        {off ? null : (
          <span className="pp-health pp-health-ok">
            <span className="dot" aria-hidden="true" /> Adding instructions
          </span>
        )}
      </div>
      <p className="pp-chat-what">
        Parapet adds your standing instructions to the messages you send here, in plain sight, and only those that fit
        each message.
      </p>
      <ul className="pp-chat-facts">
        <li>
          {apply === 0 ? (
            <>
              <strong>None</strong> of your instructions apply on {name} yet: add one below.
            </>
          ) : (
            <>
              <strong>{apply}</strong> of your {plural(profile.instructions.length, 'instruction')} {apply === 1 ? 'applies' : 'apply'} on {name}.
            </>
          )}
        </li>
        <li>
          {here ? (
            <>
              Added to <strong>{plural(here.messages, 'message')}</strong> in this tab ({plural(here.instructions, 'instruction')} in all).
            </>
          ) : (
            'Nothing added in this tab yet.'
          )}
        </li>
      </ul>
      {off ? <p className="pp-tab-note">{off}</p> : null}
      <button type="button" className="btn btn-sm pp-chat-link" onClick={onOpen}>
        Chat instructions
        <Icon name="external" size={13} />
      </button>
    </section>
  );
}
