import assert from "node:assert/strict";
import { GRID_STEP_M } from "../../sdk/mod.ts";
import { drivenLaps } from "./_test_profile.ts";
import {
  griddedLaps,
  lapWindow,
  metresAt,
  periodicExtension,
  periodicWindow,
  pointAt,
} from "./lap_window.ts";

// Three 500 m laps at a speed that grows with the session distance m: 20 + m / 100 m/s.
const speedAt = (m: number) => 20 + m / 100;

Deno.test("a lap's window reads its neighbours at their true distances, with a continuous clock", () => {
  const { gridded, timeAtM } = drivenLaps(speedAt, 500, 3);
  const window = lapWindow(gridded, 1, 100);
  assert.equal(window.offsetPoints, 100);
  assert.equal(window.lap.points, 100 + gridded.grids[1].points + 100);
  for (const i of [0, 50, 99, 100, 400, window.lap.points - 1]) {
    const m = metresAt(window, i);
    assert.ok(Math.abs(window.lap.channels.speedMps[i] - speedAt(500 + m)) < 1e-9, `speed at ${m} m`);
    const timeS = timeAtM(500 + m) - timeAtM(500);
    assert.ok(Math.abs(window.lap.channels.timeS[i] - timeS) < 1e-6, `time at ${m} m`);
  }
  assert.equal(pointAt(window, 0), 100);
  assert.equal(pointAt(window, -1e6), 0);
});

Deno.test("laps that do not follow on (a gap, a dropped lap) lend nothing", () => {
  const { gridded } = drivenLaps(speedAt, 500, 3);
  const gapped = {
    ...gridded,
    laps: gridded.laps.map((lap, i) => (i === 2 ? { ...lap, startTimeS: lap.startTimeS + 5 } : lap)),
  };
  const window = lapWindow(gapped, 1, 100);
  assert.equal(window.offsetPoints, 100);
  assert.equal(window.lap.points, 100 + gridded.grids[1].points);
  const first = lapWindow(gridded, 0, 100);
  assert.equal(first.offsetPoints, 0);
});

Deno.test("laps are paired with their grids by number", () => {
  const { gridded } = drivenLaps(speedAt, 500, 3);
  const paired = griddedLaps(gridded.laps, [gridded.grids[2], gridded.grids[0]]);
  assert.deepEqual(paired.laps.map((l) => l.number), [1, 3]);
  assert.deepEqual(paired.grids.map((g) => g.number), [1, 3]);
});

Deno.test("a closed trace extends with its own other end", () => {
  assert.deepEqual([...periodicExtension(Float64Array.of(1, 2, 3), 2)], [2, 3, 1, 2, 3, 1, 2]);
  const window = periodicWindow(Float64Array.of(10, 10, 10, 10), GRID_STEP_M, 2);
  assert.equal(window.offsetPoints, 2);
  assert.ok(Math.abs(window.lap.channels.timeS[0] + (2 * GRID_STEP_M) / 10) < 1e-12);
});
