import assert from "node:assert/strict";
import { findLineExcursions, MIN_EXCURSION_M } from "./line_excursions.ts";
import { syntheticCorner } from "../../sdk/testing/mod.ts";
import { circleGrid, flyingLap } from "./_test_support.ts";

const cruise = () => 30;
/** A lap that runs `byM` metres wide between `fromM` and `toM`. */
const wideBetween =
  (fromM: number, toM: number, byM: number) => (m: number) => (m >= fromM && m <= toM ? byM : 0);

Deno.test("running 4 m wide through a corner is an excursion; on a straight it is not", () => {
  const refs = [1, 2, 3, 4].map((n) => ({ lap: flyingLap(n, 42), grid: circleGrid(n, cruise) }));
  const wide = { lap: flyingLap(5, 42), grid: circleGrid(5, cruise, wideBetween(320, 360, 4)) };
  const wideOnStraight = { lap: flyingLap(6, 42), grid: circleGrid(6, cruise, wideBetween(800, 860, 4)) };
  const found = findLineExcursions(
    [...refs, wide, wideOnStraight],
    refs.map((r) => r.grid),
    [syntheticCorner(1, 300, 350, 400)],
    [],
  )!;
  assert.equal(found.thresholdM, MIN_EXCURSION_M);
  for (const n of [1, 2, 3, 4, 6]) assert.deepEqual(found.byLap.get(n), [], `lap ${n}`);
  const [e] = found.byLap.get(5)!;
  assert.equal(e.corner, 1);
  // Anticlockwise: outside the circle is to the right of travel.
  assert.ok(Math.abs(e.peakOffsetM + 4) < 0.1, `${e.peakOffsetM}`);
  assert.ok(Math.abs(e.lengthM - 40) < 5);
});

Deno.test("an excursion inside a poor-GPS stretch is ignored", () => {
  const refs = [1, 2, 3].map((n) => ({ lap: flyingLap(n, 42), grid: circleGrid(n, cruise) }));
  const wide = { lap: flyingLap(5, 42, 500), grid: circleGrid(5, cruise, wideBetween(320, 360, 4)) };
  // 320..360 m at 30 m/s is 10.7..12 s into the lap, which started at 500 s.
  const badSpans = [{ startS: 510, endS: 513, reason: "test" }];
  const found = findLineExcursions(
    [...refs, wide],
    refs.map((r) => r.grid),
    [syntheticCorner(1, 300, 350, 400)],
    badSpans,
  )!;
  assert.deepEqual(found.byLap.get(5), []);
});
