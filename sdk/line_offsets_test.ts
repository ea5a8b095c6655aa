import assert from "node:assert/strict";
import { createLocalProjection } from "./geo.ts";
import type { DistanceLap } from "./laps.ts";
import { lineOffsets } from "./line_offsets.ts";

const projection = createLocalProjection(33.53, -86.62);

/**
 * One anticlockwise lap of a circle of `radiusM` on a 0.7 m grid, with its
 * grid `stretch` times longer than the true distance (integrated-speed error).
 */
function circleLap(radiusM: number, stretch = 1): DistanceLap {
  const lengthM = 2 * Math.PI * radiusM * stretch;
  const points = Math.floor(lengthM / 0.7) + 1;
  const latDeg = new Float64Array(points), lonDeg = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const a = (i * 0.7) / (radiusM * stretch) - Math.PI / 2;
    const p = projection.unproject(radiusM * Math.cos(a), radiusM * Math.sin(a));
    latDeg[i] = p.latDeg;
    lonDeg[i] = p.lonDeg;
  }
  const zeros = new Float64Array(points);
  return { number: 1, points, stepM: 0.7, channels: { timeS: zeros, speedMps: zeros, latDeg, lonDeg } };
}

Deno.test("offsets are cross-track distances: a wide lap is 3 m to the right, misaligned laps are on the line", () => {
  const refs = [circleLap(200), circleLap(200, 1.003), circleLap(200, 0.997)];
  const wide = circleLap(203);
  const offsets = lineOffsets([...refs, wide], refs)!;
  assert.ok(offsets);
  for (let lap = 0; lap < 3; lap++) {
    for (const v of offsets.offsetsM[lap]) assert.ok(Math.abs(v) < 0.02, `reference lap ${lap}: ${v}`);
  }
  // Anticlockwise, so outside the circle is to the right of travel: negative.
  for (const v of offsets.offsetsM[3]) assert.ok(Math.abs(v + 3) < 0.05, `wide lap: ${v}`);
});

Deno.test("offsets only where asked", () => {
  const refs = [circleLap(200), circleLap(200), circleLap(200)];
  const offsets = lineOffsets([circleLap(203)], refs, { stepM: 5, where: (m) => m >= 100 && m < 200 })!;
  const measured = [...offsets.offsetsM[0].entries()].filter(([, v]) => !Number.isNaN(v)).map(([k]) => k * 5);
  assert.equal(measured[0], 100);
  assert.equal(measured[measured.length - 1], 195);
  assert.equal(measured.length, 20);
});

Deno.test("no median line from fewer than three laps", () => {
  assert.equal(lineOffsets([circleLap(100)], [circleLap(100), circleLap(100)]), null);
});
