import assert from "node:assert/strict";
import { createGgCollector } from "./gg_diagram.ts";
import type { LapAccelerations } from "./lap_g.ts";

function lapOf(points: [lat: number, long: number][]): LapAccelerations {
  return {
    stepM: 2.8,
    latG: Float64Array.from(points, (p) => p[0]),
    longG: Float64Array.from(points, (p) => p[1]),
    driveG: Float64Array.from(points, (p) => p[1]),
    speedMps: new Float64Array(points.length).fill(30),
  };
}

Deno.test("g-g points are kept per lap and each envelope sector holds the largest combined g in it", () => {
  const collector = createGgCollector();
  // Pure left, accelerating, pure right, braking: sectors 0, 9, 18 and 27 of 36.
  collector.add(7, lapOf([[1.1, 0], [0, 0.4], [-0.9, 0], [0, -1.2], [0.5, 0.01]]));
  const gg = collector.result();
  assert.equal(gg.sectors, 36);
  assert.equal(gg.stepM, 2.8);
  assert.equal(gg.laps.length, 1);
  const [lap] = gg.laps;
  assert.equal(lap.lap, 7);
  assert.deepEqual(Array.from(lap.latG), [1.1, 0, -0.9, 0, 0.5].map(Math.fround));
  const sectors = Array.from(lap.envelopeG, (g, s) => [s, g]).filter(([, g]) => g > 0);
  assert.deepEqual(sectors, [[0, Math.fround(1.1)], [9, Math.fround(0.4)], [18, Math.fround(0.9)], [
    27,
    Math.fround(1.2),
  ]]);
  assert.ok(Math.abs(gg.envelopeG[27] - 1.2) < 0.01); // the session's 99th percentile of one point
});

Deno.test("an empty session gives an empty diagram", () => {
  const gg = createGgCollector().result();
  assert.equal(gg.laps.length, 0);
  assert.ok(gg.envelopeG.every((g) => g === 0));
});
