import assert from "node:assert/strict";
import { createLocalProjection, type DistanceLap, GRID_STEP_M, type LapClock } from "../../sdk/mod.ts";
import { closedLapCurvature, drivenLineCurvature, lapHeadingRad } from "./curvature.ts";

const projection = createLocalProjection(33.53, -86.62);

/**
 * One anticlockwise lap of a circle of radius `r` on the 0.7 m grid
 * starting at angle `startRad`, with positions and (optionally) course
 * over ground; `headingNoiseDeg` adds a deterministic ripple to the course.
 */
function circleLap(r: number, opts: { course?: boolean; startRad?: number; headingNoiseDeg?: number } = {}): {
  grid: DistanceLap;
  clock: LapClock;
} {
  const lengthM = 2 * Math.PI * r;
  const points = Math.floor(lengthM / GRID_STEP_M) + 1;
  const latDeg = new Float64Array(points), lonDeg = new Float64Array(points);
  const headingDeg = new Float64Array(points), speedMps = new Float64Array(points).fill(20);
  const timeS = Float64Array.from({ length: points }, (_, i) => (i * GRID_STEP_M) / 20);
  for (let i = 0; i < points; i++) {
    const angle = (opts.startRad ?? 0) + (i * GRID_STEP_M) / r; // anticlockwise: a left turn
    const p = projection.unproject(r * Math.cos(angle), r * Math.sin(angle));
    latDeg[i] = p.latDeg;
    lonDeg[i] = p.lonDeg;
    // Direction of travel (−sin, cos) as a bearing clockwise from north.
    const bearing = (Math.atan2(-Math.sin(angle), Math.cos(angle)) * 180) / Math.PI;
    const ripple = (opts.headingNoiseDeg ?? 0) * Math.sin(i * 1.7);
    headingDeg[i] = (((bearing + ripple) % 360) + 360) % 360;
  }
  const channels: DistanceLap["channels"] = { timeS, speedMps, latDeg, lonDeg };
  if (opts.course !== false) channels.headingDeg = headingDeg;
  return {
    grid: { number: 1, points, stepM: GRID_STEP_M, channels },
    clock: { timeS, stepM: GRID_STEP_M, lengthM, lapTimeS: lengthM / 20 },
  };
}

Deno.test("a circle driven anticlockwise has curvature +1/r everywhere, across the line too", () => {
  for (const r of [25, 80, 300]) {
    const { grid, clock } = circleLap(r, { startRad: 1 });
    const k = closedLapCurvature(lapHeadingRad(grid)!, grid.stepM, clock.lengthM);
    for (let i = 0; i < k.length; i++) {
      assert.ok(Math.abs(k[i] * r - 1) < 0.01, `r ${r}, point ${i}: ${1 / k[i]} m`);
    }
  }
});

Deno.test("without a course channel the heading comes from positions, with the same curvature across the line", () => {
  const r = 60;
  const { grid, clock } = circleLap(r, { course: false });
  const k = closedLapCurvature(lapHeadingRad(grid)!, grid.stepM, clock.lengthM);
  for (let i = 0; i < k.length; i++) assert.ok(Math.abs(k[i] * r - 1) < 0.01, `point ${i}: ${1 / k[i]} m`);
});

Deno.test("the heading average and ±10 m difference turn 0.5° of heading ripple into < 1 % of curvature", () => {
  const r = 60;
  const { grid, clock } = circleLap(r, { headingNoiseDeg: 0.5 });
  const k = closedLapCurvature(lapHeadingRad(grid)!, grid.stepM, clock.lengthM);
  for (let i = 0; i < k.length; i++) assert.ok(Math.abs(k[i] * r - 1) < 0.01, `point ${i}: ${1 / k[i]} m`);
});

Deno.test("the driven line is the point-wise median of the laps: one lap's glitch does not move it", () => {
  const r = 50;
  const good = [circleLap(r), circleLap(r), circleLap(r)];
  const glitch = circleLap(r);
  const course = glitch.grid.channels.headingDeg!;
  for (let i = 200; i < 260; i++) course[i] = (course[i] + 25) % 360; // a 42 m stretch 25° off
  const k = drivenLineCurvature([...good, glitch], good[0])!;
  for (let i = 0; i < k.length; i++) assert.ok(Math.abs(k[i] * r - 1) < 0.01, `point ${i}: ${1 / k[i]} m`);
});

Deno.test("a lap without heading or positions gives no heading", () => {
  const { grid } = circleLap(40, { course: false });
  grid.channels.latDeg = new Float64Array(grid.points).fill(NaN);
  assert.equal(lapHeadingRad(grid), null);
});

Deno.test("the line may close up to a step after the last point, or more: no kink at the line", () => {
  // A steady left turn sampled every 0.7 m, closing 1.2 m after the last point.
  const n = 700, lengthM = (n - 1) * GRID_STEP_M + 1.2;
  const turn = 2 * Math.PI; // one anticlockwise turn over the closed line: heading falls by 2π
  const heading = Float64Array.from({ length: n }, (_, i) => -(turn * i * GRID_STEP_M) / lengthM);
  const k = closedLapCurvature(heading, GRID_STEP_M, lengthM);
  const expected = turn / lengthM;
  for (let i = 0; i < n; i++) {
    assert.ok(Math.abs(k[i] / expected - 1) < 1e-9, `point ${i}: ${k[i]} vs ${expected}`);
  }
});
