/**
 * Sorts `list` in place, stably, as Array.prototype.sort does. The lists the fast tier sorts for every item (an
 * item's reasons, its detections) hold two or three entries, and the built-in sort allocates a work array each
 * time: an insertion sort of a short list allocates nothing. Longer lists go to the built-in sort.
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
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
