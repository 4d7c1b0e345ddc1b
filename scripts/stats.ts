/** The median of the numbers in `xs` (NaN left out: a figure a sample could not give), the mean of the middle two
 * for an even count; NaN when none is left. One definition for every bench and probe, so their figures compare. */
export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
