/** `x` held to 0..1 (NaN stays NaN): one function for every score and confidence a content script clamps, where each
 * spelled out the same expression (a feed script pays for its bytes). */
export const toUnit = (x: number): number => Math.min(1, Math.max(0, x));
