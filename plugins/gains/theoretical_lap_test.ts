import assert from "node:assert/strict";
import { clockedSyntheticLaps, syntheticCorner, syntheticLap } from "../../sdk/testing/mod.ts";
import { segmentGains } from "./segment_gains.ts";
import { stitchTheoreticalLap } from "./theoretical_lap.ts";

const corner = syntheticCorner(1, 210, 280, 350);
const laps = clockedSyntheticLaps([
  syntheticLap(1, 700, [[0.3, 40], [0.5, 20], [1, 40]]),
  syntheticLap(2, 707, [[0.3, 40], [0.5, 22], [1, 35]]),
  syntheticLap(3, 700, [[0.3, 42], [0.5, 19], [1, 40]]),
]);

Deno.test("the theoretical lap runs on the best lap's grid through each segment's owner and ends at the theoretical best", () => {
  const gains = segmentGains(laps, 0, [corner]);
  const theoretical = stitchTheoreticalLap(gains, laps, laps[0]);
  assert.deepEqual(theoretical.owners, [3, 2, 1]);
  assert.equal(theoretical.timeS.length, laps[0].grid.points);
  assert.equal(theoretical.timeS[0], 0);
  assert.equal(theoretical.timeS.at(-1), gains.theoreticalBestS);
  // Grid point 300 is the corner's entry (210 m), point 500 its exit (350 m).
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  assert.ok(close(theoretical.timeS[300], 210 / 42), "owner of S0-1 is lap 3");
  assert.ok(close(theoretical.timeS[500], 210 / 42 + 141.4 / 22), "T1 from lap 2, offset to run on");
  assert.deepEqual([theoretical.speedMps[100], theoretical.speedMps[400], theoretical.speedMps[600]], [
    42,
    22,
    40,
  ]);
  for (let i = 1; i < theoretical.timeS.length; i++) {
    const step = theoretical.timeS[i] - theoretical.timeS[i - 1];
    assert.ok(step > 0 && step <= 0.7 / 19 + 1e-9, `no jump at grid point ${i}`);
  }
});
