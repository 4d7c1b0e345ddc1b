import type { z } from 'zod';
import { Profile } from '@/lib/schema/profile';

/** Field errors keyed by dotted path (`interests.2.label`), the first message per field. */
export type FieldErrors = Record<string, string>;

export const fieldKey = (...path: PropertyKey[]) => path.map(String).join('.');

export function issuesToFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = fieldKey(...issue.path);
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Validates a draft with the same schema the background uses, so nothing invalid is ever sent. */
export function validateProfile(draft: unknown): { ok: true; profile: Profile } | { ok: false; errors: FieldErrors } {
  const parsed = Profile.safeParse(draft);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, errors: issuesToFieldErrors(parsed.error) };
}

/** Errors at or below a path prefix, e.g. everything wrong inside `interests.3`. */
export function errorsUnder(errors: FieldErrors, ...prefix: PropertyKey[]): string[] {
  const p = fieldKey(...prefix);
  return Object.entries(errors)
    .filter(([k]) => k === p || k.startsWith(`${p}.`))
    .map(([, v]) => v);
}

/** A readable name for a field path, for an error summary: `interests.2.keywords.0` → `Interest 3 › keyword 1`. */
export function describeField(key: string): string {
  const names: Record<string, [string, string]> = {
    interests: ['Interests', 'Interest'],
    avoidTopics: ['Avoid-topics', 'Avoid-topic'],
    blockedAuthors: ['Blocked authors', 'Blocked author'],
    rules: ['Rules', 'Rule'],
    keywords: ['Keywords', 'keyword'],
  };
  const parts = key.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    const name = names[part];
    if (name && next !== undefined && /^\d+$/.test(next)) {
      out.push(`${name[1]} ${Number(next) + 1}`);
      i++;
    } else {
      out.push(name ? name[0] : part);
    }
  }
  return out.join(' › ') || 'Profile';
}
