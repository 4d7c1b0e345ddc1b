/**
 * True when a regex repeats a group that itself repeats, like `(a+)+`, or `((ab)*c)+`, which regex-risk.ts lets
 * through. Tabs once checked this themselves; the background now leaves such rules out of what it sends them
 * (withRunnableRules, lib/schema/rule-risk.ts), so that tabs still run none of them and carry no check.
 */
export function hasNestedRepetition(source: string): boolean {
  // For each open group: does it contain a repetition?
  const stack: boolean[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      // \p{L}, \u{1F525}, \k<name>: the braces are part of the escape, not a repeat
      const open = source[i];
      if ((open === '{' || open === '<') && /[pPuk]/.test(source[i - 1])) {
        const close = source.indexOf(open === '{' ? '}' : '>', i);
        i = close < 0 ? source.length : close + 1;
      }
      continue;
    }
    if (c === '[') {
      i = skipClass(source, i);
      continue;
    }
    if (c === '(') {
      stack.push(false);
      i++;
      continue;
    }
    if (c === ')') {
      const inner = stack.pop() ?? false;
      i++;
      if (inner && isUnbounded(source, i)) return true;
      if (inner) markInner(stack);
      continue;
    }
    if (isRepeat(source, i)) markInner(stack);
    i++;
  }
  return false;
}

function markInner(stack: boolean[]): void {
  if (stack.length > 0) stack[stack.length - 1] = true;
}

/** A variable repeat right at i: `+`, `*`, `{n,}` or `{n,m}` with m > n. */
function isRepeat(s: string, i: number): boolean {
  const c = s[i];
  if (c === '+' || c === '*') return true;
  if (c !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i, i + 24));
  if (!m) return false;
  if (m[2] === undefined) return false; // {n}: a fixed count cannot be split two ways
  return m[3] === '' || Number(m[3]) > Number(m[1]);
}

/** `+`, `*` or `{n,}` right at i: repeats without bound. Bounded repeats `{2,5}` of a repeat are polynomial. */
function isUnbounded(s: string, i: number): boolean {
  const c = s[i];
  if (c === '+' || c === '*') return true;
  return c === '{' && /^\{\d+,\}/.test(s.slice(i, i + 24));
}

function skipClass(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i + 1;
  }
  return s.length;
}
