import type { Lexicon } from './lexicon';
import { otherPlace } from './places';
import { otherStatedValue } from './stated';
import { isStopWord, stem, words } from './text';
import { otherUnits } from './units';

/**
 * What an instruction's action sets ("my preferred city is Atlanta", "look for seating class as Economy"):
 * the attribute's words and the value's, both as stems.
 */
export interface Setting {
  attribute: string[];
  value: string[];
  /** The attribute as written ("city", "seating class"), for the chip. */
  named: string;
}

const ASSIGN = /\s(?:is|are|as|=|to be|should be)\s/i;
/** Words that may stand between an attribute the user names and the value they give it. */
const LINKS = new Set(['is', 'as', 'be', 'should', 'must', 'to', 'set', 'equal', 'equals', 'being', 'of', 'will', 'would', 'needs', 'has', 'have']);
const VALUE_WORDS = 4;

/** Words that frame a setting rather than name its attribute ("my preferred", "look for"). */
const FRAME = new Set(['my', 'preferred', 'preference', 'preferance', 'look', 'for', 'then', 'also', 'the', 'a', 'an', 'i', 'want', 'always', 'use']);
const content = (text: string) => words(text).filter((w) => !isStopWord(w)).map(stem);

export function settingOf(action: string): Setting | undefined {
  const padded = ` ${action} `;
  const m = ASSIGN.exec(padded);
  if (!m) return undefined;
  const before = words(padded.slice(0, m.index)).filter((w) => !FRAME.has(w));
  const attribute = before.map(stem);
  const value = content(padded.slice(m.index + m[0].length));
  return attribute.length && value.length ? { attribute, value, named: before.join(' ') } : undefined;
}

/**
 * The value the message itself gives the setting's attribute when it differs ("... ensure city is ATL" against
 * "my preferred city is Atlanta": "atl"): what the user says now beats what they asked for in general.
 */
export function overridingValue(message: string[], setting: Setting): string | undefined {
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
    if (!setting.value.some((v) => stated.includes(v))) return valueWords(message.slice(j, j + VALUE_WORDS));
  }
  return undefined;
}

export const overrides = (message: string[], setting: Setting): boolean => overridingValue(message, setting) !== undefined;

/** The words of a stated value up to the first function word: "calistoga" from "calistoga for dinner". */
function valueWords(said: string[]): string {
  const end = said.findIndex((w, k) => k > 0 && isStopWord(w));
  return said.slice(0, end < 0 ? undefined : end).join(' ');
}

/**
 * Why the message overrides an instruction, in words for the chip ("you asked for miles"), or undefined. Four
 * ways: the message sets the instruction's attribute to another value; it states a value of the same kind as the
 * one an instruction in the user's own words holds (stated.ts); it asks for another system of units; it names
 * another place than the one the instruction holds.
 */
export function overrideReason(
  instruction: string,
  action: string,
  setting: Setting | undefined,
  message: string,
  said: string[],
  lexicon: Lexicon,
): string | undefined {
  const value = setting ? overridingValue(said, setting) : undefined;
  if (value) return `you asked for ${setting!.named} ${asWritten(message, value)}`;
  const units = otherUnits(words(instruction), said);
  if (units) return `you asked for ${units}`;
  const stated = otherStatedValue(instruction, action, message, lexicon);
  if (stated) return `you asked for ${stated}`;
  const place = otherPlace(instruction, message);
  if (place) return `you asked for ${asWritten(message, place)}`;
  return undefined;
}

/** A folded value as the message writes it ("ATL", "Palo Alto"). */
function asWritten(message: string, folded: string): string {
  const pattern = folded.split(' ').map((w) => w.replace(/[^a-z0-9]/g, '')).join('[^A-Za-z0-9]+');
  return new RegExp(`\\b${pattern}\\b`, 'i').exec(message)?.[0] ?? folded;
}
