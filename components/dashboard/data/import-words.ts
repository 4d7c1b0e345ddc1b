import type { z } from 'zod';
import { Profile } from '@/lib/schema/profile';
import { LoggedDecision } from '@/lib/schema/log';

/**
 * Import errors in words (issue 23): `profile.interests[0].weight: Too big: expected number to be <=1` reads
 * "Interest 1, weight: must be between 0 and 1". The checks themselves (lib/schema/export.ts) name fields by their
 * paths; this says them the way the Profile and Data views name things.
 */

const LISTS: Record<string, string> = {
  interests: 'Interest',
  avoidTopics: 'Avoid-topic',
  blockedAuthors: 'Blocked author',
  rules: 'Rule',
  naturalRules: 'Rule in words',
  instructions: 'Chat instruction',
  exceptions: 'Exception',
  hiddenItems: 'Hidden item',
  lessLike: '“Less like this” entry',
  keywords: 'keyword',
  exclude: 'dropped word',
  decisions: 'Activity log row',
  reasons: 'reason',
  evidence: 'quoted word',
  avoid: 'Avoid-topic',
  blockedChannels: 'Blocked channel',
};

/** `schemaVersion` → "schema version". */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

type Part = string | number;

function parsePath(path: string): Part[] {
  const parts: Part[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

/** "Interest 1, weight" for `interests[0].weight`. */
export function fieldInWords(parts: readonly Part[]): string {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    if (typeof p === 'string' && typeof next === 'number' && LISTS[p]) {
      out.push(`${LISTS[p]} ${next + 1}`);
      i++;
    } else out.push(typeof p === 'number' ? `item ${p + 1}` : words(p));
  }
  const text = out.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> } };

/** The schema at a path, through defaults, optionals, catches and pipes; undefined when the path leaves it. */
function schemaAt(root: z.ZodType, parts: readonly Part[]): Schema | undefined {
  const open = (s: Schema): Schema => {
    for (let i = 0; i < 10; i++) {
      const def = s._zod.def;
      if (def.innerType) s = def.innerType as Schema;
      else if (def.type === 'pipe') s = def.in as Schema;
      else break;
    }
    return s;
  };
  let s: Schema | undefined = open(root as Schema);
  for (const p of parts) {
    if (!s) return undefined;
    const def: Record<string, unknown> = s._zod.def;
    if (typeof p === 'number' && def.type === 'array') s = open(def.element as Schema);
    else if (typeof p === 'string' && def.type === 'object') {
      const next = (def.shape as Record<string, Schema>)[p];
      s = next ? open(next) : undefined;
    } else return undefined;
  }
  return s;
}

/** What a field must be, in words, from the check's own message and the schema's bounds where the message gives one. */
function messageInWords(message: string, schema: Schema | undefined): string {
  const bounds = schema as { minValue?: number | null; maxValue?: number | null } | undefined;
  const lo = bounds?.minValue;
  const hi = bounds?.maxValue;
  const range = typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) ? `must be between ${lo} and ${hi}` : null;
  let m: RegExpMatchArray | null;
  if ((m = message.match(/^Too big: expected number to be <=?(\S+)/))) return range ?? `must be at most ${m[1]}`;
  if ((m = message.match(/^Too small: expected number to be >=?(\S+)/))) return range ?? `must be at least ${m[1]}`;
  if ((m = message.match(/^Too big: expected string to have <=?(\d+) characters/))) return `must be at most ${m[1]} characters`;
  if ((m = message.match(/^Too small: expected string to have >=?(\d+) characters/))) return m[1] === '1' ? 'must not be empty' : `must be at least ${m[1]} characters`;
  if ((m = message.match(/^Too big: expected array to have <=?(\d+) items/))) return `at most ${Number(m[1]).toLocaleString()} are allowed`;
  if ((m = message.match(/^Too small: expected array to have >=?(\d+) items/))) return `needs at least ${m[1]}`;
  if ((m = message.match(/^Invalid option: expected one of (.+)$/))) return `must be one of ${m[1].replaceAll('"', '').split('|').join(', ')}`;
  if ((m = message.match(/^Invalid input: expected (\w+), received (\w+)/))) return `must be ${kindWords(m[1])}, not ${kindWords(m[2])}`;
  if ((m = message.match(/^Invalid input: expected "?([^"]*)"?$/))) return `must be ${m[1]}`;
  if (/^Invalid input/.test(message)) return 'is not valid here';
  return message;
}

function kindWords(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a group of fields',
    undefined: 'missing',
    null: 'empty (null)',
    int: 'a whole number',
    nan: 'not a number',
  };
  return names[type] ?? type;
}

/** One import error line (`path: message`) in words. Lines that are already sentences pass through. */
export function importErrorInWords(line: string): string {
  const m = line.match(/^([A-Za-z_][\w.[\]]*): (.*)$/s);
  if (!m) return line;
  const parts = parsePath(m[1]);
  const [head, ...rest] = parts;
  const schema = head === 'profile' ? schemaAt(Profile, rest) : head === 'decisions' ? schemaAt(LoggedDecision, rest.slice(1)) : undefined;
  const field = head === 'profile' ? (rest.length ? fieldInWords(rest) : 'Profile') : fieldInWords(parts);
  return `${field}: ${messageInWords(m[2], schema)}`;
}
