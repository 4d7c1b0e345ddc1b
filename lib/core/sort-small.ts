/**
 * Sorts `list` in place, stably, as Array.prototype.sort does. The lists the fast tier sorts for every item (an
 * item's reasons, its detections) hold two or three entries, and the built-in sort allocates a work array each
 * time: an insertion sort of a short list allocates nothing. Longer lists go to the built-in sort. With `length`,
 * only the first `length` entries are sorted (a scratch list that keeps a count).
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number, length = list.length): T[] {
  if (length > 16) {
    if (length === list.length) return list.sort(compare);
    const head = list.slice(0, length).sort(compare);
    for (let i = 0; i < length; i++) list[i] = head[i];
    return list;
  }
  for (let i = 1; i < length; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], x) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
