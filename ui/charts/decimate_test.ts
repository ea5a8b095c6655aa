import assert from "node:assert/strict";
import { decimateGrid } from "./decimate.ts";

const identity = (v: number) => v;

Deno.test("a short series passes through unchanged, NaN dropped", () => {
  const s = decimateGrid([1, NaN, 3, 4], 0, 3, 100, (i) => i * 2, identity);
  assert.deepEqual([...s.x], [0, 4, 6]);
  assert.deepEqual([...s.y], [1, 3, 4]);
  assert.equal(s.length, 3);
});

Deno.test("a long series keeps at most two points per pixel column, the extremes of each, in order", () => {
  const n = 100_000;
  const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500) + (i % 997 === 0 ? 5 : 0));
  const width = 400;
  const s = decimateGrid(values, 0, n - 1, width, (i) => i, identity);
  assert.ok(s.length <= 2 * width, `${s.length} points`);
  for (let k = 1; k < s.length; k++) assert.ok(s.x[k] > s.x[k - 1], "x increases");
  // Every spike survives: the decimated line reaches the same maximum and minimum.
  assert.equal(Math.max(...s.y), Math.max(...values));
  assert.equal(Math.min(...s.y), Math.min(...values));
  // Each column's extremes are present.
  const perColumn = n / width;
  for (const c of [0, 57, 399]) {
    const lo = Math.floor(c * perColumn), hi = Math.floor((c + 1) * perColumn) - 1;
    const column = values.subarray(lo, hi + 1);
    const ys = [...s.y.filter((_, k) => s.x[k] >= lo && s.x[k] <= hi)];
    assert.deepEqual(ys.sort(), [Math.min(...column), Math.max(...column)].sort());
  }
});

Deno.test("only the requested index range is used and y goes through mapY", () => {
  const values = Float64Array.from({ length: 50 }, (_, i) => i);
  const s = decimateGrid(values, 10, 19, 100, (i) => i, (v) => v * 2);
  assert.deepEqual([...s.y], [20, 22, 24, 26, 28, 30, 32, 34, 36, 38]);
});
