// The detector tables reach content scripts as models/detectors.json: read back, they must find exactly what the
// TypeScript tables find, and a damaged or foreign file must be refused (by the background, which checks it before
// any tab gets it) rather than half-used.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDetectorRules, detectInContext, itemContext } from '@/lib/core/detectors';
import { detectorsForTabs, readDetectors, serialiseDetectors, type DetectorData, type DetectorTables } from '@/lib/core/detectors/data-file';
import { checkDetectors } from '@/lib/core/detectors/data-file-check';
import { SHIPPED_DETECTORS, SHIPPED_TABLES } from '@/lib/core/detectors/shipped';
import { base64ToInt32, int32ToBase64 } from '@/lib/core/shield/packed';
import { FeedItem } from '@/lib/schema/item';

const fromFile = () => JSON.parse(JSON.stringify(serialiseDetectors(SHIPPED_TABLES))) as DetectorData;

function rows(file: string): FeedItem[] {
  const lines = readFileSync(resolve(__dirname, '../data', file), 'utf8').split(/\r?\n/).slice(1);
  return lines
    .filter((l) => l.trim())
    .map((l, n) => {
      const text = l.split('\t').slice(2).join('\t');
      // Each row once as a title and once as a post body under a link, so the body and link paths are read too.
      return FeedItem.parse({ platform: 'reddit', id: `row-${n}`, title: text });
    });
}

describe('the detector data file', () => {
  const read = buildDetectorRules(readDetectors(checkDetectors(fromFile())));
  // As a feed tab builds them: from the text it is handed (without the phrase lists), parsed, its rules taken as
  // they are by the engine (rules.ts, EngineRule), with no tables' objects made first.
  const asTab = buildDetectorRules(JSON.parse(detectorsForTabs(checkDetectors(fromFile()))) as DetectorTables);

  for (const file of ['detectors.tsv', 'detectors-holdout.tsv']) {
    it(`finds exactly what the TypeScript tables find on every row of ${file}`, () => {
      const items = rows(file);
      expect(items.length).toBeGreaterThan(200);
      let found = 0;
      for (const item of items) {
        const withBody = { ...item, title: 'A post', text: item.title, url: 'https://example.com/p?utm_source=x' };
        for (const it of [item, withBody]) {
          const ctx = itemContext(it, SHIPPED_DETECTORS.language);
          const want = detectInContext(it, ctx, { rules: SHIPPED_DETECTORS });
          expect(detectInContext(it, itemContext(it, read.language), { rules: read }), it.title).toEqual(want);
          expect(detectInContext(it, itemContext(it, asTab.language), { rules: asTab }), it.title).toEqual(want);
          expect(detectInContext(it, itemContext(it, asTab.language), { rules: asTab }, true)).toEqual(detectInContext(it, ctx, { rules: SHIPPED_DETECTORS }, true));
          expect(detectInContext(it, itemContext(it, read.language), { rules: read }, true)).toEqual(detectInContext(it, ctx, { rules: SHIPPED_DETECTORS }, true));
          found += want.length;
        }
      }
      expect(found).toBeGreaterThan(items.length / 2); // the comparison was not between two empty lists
    });
  }

  it('keeps every explanation the UI shows', () => {
    expect(readDetectors(fromFile()).explanations).toEqual(SHIPPED_TABLES.explanations);
  });

  it('names languages from the stopwords it carries, as the shipped tables do', () => {
    expect(readDetectors(fromFile()).stopwords).toEqual(SHIPPED_TABLES.stopwords);
    const lang = (title: string, rules = read) => itemContext(FeedItem.parse({ platform: 'reddit', id: 'a', title }), rules.language).lang;
    for (const [title, code] of [
      ['Why the new phone is worth it for most of us', 'en'],
      ['¿Por qué el nuevo teléfono es tan caro para todos?', 'es'],
      ['Warum das neue Handy für uns nicht so gut ist', 'de'],
      ['Pourquoi le nouveau téléphone est plus cher que prévu', 'fr'],
    ]) {
      expect(lang(title), title).toBe(code);
      expect(lang(title, SHIPPED_DETECTORS), title).toBe(code);
    }
    // Before the data has arrived, Latin-script text has no named language.
    expect(itemContext(FeedItem.parse({ platform: 'reddit', id: 'a', title: 'Warum das neue Handy für uns nicht so gut ist' })).lang).toBe('und');
  });

  it('carries the rule engine’s look-ups, built ahead, and refuses them when they do not fit the rules', () => {
    expect(readDetectors(fromFile()).index.vocabulary.length).toBeGreaterThan(100);
    const d = fromFile();
    d.index.setList[0] = d.phraseLists.length + 1e6;
    expect(() => checkDetectors(d)).toThrow(/index does not fit these rules/);
  });

  it('refuses the look-ups restored as built ahead when they would not answer as built ones', () => {
    const ints = (s: string) => base64ToInt32(s);
    const withInts = (key: 'wordSlots' | 'edgeKeys' | 'edgeNodes', change: (a: Int32Array) => void) => {
      const d = fromFile();
      const a = ints(d.index[key]);
      change(a);
      d.index[key] = int32ToBase64(a);
      return () => checkDetectors(d);
    };
    const slotOf = (keys: Int32Array) => keys.findIndex((k) => k !== 0);
    // A word's hash changed; its place, to one taken, one outside the table, one its search does not reach; places
    // made for another vocabulary; a word twice; a word without a place.
    expect(withInts('wordSlots', (a) => (a[14] ^= 1))).toThrow(/wordSlots are not the places of the vocabulary/);
    expect(withInts('wordSlots', (a) => (a[15] = a[17]))).toThrow(/wordSlots are not the places/);
    expect(withInts('wordSlots', (a) => (a[15] = 1e6))).toThrow(/wordSlots are not the places/);
    expect(withInts('wordSlots', (a) => (a[15] = (a[15] + 64) % 8192))).toThrow(/wordSlots are not the places/);
    const stale = fromFile();
    stale.index.vocabulary = ['zebra', ...stale.index.vocabulary.slice(1)];
    expect(() => checkDetectors(stale)).toThrow(/wordSlots are not the places/);
    const twice = fromFile();
    twice.index.vocabulary[1] = twice.index.vocabulary[0];
    expect(() => checkDetectors(twice)).toThrow(/wordSlots are not the places/);
    expect(withInts('wordSlots', (a) => a.fill(0, a.length - 2))).toThrow(/wordSlots are not the places/);
    // An edge moved off the slot its search reaches, a key twice, a node that does not exist, a table with no room.
    expect(
      withInts('edgeKeys', (a) => {
        const i = slotOf(a);
        const j = a.findIndex((k, n) => k === 0 && n !== i && n !== i + 1);
        [a[i], a[j]] = [0, a[i]];
      }),
    ).toThrow(/edgeKeys is not a hash of edges/);
    expect(withInts('edgeNodes', (a) => (a[slotOf(ints(fromFile().index.edgeKeys))] = 1e6))).toThrow(/edgeKeys is not a hash of edges to these nodes/);
    expect(withInts('edgeKeys', (a) => a.fill(5))).toThrow(/edgeKeys is not a hash table/);
    const short = fromFile();
    short.index.edgeNodes = int32ToBase64(ints(short.index.edgeNodes).subarray(1));
    expect(() => checkDetectors(short)).toThrow(/edgeKeys is not a hash table/);
  });

  it('finds no rule kinds when no rules are given', () => {
    const item = FeedItem.parse({ platform: 'reddit', id: 'a', title: 'Tag a friend who needs this! Liberals are idiots' });
    expect(detectInContext(item, itemContext(item, SHIPPED_DETECTORS.language), { rules: SHIPPED_DETECTORS }).map((d) => d.kind)).toEqual(['rage', 'engagement']);
    expect(detectInContext(item, itemContext(item), {})).toEqual([]);
  });
});

describe('a malformed detector data file is refused', () => {
  const broken = (change: (d: DetectorData & Record<string, unknown>) => void) => {
    const d = fromFile() as DetectorData & Record<string, unknown>;
    change(d);
    return () => checkDetectors(d);
  };
  const ruleOf = (d: DetectorData, kind: keyof DetectorData['rules'], has: string) =>
    d.rules[kind].find((r) => has in r) as unknown as Record<string, unknown>;

  it('passes the file as written, unchanged', () => {
    const d = fromFile();
    expect(checkDetectors(d)).toBe(d);
  });

  it('of another version, or not an object at all', () => {
    expect(broken((d) => ((d as { version: number }).version = 1))).toThrow(/version 1 is not 5/);
    expect(broken((d) => delete (d as Partial<DetectorData>).version)).toThrow(/version/);
    expect(() => checkDetectors(null)).toThrow(/not an object/);
    expect(() => checkDetectors('{"version":3}')).toThrow(/not an object/);
  });

  it('with a bad regular expression, or flags that keep state', () => {
    expect(broken((d) => (ruleOf(d, 'promotion', 're').re = { source: '(unclosed', flags: '' }))).toThrow(/rules\.promotion\[\d+\]\.re is not a valid regular expression/);
    expect(broken((d) => (ruleOf(d, 'promotion', 're').re = { source: 'x', flags: 'g' }))).toThrow(/g and y are refused/);
    expect(broken((d) => (ruleOf(d, 'engagement', 'rejectAfter').rejectAfter = '^\\s+of'))).toThrow(/rejectAfter is not an object/);
  });

  it('with missing fields or a kind left out', () => {
    expect(broken((d) => delete ruleOf(d, 'rage', 'parts').gaps)).toThrow(/rules\.rage\[\d+\]\.gaps is not a list/);
    expect(broken((d) => delete ruleOf(d, 'rage', 'phrases').code)).toThrow(/code is missing/);
    expect(broken((d) => delete ruleOf(d, 'urgency', 'phrases').weight)).toThrow(/weight is not a number/);
    expect(broken((d) => delete ruleOf(d, 'promotion', 're').re)).toThrow(/exactly one of phrases, parts or re/);
    expect(broken((d) => delete (d.rules as Partial<DetectorData['rules']>).urgency)).toThrow(/rules\.urgency is not a list/);
    expect(broken((d) => delete (d as Partial<DetectorData>).explanations)).toThrow(/explanations is not an object/);
  });

  it('with wrong values where the fields are', () => {
    expect(broken((d) => (ruleOf(d, 'rage', 'phrases').phrases = d.phraseLists.length))).toThrow(/not the index of a phrase list/);
    expect(broken((d) => (ruleOf(d, 'rage', 'parts').gaps = [1]))).toThrow(/one whole-number gap/);
    expect(broken((d) => (ruleOf(d, 'rage', 'phrases').weight = 7))).toThrow(/from 0 to 1/);
    expect(broken((d) => d.phraseLists[0].push(3 as unknown as string))).toThrow(/phraseLists\[0\]/);
    expect(broken((d) => (ruleOf(d, 'promotion', 're').langs = 'en'))).toThrow(/langs is not a list/);
    expect(broken((d) => Object.assign(ruleOf(d, 'promotion', 'contains'), { contains: undefined, triggers: undefined }))).toThrow(/could never run/);
    expect(broken((d) => (d.explanations['rage-slur'] = 5 as unknown as string))).toThrow(/explanations\.rage-slur is not text/);
    expect(broken((d) => (d.stopwords.en = 5 as unknown as string))).toThrow(/stopwords\.en is not text/);
    expect(broken((d) => delete (d as Partial<DetectorData>).stopwords)).toThrow(/stopwords is not an object/);
    expect(broken((d) => (d.index.edgeKeys = [1] as unknown as string))).toThrow(/index\.edgeKeys is not text/);
    expect(broken((d) => (d.index.wordSlots = 'AAA'))).toThrow(/index\.wordSlots is not 32-bit numbers/);
    expect(broken((d) => delete (d as Partial<DetectorData>).index)).toThrow(/index is not an object/);
    expect(broken((d) => delete (d as Partial<DetectorData>).language)).toThrow(/language is not an object/);
    expect(broken((d) => d.language.ownerStart.pop())).toThrow(/language does not fit/);
    expect(broken((d) => (d.language.ownerLang[0] = d.language.languages.length))).toThrow(/language does not fit/);
    expect(broken((d) => (d.language.hints[0][0] = '[unclosed'))).toThrow(/language\.hints\[0\] is not a valid regular expression/);
  });
});
