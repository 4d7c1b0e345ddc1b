import { isStopWord, stem, words } from './text';

/**
 * What an instruction's action sets ("my preferred city is Atlanta", "look for seating class as Economy"):
 * the attribute's words and the value's, both as stems.
 */
export interface Setting {
  attribute: string[];
  value: string[];
}

const ASSIGN = /\s(?:is|are|as|=|to be|should be)\s/i;
/** Words that may stand between an attribute the user names and the value they give it. */
const LINKS = new Set(['is', 'as', 'be', 'should', 'must', 'to', 'set', 'equal', 'equals', 'being', 'of', 'will', 'would', 'needs', 'has', 'have']);
const VALUE_WORDS = 4;

/** Words that frame a setting rather than name its attribute ("my preferred", "look for"). */
const FRAME = new Set(['my', 'preferred', 'preference', 'preferance', 'look', 'for', 'then', 'also', 'the', 'a', 'an', 'i', 'want', 'always', 'use']);
const content = (text: string) => words(text).filter((w) => !isStopWord(w)).map(stem);
const attributeWords = (text: string) => words(text).filter((w) => !FRAME.has(w)).map(stem);

export function settingOf(action: string): Setting | undefined {
  const padded = ` ${action} `;
  const m = ASSIGN.exec(padded);
  if (!m) return undefined;
  const attribute = attributeWords(padded.slice(0, m.index));
  const value = content(padded.slice(m.index + m[0].length));
  return attribute.length && value.length ? { attribute, value } : undefined;
}

/**
 * True when the message itself gives the setting's attribute another value ("... ensure city is ATL" against
 * "my preferred city is Atlanta"): what the user says now beats what they asked for in general.
 */
export function overrides(message: string[], setting: Setting): boolean {
  const stems = message.map(stem);
  const n = setting.attribute.length;
  for (let i = 0; i + n <= stems.length; i++) {
    if (setting.attribute.some((a, k) => stems[i + k] !== a)) continue;
    let j = i + n;
    let linked = false;
    while (j < stems.length && LINKS.has(message[j])) {
      linked = true;
      j++;
    }
    if (!linked || j >= stems.length) continue;
    const stated = stems.slice(j, j + Math.max(VALUE_WORDS, setting.value.length));
    if (!setting.value.some((v) => stated.includes(v))) return true;
  }
  return false;
}
