import assert from "node:assert/strict";
import { createLocalProjection, type Track } from "../../sdk/mod.ts";
import { circuitLine } from "./circuit_line.ts";

/** A circle of radius `r` round a point near VIR: `radialM(i)` moves point i outwards, the last point `closing` short of a full turn. */
function circleTrack(r: number, extra: Partial<Track> = {}, radialM = (_i: number) => 0, closing = 0): Track {
  const points = Math.round((2 * Math.PI * r) / 0.7);
  const projection = createLocalProjection(36.5, -79.2);
  const latDeg = new Float64Array(points), lonDeg = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const angle = (i / points) * 2 * Math.PI * (1 - closing);
    const p = projection.unproject((r + radialM(i)) * Math.cos(angle), (r + radialM(i)) * Math.sin(angle));
    latDeg[i] = p.latDeg;
    lonDeg[i] = p.lonDeg;
  }
  return {
    slug: "circle",
    name: "Circle",
    lengthM: 2 * Math.PI * r,
    lineSource: "test",
    latDeg,
    lonDeg,
    elevationM: null,
    corners: [],
    ...extra,
  };
}

Deno.test("a circuit's reference line that does not close (3 m out, 0.4° short): 1/r, within 10 % at the line", () => {
  const r = 200, points = Math.round((2 * Math.PI * r) / 0.7);
  // Stops 0.4° short of closing and drifts 3 m outwards.
  const track = circleTrack(r, {}, (i) => 3 * (i / (points - 1)), 1e-3);
  const line = circuitLine(track);
  assert.ok(Math.abs(line.lengthM - 2 * Math.PI * r) < 15);
  const n = line.curvature.length;
  const nearLine = Math.round(25 / 0.7);
  for (let i = 0; i < n; i++) {
    const tolerance = i < nearLine || i > n - nearLine ? 0.1 : 0.02; // the seam's kink, spread over ±20 m
    assert.ok(Math.abs(line.curvature[i] * r - 1) < tolerance, `point ${i}: ${1 / line.curvature[i]} m`);
  }
});

Deno.test("a circuit's elevation becomes the gradient on the grid, its banked sections tan φ; none: null", () => {
  const r = 200, points = Math.round((2 * Math.PI * r) / 0.7), lengthM = 2 * Math.PI * r;
  const hillM = 10; // one hill of 10 m over the lap: dz/ds = 10·2π/L·cos(2πs/L), at most 5 %
  const elevationM = Float64Array.from(
    { length: points },
    (_, i) => hillM * Math.sin((2 * Math.PI * i) / points),
  );
  const banking = [{ fromM: 100, toM: 300, deg: 4 }, { fromM: 500, toM: 600, deg: -2 }];
  const line = circuitLine(circleTrack(r, { elevationM, banking }));
  const { sinGrade, tanBank } = line.road;
  assert.ok(sinGrade && tanBank);
  for (let i = 0; i < sinGrade.length; i += 50) {
    const slope = ((hillM * 2 * Math.PI) / lengthM) * Math.cos((2 * Math.PI * i * line.stepM) / line.lengthM);
    const expected = slope / Math.hypot(1, slope);
    assert.ok(Math.abs(sinGrade[i] - expected) < 0.001, `point ${i}: ${sinGrade[i]} vs ${expected}`);
  }
  const at = (m: number) => tanBank[Math.round(m / line.stepM)];
  for (const m of [101, 200, 299]) assert.ok(Math.abs(at(m) - Math.tan((4 * Math.PI) / 180)) < 1e-12);
  for (const m of [501, 599]) assert.ok(Math.abs(at(m) - Math.tan((-2 * Math.PI) / 180)) < 1e-12);
  for (const m of [0, 99, 301, 499, 601, 1000]) assert.equal(at(m), 0);
  assert.deepEqual(circuitLine(circleTrack(r)).road, { sinGrade: null, tanBank: null });
});
