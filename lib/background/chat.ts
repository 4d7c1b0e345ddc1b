import type { ChatSite } from '../schema/common';
import type { Profile } from '../schema/profile';
import type { ChatSelection } from '../schema/messages';

/** Which of the user's standing instructions go with this message on this site. */
export function chatSelections(profile: Profile, site: ChatSite, message: string): ChatSelection[] {
  if (!message.trim()) return [];
  return profile.instructions
    .filter((i) => i.enabled && i.sites.includes(site) && i.scope.type === 'always')
    .map((i) => ({ id: i.id, text: i.text, why: 'always' }));
}
