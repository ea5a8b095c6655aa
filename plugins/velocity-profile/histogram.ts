/**
 * Fixed-bin histograms of accelerations, for percentiles over hundreds of
 * thousands of points without sorting or keeping them: O(1) per value,
 * O(bins) per percentile, accurate to a fraction of a bin (0.01 g).
 *
 * @module
 */

/** Bin width, g. */
const BIN_G = 0.01;
/** Values from 0 to this are counted; larger ones land in the last bin, g. */
const MAX_G = 4;
/** Number of bins. */
export const HISTOGRAM_BINS = Math.round(MAX_G / BIN_G);

/** Adds a non-negative value (g) to the histogram in `counts` starting at `offset`. */
export function addToHistogram(counts: Uint32Array, offset: number, valueG: number): void {
  const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor(valueG / BIN_G));
  counts[offset + (bin > 0 ? bin : 0)]++;
}

/** Values counted in the histogram at `offset`. */
export function histogramCount(counts: Uint32Array, offset: number): number {
  let total = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) total += counts[offset + b];
  return total;
}

/**
 * The `q`-quantile (0..1) of the histogram at `offset`, g, interpolated
 * within its bin; null when it holds fewer than `minCount` values.
 */
export function histogramQuantile(
  counts: Uint32Array,
  offset: number,
  q: number,
  minCount = 1,
): number | null {
  const total = histogramCount(counts, offset);
  if (total < minCount || total === 0) return null;
  const target = q * total;
  let below = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const c = counts[offset + b];
    if (below + c >= target && c > 0) return (b + (target - below) / c) * BIN_G;
    below += c;
  }
  return HISTOGRAM_BINS * BIN_G;
}
