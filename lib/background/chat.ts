import type { ChatSite } from '../schema/common';
import type { Profile } from '../schema/profile';
import type { ChatSelection } from '../schema/messages';
import type { MeaningReader } from '../core/instructions/meaning';
import { chooseInstructionsRefined, type RefineSelection } from '../core/instructions/select';

/**
 * Which of the user's standing instructions go with this message on this site: the lexical and semantic selector
 * in lib/core, with the local model's second opinion when the judge is on and can answer. Disabled instructions
 * and instructions not allowed on `site` never come back, whatever the refiner says. Instructions the message
 * overrides come back marked `skipped` with the reason, so the chip can say what was left out and why. With the
 * meaning model, everyday preferences ("I dislike seafood") also go with messages about their subject in other words.
 */
export async function chatSelections(
  profile: Profile,
  site: ChatSite,
  message: string,
  refine?: RefineSelection,
  meaning?: MeaningReader,
): Promise<ChatSelection[]> {
  if (!message.trim()) return [];
  const usable = profile.instructions.filter((i) => i.enabled && i.sites.includes(site));
  const { added, skipped } = await chooseInstructionsRefined(message, usable, site, refine, { meaning });
  return [
    ...added.map((s) => ({ id: s.instruction.id, text: s.instruction.text, why: s.why })),
    ...skipped.map((s) => ({ id: s.instruction.id, text: s.instruction.text, why: s.overridden!, skipped: true })),
  ];
}
