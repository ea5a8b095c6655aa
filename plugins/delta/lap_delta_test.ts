import assert from "node:assert/strict";
import { elapsedAtFraction } from "../../sdk/mod.ts";
import {
  clockedSyntheticLaps,
  syntheticCorner,
  syntheticLap,
  type Zone,
  zoneTimeS,
} from "../../sdk/testing/mod.ts";
import { lapDelta } from "./lap_delta.ts";

// Reference (best) lap: 700 m, 21 s. Compared lap: 707 m (1 % longer), 21.8298 s.
const bestZones: Zone[] = [[0.3, 40], [0.5, 20], [1, 40]];
const slowerZones: Zone[] = [[0.3, 40], [0.5, 22], [1, 35]];
const [best, slower] = clockedSyntheticLaps([
  syntheticLap(1, 700, bestZones),
  syntheticLap(2, 707, slowerZones),
]);
const timed = (lap: typeof best) => ({ number: lap.lap.number, clock: lap.clock });
const corner = syntheticCorner(1, 210, 280, 350);
const close = (actual: number, expected: number, what: string, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${what}: ${actual} vs ${expected}`);

Deno.test("delta runs on the reference grid at the same fraction of each lap and ends at the lap-time difference", () => {
  const delta = lapDelta(timed(slower), timed(best), [corner]);
  assert.equal(delta.lap, 2);
  assert.equal(delta.reference, 1);
  assert.equal(delta.deltaS.length, best.grid.points);
  assert.equal(delta.deltaS[0], 0);
  close(delta.totalS, slower.lap.timeS! - 21, "total");
  assert.equal(delta.deltaS.at(-1), delta.totalS);
  // 30 % into the lap (grid point 300 = 210 m on the reference, 212.1 m on the compared lap).
  close(delta.deltaS[300], 212.1 / 40 - 210 / 40, "delta at the corner entry");
  for (const i of [123, 456, 789]) {
    const m = i * 0.7;
    const expected = zoneTimeS(707, slowerZones, m * 1.01) - zoneTimeS(700, bestZones, m);
    close(delta.deltaS[i], expected, `delta at grid point ${i}`);
  }
});

Deno.test("per-corner deltas: the corner, and the straight after it across the line, add up to the total", () => {
  const delta = lapDelta(timed(slower), timed(best), [corner]);
  assert.equal(delta.corners.length, 1);
  const [t1] = delta.corners;
  assert.equal(t1.corner, 1);
  close(t1.cornerS, 141.4 / 22 - 7, "time gained in T1");
  close(
    t1.followingStraightS,
    (353.5 / 35 - 8.75) + (212.1 / 40 - 5.25),
    "T1's exit straight to the line and on to T1",
  );
  close(t1.cornerS + t1.followingStraightS, delta.totalS, "corner + straight = total");
});

Deno.test("a lap against itself has no delta anywhere", () => {
  const delta = lapDelta(timed(best), timed(best), [corner]);
  assert.ok(delta.deltaS.every((d) => d === 0));
  assert.equal(delta.totalS, 0);
  assert.deepEqual(delta.corners, [{ corner: 1, cornerS: 0, followingStraightS: 0 }]);
});

Deno.test("several corners, one across the line: every metre counts for one corner", () => {
  const corners = [
    syntheticCorner(1, -35, 20, 70), // entry before the line
    syntheticCorner(2, 200, 250, 300),
    syntheticCorner(3, 300, 330, 420), // starts where T2 ends
  ];
  const delta = lapDelta(timed(slower), timed(best), corners);
  assert.deepEqual(delta.corners.map((c) => c.corner), [1, 2, 3]);
  assert.equal(delta.corners[1].followingStraightS, 0, "no straight between T2 and T3");
  const sum = delta.corners.reduce((s, c) => s + c.cornerS + c.followingStraightS, 0);
  close(sum, delta.totalS, "Σ corners + straights");
  // T1 = its part after the line (0..70 m) plus its entry before the line (665..700 m).
  const at = (lap: typeof best, m: number) => elapsedAtFraction(lap.clock, m / 700);
  const d = (m: number) => at(slower, m) - at(best, m);
  close(delta.corners[0].cornerS, d(70) - d(0) + (d(700) - d(665)), "T1 on both sides of the line");
});

Deno.test("a reference with another length: the compared lap is matched by fraction both ways", () => {
  const reverse = lapDelta(timed(best), timed(slower), [corner]);
  close(reverse.totalS, 21 - slower.lap.timeS!, "total");
  assert.equal(reverse.deltaS.length, slower.grid.points);
  assert.equal(reverse.deltaS.at(-1), reverse.totalS);
  close(reverse.corners[0].cornerS + reverse.corners[0].followingStraightS, reverse.totalS, "sum");
});
