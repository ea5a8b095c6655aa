/**
 * Small descriptive statistics over plain numbers: mean, sample standard
 * deviation (with its small-sample bias correction), quantiles and medians.
 * `NaN` values are skipped everywhere.
 *
 * @module
 */

/** Arithmetic mean of the finite values, or `NaN` when there is none. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0, n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : NaN;
}

/**
 * Sample standard deviation (divisor n − 1) of the finite values; `NaN` with
 * fewer than two.
 */
export function sampleStd(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0, n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      sum += (v - m) * (v - m);
      n++;
    }
  }
  return n > 1 ? Math.sqrt(sum / (n - 1)) : NaN;
}

/**
 * The factor c4(n) by which the sample standard deviation of `n` normal
 * values underestimates the true one on average (0.80 for 2 values, 0.89
 * for 3, 0.94 for 5, → 1). Dividing by it gives an unbiased estimate, so
 * a short session does not look more consistent than it is. `NaN` for n < 2.
 *
 * @example
 * ```ts
 * import { stdBiasFactor } from "./stats.ts";
 * stdBiasFactor(2); // 0.7979 (= √(2/π))
 * ```
 */
export function stdBiasFactor(n: number): number {
  if (!(n >= 2)) return NaN;
  // c4(n) = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2); the Γ ratio r(k) obeys r(k+1) = (k−1) / (2 r(k)), r(2) = 1/√π.
  if (n > 200) return 1 - 1 / (4 * n) - 7 / (32 * n * n);
  let ratio = 1 / Math.sqrt(Math.PI);
  for (let k = 2; k < n; k++) ratio = (k - 1) / (2 * ratio);
  return Math.sqrt(2 / (n - 1)) * ratio;
}

/**
 * The `q`-quantile (0..1) of the finite values, linear between order
 * statistics; `NaN` when there is none. Does not modify `values`. O(n)
 * on average (selection, not a full sort).
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  if (n === 0) return NaN;
  const work = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) if (Number.isFinite(values[i])) work[j++] = values[i];
  const x = Math.min(Math.max(q, 0), 1) * (n - 1);
  const i = Math.floor(x), f = x - i;
  const low = selectInPlace(work, i);
  if (f === 0 || i + 1 >= n) return low;
  // After selection every value right of i is >= work[i]; the next order statistic is their minimum.
  let next = Infinity;
  for (let j = i + 1; j < n; j++) if (work[j] < next) next = work[j];
  return low + f * (next - low);
}

/** The median of the finite values, or `NaN` when there is none. */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/**
 * Rearranges `a` so that `a[k]` holds the k-th smallest value, smaller
 * ones to its left and larger ones to its right, and returns it
 * (Hoare's selection with a median-of-three pivot). `a` must hold no `NaN`.
 */
export function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
