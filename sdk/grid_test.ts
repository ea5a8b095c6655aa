import assert from "node:assert/strict";
import { G, longitudinalG } from "./grid.ts";
import { type DistanceLap, GRID_STEP_M } from "./laps.ts";

/** A lap on the grid whose v² is `vSquared(s)`. */
function lapOf(lengthM: number, vSquared: (m: number) => number): DistanceLap {
  const points = Math.round(lengthM / GRID_STEP_M) + 1;
  const speedMps = Float64Array.from({ length: points }, (_, i) => Math.sqrt(vSquared(i * GRID_STEP_M)));
  return { number: 1, points, stepM: GRID_STEP_M, channels: { timeS: new Float64Array(points), speedMps } };
}

Deno.test("longitudinalG is the mean of v·dv/ds over exactly the window, not a whole number of grid steps", () => {
  // Constant speed up to 49 m (a grid point), then 5 m/s² of acceleration: v² rises 10 m²/s² per metre.
  const rampM = 70 * GRID_STEP_M, accelMps2 = 5;
  const lap = lapOf(140, (m) => 900 + 2 * accelMps2 * Math.max(0, m - rampM));
  for (const windowM of [10, 6]) {
    const longG = longitudinalG(lap, windowM);
    for (let i = 0; i < lap.points; i++) {
      const m = i * GRID_STEP_M;
      if (m < windowM / 2 || m > 140 - windowM / 2) continue;
      // Share of the window on the ramp, times the ramp's acceleration.
      const onRamp = Math.min(windowM, Math.max(0, m + windowM / 2 - rampM)) / windowM;
      assert.ok(
        Math.abs(longG[i] - (onRamp * accelMps2) / G) < 1e-4,
        `${windowM} m window at ${m.toFixed(1)} m: ${longG[i]} g`,
      );
    }
  }
});

Deno.test("longitudinalG shrinks the window to the data at the lap's ends", () => {
  const lap = lapOf(30, (m) => 900 - 2 * 7 * m); // braking at 7 m/s² throughout
  const longG = longitudinalG(lap, 10);
  for (const g of longG) assert.ok(Math.abs(g + 7 / G) < 1e-3, `${g} g`);
  assert.deepEqual([...longitudinalG(lapOf(0, () => 100), 10)], [0]);
});
