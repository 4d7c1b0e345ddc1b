import { z } from 'zod';
import { PROFILE_VERSION, Profile } from './profile';
import { migrateV1toV2, ProfileV1 } from './migrations/v1-to-v2';
import { migrateV2toV3 } from './migrations/v2-to-v3';
import { migrateV3toV4 } from './migrations/v3-to-v4';
import { migrateV4toV5 } from './migrations/v4-to-v5';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Turns zod issues into sentences that name the field, e.g. `interests[2].label must be plain text`. */
export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
      .join('');
    const field = [prefix, path].filter(Boolean).join(prefix && path && !path.startsWith('[') ? '.' : '');
    return `${field || 'file'}: ${issue.message}`;
  });
}

function versionOf(raw: unknown): number | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const v = r.schemaVersion ?? r.version;
  return typeof v === 'number' ? v : undefined;
}

/** Brings a stored or imported profile of any known version to the current one and validates it. */
export function migrateProfile(raw: unknown, now = Date.now()): ParseResult<Profile> {
  const version = versionOf(raw);
  if (version === undefined) return { ok: false, errors: ['profile.schemaVersion: missing: this is not a Parapet profile'] };
  if (!Number.isInteger(version) || version < 1) return { ok: false, errors: [`profile.schemaVersion: ${version} is not a version Parapet ever wrote`] };
  if (version > PROFILE_VERSION) {
    return {
      ok: false,
      errors: [`profile.schemaVersion: ${version} comes from a newer Parapet (this one reads up to ${PROFILE_VERSION}); update Parapet first`],
    };
  }
  let current = raw as Record<string, unknown>;
  if (version <= 1) {
    const v1 = ProfileV1.safeParse(raw);
    if (!v1.success) return { ok: false, errors: describeIssues(v1.error, 'profile') };
    current = migrateV1toV2(v1.data, now);
  }
  // Each step takes the previous version's shape to the next; they run in order. One that meets a shape it cannot
  // read says so in a sentence, never with a TypeError.
  try {
    if (version <= 2) current = migrateV2toV3(current);
    if (version <= 3) current = migrateV3toV4(current);
    if (version <= 4) current = migrateV4toV5(current);
  } catch (e) {
    return { ok: false, errors: [`profile: version ${version} data Parapet cannot read (${(e as Error).message})`] };
  }
  const parsed = Profile.safeParse(current);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error, 'profile') };
  return { ok: true, value: parsed.data };
}
