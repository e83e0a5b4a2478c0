/**
 * Binary search over ascending offsets (token starts, passage starts, a folded text's map): the
 * one search the engine and the anchoring share.
 */

/** The first index `i < count` with `sorted[i] >= value`, or `count` when there is none. */
export function firstAtOrAfter(sorted: ArrayLike<number>, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
