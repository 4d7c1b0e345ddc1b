import { z } from 'zod';
import { Profile } from './profile';
import { describeIssues, migrateProfile, type ParseResult } from './migrate';
import { LoggedDecision } from './log';

export const EXPORT_FORMAT = 'parapet-export';
/** Bigger than any real profile by far; past it the file is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: z.number().int(),
  profile: Profile,
  decisions: z.array(LoggedDecision).optional(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export function buildExport(profile: Profile, decisions: LoggedDecision[] | undefined, now = Date.now()): ExportFile {
  return { format: EXPORT_FORMAT, exportedAt: now, profile, ...(decisions ? { decisions } : {}) };
}

/** Reads an import file all-or-nothing: any problem returns messages naming the field, and no profile. */
export function parseImport(text: string, byteLength: number = text.length, now = Date.now()): ParseResult<Profile> {
  if (byteLength > MAX_IMPORT_BYTES) {
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    return { ok: false, errors: [`file: ${mb} MB is too large for a Parapet profile (limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`file: not valid JSON (${(e as Error).message})`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: ['file: expected a Parapet export (a JSON object)'] };
  }
  const obj = raw as Record<string, unknown>;
  // A bare profile is accepted as well as a full export.
  if ('format' in obj) {
    if (obj.format !== EXPORT_FORMAT) return { ok: false, errors: [`format: "${String(obj.format).slice(0, 40)}" is not a Parapet export`] };
    if (!('profile' in obj)) return { ok: false, errors: ['profile: missing'] };
    return migrateProfile(obj.profile, now);
  }
  return migrateProfile(obj, now);
}

export { describeIssues };
