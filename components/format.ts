/** Display helpers shared by popup and dashboard. */

export const formatCount = (n: number) => new Intl.NumberFormat().format(n);

export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
