/**
 * Speed dips of a closed speed trace: local minima whose drop below the
 * lower of the two neighbouring maxima is at least a given amount. The
 * shallowest minimum is removed and its two maxima merged until every
 * remaining one drops far enough, so noise wiggles never split a corner
 * and a brief lift between two real corners does not count as one.
 *
 * @module
 */

/** One dip of a closed trace (indices wrap: `leftMaxIndex` may be above `minIndex`). */
export interface SpeedDip {
  /** Index of the minimum. */
  minIndex: number;
  /** Index of the maximum before it. */
  leftMaxIndex: number;
  /** Index of the maximum after it. */
  rightMaxIndex: number;
  /** Drop below the lower of the two maxima, same unit as the trace. */
  drop: number;
}

/**
 * The dips of a closed trace (point `n` follows point `n − 1`) that drop at
 * least `minDrop` below both neighbouring maxima, in index order.
 */
export function speedDips(values: Float64Array, minDrop: number): SpeedDip[] {
  const { maxima, minima } = alternatingExtrema(values);
  let count = minima.length;
  // Circular doubly linked list of minima; leftMax[j] is the maximum just before minimum j.
  const next = Int32Array.from(minima, (_, j) => (j + 1) % count);
  const prev = Int32Array.from(minima, (_, j) => (j - 1 + count) % count);
  const leftMax = Int32Array.from(maxima);
  const alive = new Uint8Array(count).fill(1);
  const drop = (j: number) => Math.min(values[leftMax[j]], values[leftMax[next[j]]]) - values[minima[j]];
  while (count > 0) {
    let shallowest = -1;
    for (let j = 0; j < minima.length; j++) {
      if (alive[j] && (shallowest < 0 || drop(j) < drop(shallowest))) shallowest = j;
    }
    if (drop(shallowest) >= minDrop) break;
    const after = next[shallowest], before = prev[shallowest];
    if (values[leftMax[shallowest]] > values[leftMax[after]]) leftMax[after] = leftMax[shallowest];
    next[before] = after;
    prev[after] = before;
    alive[shallowest] = 0;
    count--;
  }
  const dips: SpeedDip[] = [];
  for (let j = 0; j < minima.length; j++) {
    if (!alive[j]) continue;
    dips.push({
      minIndex: minima[j],
      leftMaxIndex: leftMax[j],
      rightMaxIndex: leftMax[next[j]],
      drop: drop(j),
    });
  }
  return dips.sort((a, b) => a.minIndex - b.minIndex);
}

/**
 * Local maxima and minima of a closed trace, alternating, starting at the
 * global maximum: `maxima[j]` comes just before `minima[j]`. A plateau
 * counts once, at its first point.
 */
function alternatingExtrema(values: Float64Array): { maxima: number[]; minima: number[] } {
  const n = values.length;
  const maxima: number[] = [];
  const minima: number[] = [];
  if (n < 3) return { maxima, minima };
  let top = 0;
  for (let i = 1; i < n; i++) if (values[i] > values[top]) top = i;
  maxima.push(top);
  let seekingMin = true;
  let candidate = top;
  for (let k = 1; k <= n; k++) {
    const i = (top + k) % n;
    const v = values[i], c = values[candidate];
    if (seekingMin) {
      if (v < c) candidate = i;
      else if (v > c) {
        minima.push(candidate);
        seekingMin = false;
        candidate = i;
      }
    } else if (v > c) candidate = i;
    else if (v < c) {
      maxima.push(candidate);
      seekingMin = true;
      candidate = i;
    }
  }
  // The walk ends back at the global maximum, so it never ends with an unpaired maximum.
  if (maxima.length > minima.length) maxima.length = minima.length;
  return { maxima, minima };
}
