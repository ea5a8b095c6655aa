import assert from "node:assert/strict";
import {
  clockedAnalysisLaps,
  clockedLaps,
  elapsedAt,
  elapsedAtFraction,
  lapClock,
  splitTimes,
} from "./lap_clock.ts";
import { syntheticLap } from "./testing/mod.ts";

/** A lap of `lengthM` at a constant 20 m/s on the 0.7 m grid. */
const steadyLap = (number: number, lengthM: number) => syntheticLap(number, lengthM, [[1, 20]]);

Deno.test("elapsed time is exact from the line to the line, past the last grid point too", () => {
  const { lap, grid } = steadyLap(1, 100); // last grid point at 99.4 m
  const clock = lapClock(lap, grid);
  assert.equal(clock.lengthM, 100);
  assert.equal(elapsedAt(clock, 0), 0);
  assert.ok(Math.abs(elapsedAt(clock, 35.35) - 35.35 / 20) < 1e-12);
  assert.ok(Math.abs(elapsedAt(clock, 99.7) - 99.7 / 20) < 1e-12, "between the last grid point and the line");
  assert.equal(elapsedAt(clock, 100), 5);
  assert.equal(elapsedAt(clock, 120), 5, "clamped after the line");
  assert.equal(elapsedAt(clock, -3), 0, "clamped before the line");
  assert.ok(Math.abs(elapsedAtFraction(clock, 0.5) - 2.5) < 1e-12);
});

Deno.test("split times match boundaries at the same fraction of the lap and add up to the lap time", () => {
  const { lap, grid } = steadyLap(2, 102); // 2 % longer than the 100 m reference
  const splits = splitTimes(lapClock(lap, grid), [0, 25, 50, 100], 100);
  assert.deepEqual(Array.from(splits, (s) => +s.toFixed(12)), [1.275, 1.275, 2.55]);
  assert.ok(Math.abs(splits.reduce((a, b) => a + b, 0) - lap.timeS!) < 1e-12);
  assert.equal(splitTimes(lapClock(lap, grid), [], 100).length, 0);
});

Deno.test("clocked laps pair laps with their grids and skip unfinished or ungridded laps", () => {
  const a = steadyLap(1, 100), b = steadyLap(2, 100), c = steadyLap(3, 100);
  b.lap.complete = false;
  b.lap.timeS = null;
  const clocked = clockedLaps([a.lap, b.lap, c.lap], [c.grid, a.grid, b.grid]);
  assert.deepEqual(clocked.map((x) => [x.lap.number, x.grid.number]), [[1, 1], [3, 3]]);
  assert.deepEqual(clockedLaps([a.lap], [c.grid]), []);
  assert.throws(() => lapClock(b.lap, b.grid), RangeError);
});

Deno.test("the clocked analysis laps are the counted complete laps, with the best one marked", () => {
  const out = syntheticLap(1, 100, [[1, 10]]),
    fast = syntheticLap(2, 100, [[1, 25]]),
    slow = steadyLap(3, 100);
  out.lap.kind = "out";
  out.lap.included = false;
  const all = [out, fast, slow];
  const { laps, bestIndex } = clockedAnalysisLaps(all.map((l) => l.lap), all.map((l) => l.grid));
  assert.deepEqual(laps.map((l) => l.lap.number), [2, 3]);
  assert.equal(bestIndex, 0);
  assert.equal(clockedAnalysisLaps([out.lap], [out.grid]).bestIndex, -1);
});
