import assert from "node:assert/strict";
import { drivenLaps } from "./_test_profile.ts";
import { referenceTrace } from "./reference_trace.ts";

const LAP_M = 1000;
/** 40 m/s with a corner at 500 m (down to 20 m/s); lap 3 is a mistake there (down to 10 m/s). */
const speedAt = (m: number) => {
  const lap = Math.floor(m / LAP_M) + 1, d = m % LAP_M;
  const depth = lap === 3 ? 30 : 20;
  return 40 - depth * Math.max(0, 1 - Math.abs(d - 500) / 100);
};

Deno.test("the reference speed is the median of the analysis laps: one lap's mistake does not move it", () => {
  const { gridded } = drivenLaps(speedAt, LAP_M, 5);
  const reference = referenceTrace(gridded)!;
  assert.deepEqual(reference.lapNumbers.slice().sort(), [1, 2, 3, 4, 5]);
  assert.equal(reference.lapNumbers[4], 3, "fastest first, the mistake last");
  assert.equal(reference.points, gridded.grids[0].points);
  const apex = Math.round(500 / reference.stepM);
  // 20 m/s, plus what the 5 m average adds at the bottom of a V falling 0.2 m/s per m: 0.24 m/s.
  assert.ok(Math.abs(reference.speedMps[apex] - 20.24) < 0.01, `apex speed ${reference.speedMps[apex]}`);
  assert.ok(reference.closed);
  assert.equal(reference.fastest.number, reference.lapNumbers[0]);
});

Deno.test("without analysis laps the fastest complete lap is the reference; without one, none", () => {
  // Lap 2 is 1 m/s faster all round.
  const { gridded } = drivenLaps((m) => speedAt(m) + (Math.floor(m / LAP_M) === 1 ? 1 : 0), LAP_M, 3);
  const excluded = gridded.laps.map((lap) => ({ ...lap, included: false, kind: "out" as const }));
  assert.deepEqual(referenceTrace({ ...gridded, laps: excluded })!.lapNumbers, [2]);
  const unfinished = excluded.map((lap) => ({ ...lap, complete: false, timeS: null }));
  assert.equal(referenceTrace({ ...gridded, laps: unfinished }), null);
  assert.equal(referenceTrace({ laps: [], grids: [] }), null);
});

Deno.test("a single lap that ends much slower than it starts does not join up at the line", () => {
  const slowing = (m: number) => 40 - 20 * Math.max(0, (m - 900) / 100);
  const { gridded } = drivenLaps(slowing, LAP_M, 1);
  assert.equal(referenceTrace(gridded)!.closed, false);
});
