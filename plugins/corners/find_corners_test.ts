import assert from "node:assert/strict";
import { GRID_STEP_M } from "../../sdk/mod.ts";
import { findCorners } from "./find_corners.ts";
import type { ReferenceTrace } from "./reference_trace.ts";

const LAP_M = 2100;
const N = Math.round(LAP_M / GRID_STEP_M);

/** Constant curvature `k` (1/m, + = left) from `fromM` to `toM` (may wrap past the line). */
type Bend = [fromM: number, toM: number, k: number];
/** A V-shaped speed dip of `depthMps` at `atM`, `halfWidthM` each side. */
type Dip = [atM: number, depthMps: number, halfWidthM: number];

function reference(bends: Bend[], dips: Dip[], closed = true): ReferenceTrace {
  const round = (d: number) => Math.min(Math.abs(d), LAP_M - Math.abs(d));
  const speedMps = Float64Array.from(
    { length: N },
    (_, i) =>
      50 -
      dips.reduce(
        (sum, [at, depth, half]) => sum + depth * Math.max(0, 1 - round(i * GRID_STEP_M - at) / half),
        0,
      ),
  );
  const curvature = Float64Array.from({ length: N }, (_, i) => {
    const m = i * GRID_STEP_M;
    const bend = bends.find(([from, to]) => (from <= to ? m >= from && m < to : m >= from || m < to));
    return bend ? bend[2] : 0;
  });
  const fastest = {
    number: 1,
    points: N,
    stepM: GRID_STEP_M,
    channels: { speedMps, timeS: new Float64Array(N) },
  };
  return { lapNumbers: [1], stepM: GRID_STEP_M, points: N, speedMps, curvature, closed, fastest };
}

/** How far beyond a bend of curvature `k` its 20 m mean (29 points) stays above 1/500 per m. */
const overhangM = (k: number) => 14 * GRID_STEP_M - (29 * GRID_STEP_M * (1 / 500)) / Math.abs(k);

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);

Deno.test("a hairpin: apex at the speed minimum, entry and exit where the 20 m mean curvature passes 1/500", () => {
  const [corner, ...rest] = findCorners(reference([[800, 860, 1 / 40]], [[830, 30, 150]]));
  assert.equal(rest.length, 0);
  near(corner.apexM, 830, GRID_STEP_M, "apex");
  near(corner.entryM, 800 - overhangM(1 / 40), GRID_STEP_M, "entry");
  near(corner.exitM, 860 + overhangM(1 / 40), GRID_STEP_M, "exit");
  near(corner.peakCurvature, 1 / 40, 1e-9, "peak curvature");
  assert.equal(corner.direction, "left");
  assert.ok(corner.braking);
  assert.deepEqual([corner.number, corner.label, corner.name, corner.officialNumbers], [1, "C1", null, []]);
});

Deno.test("a fast kink where the driver lifts is a corner; a lift on a straight is not", () => {
  const corners = findCorners(reference([[1200, 1230, -1 / 250]], [[1215, 2, 60], [1600, 3, 60]]));
  assert.equal(corners.length, 1);
  assert.equal(corners[0].direction, "right");
  // On a shallow V the apex is where the speed first comes within 0.1 m/s of the minimum: 3 m early.
  near(corners[0].apexM, 1215 - 0.1 / (2 / 60), GRID_STEP_M, "apex");
  // Too shallow a dip (under 4 km/h) is no corner even where the line bends.
  assert.deepEqual(findCorners(reference([[1200, 1230, -1 / 250]], [[1215, 1, 60]])), []);
});

Deno.test("a corner across the start/finish line belongs to the lap its apex is on", () => {
  const [corner] = findCorners(reference([[LAP_M - 30, 30, -1 / 60]], [[10, 20, 120]]));
  near(corner.apexM, 10, GRID_STEP_M, "apex");
  assert.ok(corner.entryM < 0, `entry ${corner.entryM} lies before the line`);
  near(corner.exitM, 30 + overhangM(1 / 60), GRID_STEP_M, "exit");
});

Deno.test("a left-right taken with a lift in each half is two corners", () => {
  // Left 400..440 with its minimum at 420 (10 m/s down), right 440..490 with its own at 470 (14 m/s down).
  const s = reference([[400, 440, 1 / 60], [440, 490, -1 / 60]], [[420, 10, 100], [470, 6, 40]]);
  const corners = findCorners(s);
  assert.deepEqual(corners.map((c) => c.direction), ["left", "right"]);
  near(corners[0].apexM, 420 - 0.1 / (10 / 100), GRID_STEP_M, "left apex");
  // Coming into 470 the speed falls at 6/40 - 10/100 m/s per m (the first dip is already rising).
  near(corners[1].apexM, 470 - 0.1 / (6 / 40 - 10 / 100), GRID_STEP_M, "right apex");
  assert.ok(corners[0].exitM <= corners[1].entryM, "the two corners do not overlap");
});

Deno.test("a dip at the line of a trace that does not join up there is no corner", () => {
  const dips: Dip[] = [[LAP_M - 5, 20, 100], [1000, 20, 100]];
  const bends: Bend[] = [[LAP_M - 40, 40, 1 / 80], [980, 1020, 1 / 80]];
  assert.equal(findCorners(reference(bends, dips, true)).length, 2);
  assert.deepEqual(findCorners(reference(bends, dips, false)).map((c) => Math.round(c.apexM)), [1000]);
});
