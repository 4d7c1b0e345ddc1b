import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '@/lib/core/csv';

describe('CSV export writer', () => {
  it('quotes commas, quotes and line breaks so a spreadsheet reads one cell each', () => {
    const text = toCsv(['title', 'n'], [
      ['Plain', 1],
      ['Commas, and "quotes"', 2],
      ['Two\nlines', 3],
    ]);
    expect(text).toBe('title,n\r\nPlain,1\r\n"Commas, and ""quotes""",2\r\n"Two\nlines",3\r\n');
    expect(parseCsv(text)).toEqual([
      ['title', 'n'],
      ['Plain', '1'],
      ['Commas, and "quotes"', '2'],
      ['Two\nlines', '3'],
    ]);
  });

  it('keeps titles that look like formulas as text', () => {
    for (const evil of ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) {
      const cell = csvCell(evil);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
      expect(parseCsv(cell)[0][0]).toBe(`'${evil}`);
    }
    // Numbers written as numbers are data, not formulas.
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes empty cells for missing values and keeps leading spaces', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, ' x']])).toBe('a,b,c\r\n,," x"\r\n');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
