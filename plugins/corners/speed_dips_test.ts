import assert from "node:assert/strict";
import { speedDips } from "./speed_dips.ts";

/** 1000 points at 50 m/s with Gaussian dips `[centre, depth m/s, width points]`. */
function trace(dips: [number, number, number][], n = 1000): Float64Array {
  return Float64Array.from({ length: n }, (_, i) =>
    50 - dips.reduce((sum, [c, depth, w]) => {
      const d = Math.min(Math.abs(i - c), n - Math.abs(i - c)); // round the closed trace
      return sum + depth * Math.exp(-((d / w) ** 2));
    }, 0));
}

Deno.test("dips deeper than the threshold are found at their minima; shallow ones are not", () => {
  const dips = speedDips(trace([[200, 10, 30], [500, 0.5, 10], [800, 3, 20]]), 2);
  assert.deepEqual(dips.map((d) => d.minIndex), [200, 800]);
  assert.ok(Math.abs(dips[0].drop - 10) < 0.1 && Math.abs(dips[1].drop - 3) < 0.1);
});

Deno.test("a wiggle inside a dip does not split it", () => {
  // A 0.3 m/s bump at 290 on the way down into the minimum at 300.
  const dips = speedDips(trace([[300, 12, 60], [290, -0.3, 2]]), 1);
  assert.deepEqual(dips.map((d) => d.minIndex), [300]);
  assert.ok(Math.abs(dips[0].drop - 12) < 0.01, `drop ${dips[0].drop}`);
});

Deno.test("the drop is measured to the lower of the two neighbouring maxima", () => {
  const gauss = (i: number, c: number, w: number) => Math.exp(-(((i - c) / w) ** 2));
  // 50 m/s with a dip at 200; a 42 m/s plateau with a 3 m/s dip at 450; a dip to 30 m/s at 750.
  const values = Float64Array.from(
    { length: 1000 },
    (_, i) =>
      i < 300
        ? 50 - 10 * gauss(i, 200, 20)
        : i < 600
        ? 42 - 3 * gauss(i, 450, 20)
        : 42 - 12 * gauss(i, 750, 40) + (i > 850 ? (8 * (i - 850)) / 150 : 0),
  );
  const dips = speedDips(values, 2);
  assert.deepEqual(dips.map((d) => d.minIndex), [200, 450, 750]);
  assert.ok(Math.abs(dips[1].drop - 3) < 0.01, `drop ${dips[1].drop}`);
  assert.equal(values[dips[1].rightMaxIndex], 42);
});

Deno.test("a dip across the end of the trace is one dip", () => {
  const [dip] = speedDips(trace([[995, 8, 30]]), 2);
  assert.equal(dip.minIndex, 995);
  assert.ok(dip.rightMaxIndex < dip.minIndex, "its right maximum lies after the wrap");
});

Deno.test("a constant or tiny trace has no dips", () => {
  assert.deepEqual(speedDips(new Float64Array(100).fill(30), 1), []);
  assert.deepEqual(speedDips(Float64Array.of(1, 2), 0.1), []);
});
