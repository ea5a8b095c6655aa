import assert from "node:assert/strict";
import { createLocalProjection, createPolyline, EARTH_RADIUS_M, haversineM } from "./geo.ts";

const near = (actual: number, expected: number, tolerance: number, what = "value") =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: expected ${expected} ± ${tolerance}, got ${actual}`,
  );

Deno.test("haversineM: one degree of latitude and a known city pair", () => {
  near(haversineM(0, 0, 1, 0), (EARTH_RADIUS_M * Math.PI) / 180, 1e-6, "1 deg latitude");
  // Paris (48.8566 N, 2.3522 E) to London (51.5074 N, 0.1278 W): 343.5 km on this sphere.
  near(haversineM(48.8566, 2.3522, 51.5074, -0.1278), 343_556, 100, "Paris-London");
  assert.equal(haversineM(33.5, -86.6, 33.5, -86.6), 0);
  // Antipodes: half the circumference.
  near(haversineM(10, 20, -10, -160), Math.PI * EARTH_RADIUS_M, 1, "antipodes");
});

Deno.test("createLocalProjection: metres agree with haversine and round-trip", () => {
  const proj = createLocalProjection(33.5326, -86.6197);
  const p = proj.project(33.5426, -86.6097);
  near(Math.hypot(p.x, p.y), haversineM(33.5326, -86.6197, 33.5426, -86.6097), 1.0, "distance");
  assert.ok(p.x > 0 && p.y > 0);
  const back = proj.unproject(p.x, p.y);
  near(back.latDeg, 33.5426, 1e-12, "lat");
  near(back.lonDeg, -86.6097, 1e-12, "lon");
  assert.equal(proj.toX(-86.6197), 0);
  assert.equal(proj.toY(33.5326), 0);
  near(proj.toLatDeg(proj.toY(33.54)), 33.54, 1e-12, "toLatDeg");
  near(proj.toLonDeg(proj.toX(-86.61)), -86.61, 1e-12, "toLonDeg");

  const lat = Float64Array.of(33.5326, 33.5335, NaN);
  const lon = Float64Array.of(-86.6197, -86.6197, -86.62);
  const { x, y } = proj.projectArrays(lat, lon);
  assert.deepEqual([x[0], y[0]], [0, 0]);
  near(y[1], haversineM(33.5326, -86.6197, 33.5335, -86.6197), 1e-6, "y north");
  assert.ok(Number.isNaN(y[2]));
  assert.throws(() => proj.projectArrays(lat, lon.subarray(1)), RangeError);
  assert.throws(() => createLocalProjection(90, 0), RangeError);
});

Deno.test("createPolyline: square stations, nearest with side, pointAt wrapping", () => {
  const square = createPolyline([0, 100, 100, 0], [0, 0, 100, 100], { closed: true });
  assert.equal(square.lengthM, 400);
  assert.equal(square.segmentCount, 4);
  assert.deepEqual([...square.stationM], [0, 100, 200, 300]);

  const outside = square.nearest(50, -3, 10)!;
  assert.equal(outside.segment, 0);
  near(outside.t, 0.5, 1e-12, "t");
  near(outside.stationM, 50, 1e-9, "station");
  near(outside.distanceM, 3, 1e-9, "distance");
  near(outside.signedOffsetM, -3, 1e-9, "right of travel");
  const inside = square.nearest(100 - 4, 30, 10)!;
  near(inside.stationM, 130, 1e-9, "station on the east side");
  near(inside.signedOffsetM, 4, 1e-9, "left of travel");
  // The closing segment (0,100) -> (0,0).
  near(square.nearest(-1, 25)!.stationM, 375, 1e-9, "closing segment");
  assert.equal(square.nearest(50, 50, 10), null);
  near(square.nearest(50, 50)!.distanceM, 50, 1e-9, "unbounded");
  assert.equal(square.nearest(5000, 5000, 100), null);
  near(square.nearest(5000, 5000)!.distanceM, Math.hypot(4900, 4900), 1e-6, "far away");

  const p = square.pointAt(450);
  assert.deepEqual(p, { x: 50, y: 0, headingRad: 0 });
  const q = square.pointAt(-50);
  near(q.x, 0, 1e-9, "x");
  near(q.y, 50, 1e-9, "y");
  near(q.headingRad, -Math.PI / 2, 1e-12, "heading south");
  near(square.pointAt(150).headingRad, Math.PI / 2, 1e-12, "heading north");

  assert.equal(square.stationDeltaM(390, 10), 20);
  assert.equal(square.stationDeltaM(10, 390), -20);

  const open = createPolyline([0, 100, 100, 0], [0, 0, 100, 100]);
  assert.equal(open.lengthM, 300);
  assert.deepEqual(open.pointAt(1000), { x: 0, y: 100, headingRad: Math.PI });
  assert.equal(open.stationDeltaM(290, 10), -280);
  near(open.nearest(-1, 25)!.stationM, 0, 1e-9, "open line has no closing segment");
});

Deno.test("createPolyline: a 0.7 m circle agrees with geometry and brute force", () => {
  const radiusM = 300;
  const n = Math.round((2 * Math.PI * radiusM) / 0.7);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    xs[i] = radiusM * Math.cos(a);
    ys[i] = radiusM * Math.sin(a);
  }
  const circle = createPolyline(xs, ys, { closed: true });
  near(circle.lengthM, 2 * Math.PI * radiusM, 0.01, "circumference");
  const chordM = 2 * radiusM * Math.sin(Math.PI / n);
  near(circle.stationM[n >> 2], chordM * (n >> 2), 1e-6, "quarter station");

  // A point 10 m outside at 60 degrees (anticlockwise travel: outside is to the right).
  const a = Math.PI / 3;
  const hit = circle.nearest(310 * Math.cos(a), 310 * Math.sin(a), 12)!;
  near(hit.stationM, radiusM * a, 0.01, "station at 60 deg");
  near(hit.distanceM, 10, 0.001, "distance");
  near(hit.signedOffsetM, -10, 0.001, "signed offset");
  near(circle.nearest(0, 0)!.distanceM, radiusM, 0.001, "centre");

  // Random queries: the grid search finds what a scan of every segment finds.
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let k = 0; k < 500; k++) {
    const px = (random() - 0.5) * 800;
    const py = (random() - 0.5) * 800;
    const got = circle.nearest(px, py)!;
    const windowed = circle.nearestNear(px, py, 0, circle.lengthM)!;
    near(got.distanceM, windowed.distanceM, 1e-9, `query ${k}`);
    near(got.distanceM, Math.abs(Math.hypot(px, py) - radiusM), 0.01, `query ${k} vs circle`);
  }
});

Deno.test("nearestNear: stays on the hinted part of a line that passes near itself", () => {
  // A hairpin: out along y = 0, back along y = 8.
  const line = createPolyline([0, 200, 200, 0], [0, 0, 8, 8]);
  const global = line.nearest(100, 3)!;
  near(global.stationM, 100, 1e-9, "global picks the nearer leg");
  const back = line.nearestNear(100, 3, 310, 50)!;
  near(back.stationM, 308, 1e-9, "window keeps the return leg");
  near(back.distanceM, 5, 1e-9, "distance to the return leg");
  assert.equal(line.nearestNear(100, 3, 310, 50, 4), null);
  // Wrapping window on a closed line.
  const square = createPolyline([0, 100, 100, 0], [0, 0, 100, 100], { closed: true });
  near(square.nearestNear(1, 10, 395, 20)!.stationM, 390, 1e-9, "wraps past 0");
});

Deno.test("createPolyline: rejects bad input", () => {
  assert.throws(() => createPolyline([0], [0]), RangeError);
  assert.throws(() => createPolyline([0, 1], [0]), RangeError);
  assert.throws(() => createPolyline([0, NaN], [0, 1]), RangeError);
  assert.throws(() => createPolyline([1, 1], [2, 2]), RangeError);
  assert.throws(() => createPolyline([0, 1], [0, 0], { cellSizeM: 0 }), RangeError);
});

Deno.test("nearest: a query far outside the index is still quick and exact", () => {
  const square = createPolyline([0, 100, 100, 0], [0, 0, 100, 100], { closed: true, cellSizeM: 1 });
  const start = performance.now();
  const hit = square.nearest(1_000_000, 50)!;
  assert.ok(performance.now() - start < 200, "no scan of empty rings");
  near(hit.distanceM, 1_000_000 - 100, 1e-6, "distance");
  near(hit.stationM, 150, 1e-6, "station");
  assert.equal(square.nearest(1_000_000, 50, 10), null);
});
