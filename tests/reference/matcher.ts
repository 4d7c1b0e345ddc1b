// The obvious, slow TextMatcher (lib/core/shield/matcher.ts): every keyword and every regex tried on every item,
// one after another, with nothing precomputed. What the fast one must agree with (reference-matcher.test.ts).
import { cleanText, isUnspacedScript, isWordChar, keywordStems, stem, WORD } from '@/lib/core/shield/text';

type Pattern =
  | { kind: 'words'; stems: string[]; target: number }
  | { kind: 'substring'; text: string; bounded: boolean; target: number }
  | { kind: 'regex'; re: RegExp; target: number };

const REGEX_INPUT_MAX = 1000;

export class ReferenceMatcher {
  readonly patterns: Pattern[] = [];

  /** A keyword of one or more words matches those words in a row in one field, each compared after plural
   * folding; one that holds punctuation or a script without spaces matches as text, at word boundaries (the
   * latter anywhere). */
  addKeyword(keyword: string, target: number): boolean {
    const folded = cleanText(keyword).toLowerCase().trim();
    if (!folded) return false;
    const stems = keywordStems(folded);
    const punctuated = stems.length === 0 || /[^\p{L}\p{M}\p{N}\s'’-]/u.test(folded);
    if (isUnspacedScript(folded) || punctuated) this.patterns.push({ kind: 'substring', text: folded, bounded: !isUnspacedScript(folded), target });
    else this.patterns.push({ kind: 'words', stems, target });
    return true;
  }

  addRegex(source: string, target: number): string | null {
    let re: RegExp;
    try {
      re = new RegExp(source, 'iu');
    } catch (e) {
      return `not a valid regular expression (${(e as Error).message})`;
    }
    if (re.test('')) return 'matches every item';
    this.patterns.push({ kind: 'regex', re, target });
    return null;
  }

  /** Every target that matches the item, each with every piece of text that matched it. */
  match(fields: readonly string[]): Map<number, Set<string>> {
    const found = new Map<number, Set<string>>();
    const add = (target: number, evidence: string) => {
      const s = found.get(target) ?? new Set<string>();
      s.add(evidence);
      found.set(target, s);
    };
    const cleaned = fields.filter((f) => f !== '').map(cleanText);
    const lowered = cleaned.map((f) => f.toLowerCase());
    const fieldWords = lowered.map((l) => (l.match(WORD) ?? []).map((w) => ({ w, stem: stem(w) })));
    let text = cleaned.join('\n');
    if (text.length > REGEX_INPUT_MAX) text = text.slice(0, REGEX_INPUT_MAX);
    for (const p of this.patterns) {
      if (p.kind === 'words') {
        for (const ws of fieldWords) {
          for (let i = 0; i + p.stems.length <= ws.length; i++) {
            if (p.stems.every((s, k) => ws[i + k].stem === s)) add(p.target, ws.slice(i, i + p.stems.length).map((x) => x.w).join(' '));
          }
        }
      } else if (p.kind === 'substring') {
        for (const l of lowered) {
          for (let at = l.indexOf(p.text); at >= 0; at = l.indexOf(p.text, at + 1)) {
            const end = at + p.text.length;
            const cutsWordAtStart = isWordChar(l, at) && isWordChar(l, at - 1);
            const cutsWordAtEnd = isWordChar(l, end - 1) && isWordChar(l, end);
            if (!p.bounded || (!cutsWordAtStart && !cutsWordAtEnd)) add(p.target, l.slice(at, end));
          }
        }
      } else {
        const m = p.re.exec(text);
        if (m) add(p.target, m[0]);
      }
    }
    return found;
  }
}
