import assert from "node:assert/strict";
import { lapMarkersFromLapNumbers } from "./lap_markers.ts";

const markers = (t: number[], lap: number[]) =>
  lapMarkersFromLapNumbers(Float64Array.from(t), Float64Array.from(lap)).map((m) => [
    Number(m.timeS.toFixed(6)),
    Number(m.uncertaintyS.toFixed(6)),
  ]);

Deno.test("a crossing is the midpoint of the rows either side of a lap change", () => {
  assert.deepEqual(markers([0, 1, 2, 3, 4, 5], [NaN, NaN, 1, 1, 2, 2]), [[1.5, 0.5], [3.5, 0.5]]);
});

Deno.test("a file that starts inside a lap has no crossing at its first row", () => {
  assert.deepEqual(markers([0, 1, 2], [3, 3, 4]), [[1.5, 0.5]]);
});

Deno.test("an unreadable lap number widens the interval instead of adding crossings", () => {
  assert.deepEqual(markers([0, 1, 2, 3, 4], [1, 1, NaN, 2, 2]), [[2, 1]]);
  assert.deepEqual(markers([0, 1, 2, 3], [1, NaN, 1, 1]), []);
});

Deno.test("rows whose time does not increase are ignored", () => {
  assert.deepEqual(markers([0, 1, 1, 2], [1, 1, 2, 2]), [[1.5, 0.5]]);
  assert.deepEqual(markers([0, 1, 0.5, 2], [1, 1, 2, 2]), [[1.5, 0.5]]);
});
