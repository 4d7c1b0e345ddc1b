import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportFile, buildExport, exportParts, readImportFile } from '@/lib/schema/export';
import { defaultProfile } from '@/lib/schema/profile';
import type { LoggedDecision } from '@/lib/schema/log';
import { withinBudget } from '@/lib/core/message-budget';
import { logDecisions, openStore, pageDecisions, queryDecisions, replaceLogWithStaged, stageLog, type Store } from '@/lib/db';
import { importErrorInWords } from '@/components/dashboard/data/import-words';

const row = (i: number): LoggedDecision => ({
  ts: 1_000 + i, platform: 'youtube', itemId: `v${i}`, title: `Video number ${i} “quoted”\n`, author: 'Someone', url: `https://www.youtube.com/watch?v=${i}`,
  surface: 'home', action: 'label', reasons: [{ code: 'clickbait', detail: 'Clickbait', source: 'classifier', evidence: ['you won’t believe'] }], score: 0.8, reordered: false,
});
const profile = { ...defaultProfile(1), interests: [{ id: 'rust', label: 'Rust', weight: 0.9, keywords: [], exclude: [] }] };

describe('an export with the log, written in parts (issue 25)', () => {
  it('joins into a file that parses as an export, the same as one written whole', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => row(i));
    const pages = [rows.slice(0, 1_000), [], rows.slice(1_000, 2_000), rows.slice(2_000)];
    const text = exportParts(profile, pages, 5).join('');
    expect(ExportFile.parse(JSON.parse(text))).toEqual(buildExport(profile, rows, 5));
    expect(JSON.parse(exportParts(profile, [], 5).join(''))).toEqual(buildExport(profile, [], 5));
    expect(JSON.parse(exportParts(profile, null, 5).join(''))).toEqual(buildExport(profile, undefined, 5));
  });

  it('reads back: the profile part for the background, and the log', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i));
    const text = exportParts(profile, [rows], 5).join('');
    const read = readImportFile(text, text.length, 9);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.decisions).toEqual(rows);
    expect(read.profile.interests.map((i) => i.label)).toEqual(['Rust']);
    expect(JSON.parse(read.profileText).decisions).toBeUndefined();
  });

  it('refuses a bad log row by its field, and a file past the size limit unread', () => {
    const bad = JSON.stringify({ ...buildExport(profile, [row(1)], 5), decisions: [row(1), { ...row(2), score: 7 }] });
    const read = readImportFile(bad, bad.length, 9);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.map(importErrorInWords)).toEqual(['Activity log row 2, score: must be between 0 and 1']);
    const huge = readImportFile('', 401 * 1024 * 1024);
    expect(huge.ok ? '' : importErrorInWords(huge.errors[0])).toBe('File: 401.0 MB is too large for a Parapet export (limit 400 MB)');
  });
});

describe('import errors in words (issue 23)', () => {
  it.each([
    ['profile.interests[0].weight: Too big: expected number to be <=1', 'Interest 1, weight: must be between 0 and 1'],
    ['profile.interests[2].keywords[0]: Too big: expected string to have <=80 characters', 'Interest 3, keyword 1: must be at most 80 characters'],
    ['profile.paused: Invalid input: expected boolean, received string', 'Paused: must be true or false, not text'],
    ['profile.interests: Invalid input: expected array, received string', 'Interests: must be a list, not text'],
    ['profile.rules[0].pattern: is not a valid regular expression', 'Rule 1, pattern: is not a valid regular expression'],
    ['profile.schemaVersion: 99 comes from a newer Parapet (this one reads up to 5); update Parapet first', 'Schema version: 99 comes from a newer Parapet (this one reads up to 5); update Parapet first'],
    ['file: not valid JSON (Unexpected end of JSON input)', 'File: not valid JSON (Unexpected end of JSON input)'],
  ])('%s', (line, words) => {
    expect(importErrorInWords(line)).toBe(words);
  });

  it('says a real check of the profile schema in words', () => {
    const text = JSON.stringify({ format: 'parapet-export', exportedAt: 1, profile: { ...profile, interests: [{ id: 'x', label: 'X', weight: 3 }] } });
    const read = readImportFile(text, text.length, 9);
    expect(read.ok ? [] : read.errors.map(importErrorInWords)).toEqual(['Interest 1, weight: must be between 0 and 1']);
  });
});

describe('message pages', () => {
  it('stay within their budget whatever the rows hold, one row at least', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: i, text: 'x'.repeat(1_000) }));
    expect(withinBudget(rows, 10_500)).toHaveLength(10);
    expect(withinBudget(rows, 10)).toHaveLength(1);
    expect(withinBudget(rows)).toHaveLength(100);
  });
});

describe('an imported log replaces the log whole, or not at all', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await Promise.all([s.db.delete(), s.profileDb.delete()]);
  });

  it('replaces the log with every staged part, oldest first, cut to the cap', async () => {
    const store = openStore(`import-log-${Math.random()}`, 25);
    stores.push(store);
    await logDecisions(store, [row(900)]);
    const rows = Array.from({ length: 30 }, (_, i) => ({ ...row(i), id: 5_000 + i })).reverse();
    await stageLog(store, 'tok12345', rows.slice(0, 20), true);
    await stageLog(store, 'tok12345', rows.slice(20), false);
    await expect(replaceLogWithStaged(store, 'tok12345', 31)).rejects.toThrow(/arrived in part/);
    expect((await queryDecisions(store)).map((d) => d.itemId)).toEqual(['v900']);

    expect(await replaceLogWithStaged(store, 'tok12345', 30)).toBe(25);
    const now = await queryDecisions(store);
    expect(now).toHaveLength(25);
    expect(now[0].itemId).toBe('v29');
    expect(now.at(-1)!.itemId).toBe('v5');
    // Ids are the log's own, following time; a page read goes newest first.
    expect((await pageDecisions(store, undefined, 3)).rows.map((d) => d.itemId)).toEqual(['v29', 'v28', 'v27']);
    expect(await store.db.staged.count()).toBe(0);
  });
});
