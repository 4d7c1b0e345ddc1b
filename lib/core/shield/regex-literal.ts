/**
 * Finds a piece of plain text that every match of a regex must contain ("crypto" in `\bcrypto(currency)?\b`).
 * A regex whose literal does not occur in the item cannot match, so with a thousand rules only the few whose
 * literal is present ever run. Returns '' when no safe literal exists (a top-level `|`, only classes...);
 * those regexes run on every item. Conservative: any construct it does not understand ends the current run.
 */
export function requiredLiteral(source: string): string {
  let best = '';
  let run = '';
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '|') return ''; // an alternative at the top level: nothing is required
    if (ch === '(') {
      flush();
      const end = skipGroup(source, i);
      if (end < 0) return '';
      i = skipQuantifier(source, end);
      continue;
    }
    if (ch === '[') {
      flush();
      const end = skipClass(source, i);
      if (end < 0) return '';
      i = skipQuantifier(source, end);
      continue;
    }
    let lit: string | null = null;
    let next = i + 1;
    if (ch === '\\') {
      const e = source[i + 1];
      if (e === undefined) return '';
      next = i + 2;
      // An escaped punctuation character is itself; letters and digits after "\" are classes, anchors or refs.
      if (/[^\p{L}\p{N}\s]/u.test(e) && e.charCodeAt(0) < 0x80) lit = e;
      else if (e === 'u' || e === 'x' || e === 'c' || e === 'p' || e === 'P' || e === 'k') {
        // escapes with arguments ({L}, <name>, hex digits): stop here, keeping what was already required
        flush();
        return best;
      }
    } else if (ch === '{') {
      // a quantifier's bounds, after something that was not a literal (`\d{2,}`): skip them whole
      flush();
      i = skipQuantifier(source, i);
      continue;
    } else if (ch === '.' || ch === '^' || ch === '$' || ch === ')' || ch === ']' || ch === '}') {
      lit = null;
    } else if (ch === '*' || ch === '+' || ch === '?') {
      lit = null;
    } else if (ch.charCodeAt(0) < 0x80) {
      lit = ch.toLowerCase();
    }
    if (lit === null) {
      flush();
      i = next;
      continue;
    }
    const q = source[next];
    if (q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(source.slice(next)))) {
      // optional: this character may be absent
      flush();
      i = skipQuantifier(source, next);
      continue;
    }
    run += lit;
    if (q === '+' || q === '{') {
      // required at least once, but what follows is not adjacent to it
      flush();
      i = skipQuantifier(source, next);
      continue;
    }
    i = next;
  }
  flush();
  return best;
}

function skipGroup(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      const e = skipClass(s, i);
      if (e < 0) return -1;
      i = e - 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function skipClass(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i + 1;
  }
  return -1;
}

function skipQuantifier(s: string, i: number): number {
  const c = s[i];
  if (c === '?' || c === '*' || c === '+') i++;
  else if (c === '{') {
    const close = s.indexOf('}', i);
    if (close > 0) i = close + 1;
  }
  if (s[i] === '?') i++; // lazy
  return i;
}
