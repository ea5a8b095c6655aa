import assert from "node:assert/strict";
import { type DistanceLap, GRID_STEP_M } from "../../sdk/mod.ts";
import { drivenLaps } from "./_test_profile.ts";
import { curvatureOf } from "./curvature.ts";

/** A lap of `lengthM` through local points `at(m)` (metres east and north). */
const lapThrough = (lengthM: number, at: (m: number) => [number, number]) =>
  drivenLaps(() => 30, lengthM, 1, at).gridded.grids[0];

/** Deterministic noise in -1..1. */
const noise = (i: number) => Math.sin(i * 12.9898) * 43758.5453 % 1;

Deno.test("an arc of radius 60 m has curvature 1/60, positive turning left and negative turning right", () => {
  const left = curvatureOf(lapThrough(300, (m) => [60 * Math.sin(m / 60), 60 - 60 * Math.cos(m / 60)]));
  const right = curvatureOf(lapThrough(300, (m) => [60 * Math.sin(m / 60), -60 + 60 * Math.cos(m / 60)]));
  for (const i of [100, 200, 300]) {
    assert.ok(Math.abs(left[i] - 1 / 60) < 1e-4, `left ${left[i]}`);
    assert.ok(Math.abs(right[i] + 1 / 60) < 1e-4, `right ${right[i]}`);
  }
});

Deno.test("GPS noise of ±0.1 m on a straight stays well under the bend threshold once averaged over 20 m", () => {
  const k = curvatureOf(lapThrough(500, (m) => [m, 0.1 * noise(Math.round(m / GRID_STEP_M))]));
  let worst = 0;
  for (let i = 20; i < k.length - 50; i++) {
    let sum = 0;
    for (let j = 0; j < 29; j++) sum += k[i + j];
    worst = Math.max(worst, Math.abs(sum / 29));
  }
  assert.ok(worst < 1 / 1000, `20 m mean curvature up to ${worst} 1/m on a straight`);
});

Deno.test("no positions, no curvature", () => {
  const lap = lapThrough(50, (m) => [m, 0]);
  const { latDeg: _lat, lonDeg: _lon, ...rest } = lap.channels;
  assert.deepEqual(
    [...curvatureOf({ ...lap, channels: rest as DistanceLap["channels"] })],
    new Array(lap.points).fill(0),
  );
});
