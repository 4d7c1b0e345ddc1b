import { z } from 'zod';
import { Profile } from './profile';
import { describeIssues, migrateProfile, type ParseResult } from './migrate';
import { LoggedDecision } from './log';

export const EXPORT_FORMAT = 'parapet-export';
/** Bigger than any real profile by far; past it the profile is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** A whole file, activity log included: a full log (200,000 rows) exports to about 100 MB; past this the file is
 * refused by its size alone, before it is read. */
export const MAX_IMPORT_FILE_BYTES = 400 * 1024 * 1024;

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

/**
 * The text of an export file, in parts (issue 25): the decisions go one row to a line, as many parts as pages,
 * so a log of any size becomes a Blob without ever being one string or one message. The parts joined parse as an
 * ExportFile.
 */
export function exportParts(profile: Profile, pages: Iterable<readonly LoggedDecision[]> | null, now = Date.now()): string[] {
  const head = JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now, profile }, null, 2);
  if (!pages) return [`${head}\n`];
  const parts = [`${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "decisions": [`];
  let first = true;
  for (const page of pages) {
    if (!page.length) continue;
    parts.push(`${first ? '\n' : ',\n'}    ${page.map((d) => JSON.stringify(d)).join(',\n    ')}`);
    first = false;
  }
  parts.push(first ? ']\n}\n' : '\n  ]\n}\n');
  return parts;
}

/** What an import file holds, read and checked in the dashboard before anything is replaced. `profileText` is the
 * profile part alone, as the background reads it (it checks it again); `decisions` is the activity log, if any. */
export type ImportFile =
  | { ok: true; profile: Profile; profileText: string; decisions: LoggedDecision[] | null }
  | { ok: false; errors: string[] };

const Decisions = z.array(LoggedDecision);

export function readImportFile(text: string, byteLength: number = text.length, now = Date.now()): ImportFile {
  if (byteLength > MAX_IMPORT_FILE_BYTES) {
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    return { ok: false, errors: [`file: ${mb} MB is too large for a Parapet export (limit ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB)`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`file: not valid JSON (${(e as Error).message})`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: ['file: expected a Parapet export (a JSON object)'] };
  const obj = raw as Record<string, unknown>;
  const isExport = 'format' in obj;
  const { decisions: rawLog, ...rest } = obj;
  const profileText = JSON.stringify(isExport ? rest : obj);
  const profile = parseImport(profileText, new TextEncoder().encode(profileText).length, now);
  const errors = profile.ok ? [] : profile.errors;
  let decisions: LoggedDecision[] | null = null;
  if (isExport && rawLog !== undefined) {
    const log = Decisions.safeParse(rawLog);
    if (log.success) decisions = log.data;
    else errors.push(...describeIssues(log.error, 'decisions'));
  }
  if (!profile.ok || errors.length) return { ok: false, errors: errors.slice(0, 20) };
  return { ok: true, profile: profile.value, profileText, decisions };
}

export { describeIssues };
