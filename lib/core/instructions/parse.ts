/**
 * Splits an instruction in the user's own words into what it is about (its condition) and what it asks for
 * (its action), using ordinary English sentence shape only:
 *   "When I'm after food, suggest vegetarian places"   -> condition "I'm after food"
 *   "Use metric units whenever I ask about recipes"    -> condition "I ask about recipes"
 *   "For trips: always include a packing list"         -> condition "trips"
 *   "My budget is 400k"                                 -> no condition: the whole text says what it is about
 * A condition that tests a value ("if the city is Paris and the cuisine is Thai") is cut into clauses that
 * must all hold, and the words after "is" are kept apart: they must be mentioned, not merely related.
 */
export interface Clause {
  /** What the clause is about ("city", "Hotels"). */
  topic: string;
  /** The value it tests, if any ("Paris"). */
  value: string;
}

export interface ParsedInstruction {
  /** All must hold; empty when the instruction states no condition. */
  clauses: Clause[];
  action: string;
  /** The action sets values ("my preferred city is Paris", "look for the name as X") rather than naming a
   * subject ("also look at hotels"): what it sets can satisfy other instructions' tests of those values,
   * but it does not make the conversation about a new subject. */
  actionSetsValues: boolean;
  /** Says it holds everywhere ("Always answer briefly"): no condition and an "always"/"never" opening. */
  general: boolean;
}

const LEADING = /^\s*(?:if|when|whenever|wherever|once|while|for|in|on|about|regarding|concerning|during|with|anytime|any time|every time|each time|anything|any)\b/i;
const MIDDLE = /\s(?:when|whenever|if|while|about|regarding|concerning)\s(?!to\s)/i;
const END_OF_CONDITION = /,|:|;|\s+then\s+|\s+[-–—]\s+/i;
const COPULA = /\s(?:is|are|was|were|equals|=)\s/i;
const SETS_VALUE = /\s(?:is|are|was|were|equals|=|as|to be)\s/i;
const GENERAL = /^\s*(?:always|never|every|all)\b/i;

export function parseInstruction(text: string): ParsedInstruction {
  let condition = '';
  let action = text;
  const lead = LEADING.exec(text);
  if (lead) {
    const rest = text.slice(lead[0].length);
    const end = END_OF_CONDITION.exec(rest);
    if (end) {
      condition = rest.slice(0, end.index);
      action = rest.slice(end.index + end[0].length);
    } else {
      condition = rest;
      action = '';
    }
  } else {
    const mid = MIDDLE.exec(text);
    if (mid) {
      condition = text.slice(mid.index + mid[0].length);
      action = text.slice(0, mid.index);
    }
  }
  const actionSetsValues = SETS_VALUE.test(` ${action} `);
  if (!condition.trim()) {
    return { clauses: [], action: text, actionSetsValues, general: GENERAL.test(text) };
  }
  return { clauses: splitClauses(condition), action, actionSetsValues, general: false };
}

/** "I ask for Hotels and destination is Washington" -> two clauses; "food and wine" stays one. */
function splitClauses(condition: string): Clause[] {
  const parts = condition.split(/\s+and\s+/i);
  const merged: string[] = [];
  for (const part of parts) {
    // A conjunct only starts a new clause when it tests a value of its own.
    if (merged.length && COPULA.test(` ${part} `)) merged.push(part);
    else if (merged.length) merged[merged.length - 1] += ` and ${part}`;
    else merged.push(part);
  }
  return merged.map((part) => {
    const m = COPULA.exec(` ${part} `);
    if (!m) return { topic: part.trim(), value: '' };
    const padded = ` ${part} `;
    return { topic: padded.slice(0, m.index).trim(), value: padded.slice(m.index + m[0].length).trim() };
  });
}
