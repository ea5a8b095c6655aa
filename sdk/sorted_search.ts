/**
 * Binary searches in ascending arrays (a time axis, a distance axis).
 *
 * ```ts
 * import { firstAbove, firstAtOrAbove } from "./sorted_search.ts";
 * const timeS = Float64Array.of(0, 0.5, 1, 1.5);
 * console.assert(firstAbove(timeS, 1) === 3 && firstAtOrAbove(timeS, 1) === 2);
 * ```
 *
 * @module
 */

/** Index of the first value of ascending `values` strictly above `at` (its length when none). */
export function firstAbove(values: ArrayLike<number>, at: number): number {
  let lo = 0, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value of ascending `values` at or above `at` (its length when none). */
export function firstAtOrAbove(values: ArrayLike<number>, at: number): number {
  let lo = 0, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
