/**
 * Per-pixel decimation of a series on a uniform grid: at most two points
 * (the minimum and the maximum, in their original order) per pixel column,
 * so a line drawn from the result looks exactly like the full line at that
 * width, whatever the number of points.
 *
 * @module
 */

import type { Series } from "../../sdk/views.ts";

/**
 * Points `i0..i1` (inclusive) of `values`, x = `xOf(i)`, y = `mapY(values[i])`,
 * reduced to ≤ 2 per pixel column of `widthPx`. NaN values are dropped.
 */
export function decimateGrid(
  values: ArrayLike<number>,
  i0: number,
  i1: number,
  widthPx: number,
  xOf: (i: number) => number,
  mapY: (v: number) => number,
): Series {
  const count = Math.max(0, i1 - i0 + 1);
  const columns = Math.max(1, Math.floor(widthPx));
  if (count <= columns * 2) return copyRange(values, i0, i1, xOf, mapY);
  const x = new Float64Array(columns * 2);
  const y = new Float64Array(columns * 2);
  let n = 0;
  const perColumn = count / columns;
  for (let c = 0; c < columns; c++) {
    const lo = i0 + Math.floor(c * perColumn);
    const hi = Math.min(i1, i0 + Math.floor((c + 1) * perColumn) - 1);
    let minI = -1, maxI = -1;
    for (let i = lo; i <= hi; i++) {
      const v = values[i];
      if (v !== v) continue;
      if (minI < 0 || v < values[minI]) minI = i;
      if (maxI < 0 || v > values[maxI]) maxI = i;
    }
    if (minI < 0) continue;
    const first = Math.min(minI, maxI), second = Math.max(minI, maxI);
    x[n] = xOf(first);
    y[n++] = mapY(values[first]);
    if (second !== first) {
      x[n] = xOf(second);
      y[n++] = mapY(values[second]);
    }
  }
  return { x: x.subarray(0, n), y: y.subarray(0, n), length: n };
}

function copyRange(
  values: ArrayLike<number>,
  i0: number,
  i1: number,
  xOf: (i: number) => number,
  mapY: (v: number) => number,
): Series {
  const count = Math.max(0, i1 - i0 + 1);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  let n = 0;
  for (let i = i0; i <= i1; i++) {
    const v = values[i];
    if (v !== v) continue;
    x[n] = xOf(i);
    y[n++] = mapY(v);
  }
  return { x: x.subarray(0, n), y: y.subarray(0, n), length: n };
}
