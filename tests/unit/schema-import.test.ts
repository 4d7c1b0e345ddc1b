import { describe, expect, it } from 'vitest';
import { buildExport, ExportFile, MAX_IMPORT_BYTES, parseImport } from '@/lib/schema/export';
import { defaultProfile } from '@/lib/schema/profile';

const good = () => ({ ...defaultProfile(1), interests: [{ id: 'rust', label: 'Rust', weight: 0.8, keywords: ['cargo'], exclude: [] }] });

describe('import is all-or-nothing with messages that name the field', () => {
  it('reads its own export back', () => {
    const file = buildExport(good(), [], 10);
    const r = parseImport(JSON.stringify(file));
    expect(r.ok && r.value.interests[0].label).toBe('Rust');
    expect(ExportFile.safeParse(file).success).toBe(true);
  });

  it('accepts a bare profile as well as an export', () => {
    expect(parseImport(JSON.stringify(good())).ok).toBe(true);
  });

  it.each([
    ['invalid JSON', '{"format": "parapet-export",', /^file: not valid JSON/],
    ['an array', '[1,2,3]', /^file: expected a Parapet export/],
    ['the wrong format', JSON.stringify({ format: 'other-tool', profile: {} }), /^format: "other-tool" is not a Parapet export/],
    ['an export without a profile', JSON.stringify({ format: 'parapet-export', exportedAt: 1 }), /^profile: missing/],
    ['no version at all', JSON.stringify({ interests: [] }), /^profile\.schemaVersion: missing/],
    ['a future version', JSON.stringify({ ...good(), schemaVersion: 99 }), /newer Parapet/],
    ['a wrong type', JSON.stringify({ ...good(), interests: 'rust' }), /^profile\.interests: /],
    ['a regex that does not compile', JSON.stringify({ ...good(), rules: [{ id: 'r', kind: 'regex', pattern: '[a-', action: 'hide' }] }), /^profile\.rules\[0\]\.pattern: is not a valid regular expression/],
    ['markup in a string', JSON.stringify({ ...good(), interests: [{ id: 'x', label: '<b onmouseover=alert(1)>x</b>' }] }), /^profile\.interests\[0\]\.label: must be plain text/],
  ])('refuses %s', (_name, text, message) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const r = parseImport('{}', 50 * 1024 * 1024);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/50\.0 MB is too large/);
    expect(MAX_IMPORT_BYTES).toBeLessThan(50 * 1024 * 1024);
  });
});
