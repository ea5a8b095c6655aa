import assert from "node:assert/strict";
import { G, type LapClock, type Vehicle } from "../../sdk/mod.ts";
import { optimalCorners } from "./optimal_corners.ts";
import { solveClosedLap } from "./solver.ts";

const STEP = 0.7;
const car: Vehicle = {
  massKg: 1000,
  powerW: 1e9,
  cdaM2: 0,
  crr: 0,
  muLat: 1,
  muBrake: 1,
  muAccel: 0.5,
  rhoKgM3: 1.2,
};

/** Straight 600 m, hairpin r = 20 m (60 m), straight 400 m, arc r = 60 m (80 m). */
function lap() {
  const pieces: [number, number][] = [[600, 0], [60, 1 / 20], [400, 0], [80, -1 / 60]];
  const values: number[] = [];
  for (const [m, k] of pieces) for (let i = 0; i < Math.round(m / STEP); i++) values.push(k);
  const curvature = Float64Array.from(values);
  const solved = solveClosedLap(curvature, STEP, curvature.length * STEP, car);
  const clock: LapClock = {
    timeS: solved.timeS,
    stepM: STEP,
    lengthM: curvature.length * STEP,
    lapTimeS: solved.lapTimeS,
  };
  return { solved, clock };
}

Deno.test("the optimal lap's corners are its speed minima, at the cornering limit of each arc", () => {
  const { solved, clock } = lap();
  const corners = optimalCorners(solved.speedMps, clock, clock);
  assert.equal(corners.length, 2);
  const [hairpin, arc] = corners;
  // The minimum is held through each arc; the apex is the middle of it.
  assert.ok(Math.abs(hairpin.apexM - 630) < 2, `hairpin apex ${hairpin.apexM}`);
  assert.ok(Math.abs(arc.apexM - 1100) < 15, `arc apex ${arc.apexM}`);
  assert.ok(Math.abs(hairpin.minSpeedMps - Math.sqrt(G * 20)) < 1e-9);
  assert.ok(Math.abs(arc.minSpeedMps - Math.sqrt(G * 60)) < 1e-9);
  assert.deepEqual(corners.map((c) => c.number), [1, 2]);
});

Deno.test("the brake point is where the optimal lap starts braking (closed form, within the 10 m average)", () => {
  const { solved, clock } = lap();
  const [hairpin] = optimalCorners(solved.speedMps, clock, clock);
  // The straight before it runs from the arc's exit (the line) to 600 m: accelerating at 0.5 g from
  // √(g·60) and braking at 1 g to √(g·20) meet where v² is the same from both ends.
  const vArc2 = G * 60, vHairpin2 = G * 20, accel = 0.5 * G, brake = G;
  const peakM = (vHairpin2 + 2 * brake * 600 - vArc2) / (2 * accel + 2 * brake);
  assert.ok(
    hairpin.brakePointM !== null && Math.abs(hairpin.brakePointM - peakM) <= 6,
    `${hairpin.brakePointM} vs ${peakM}`,
  );
});

Deno.test("corner zones tile the lap: their time costs add up to the reference lap's gap", () => {
  const { solved, clock } = lap();
  const slower: LapClock = {
    ...clock,
    timeS: solved.timeS.map((t) => t * 1.05),
    lapTimeS: clock.lapTimeS * 1.05,
  };
  const corners = optimalCorners(solved.speedMps, clock, slower);
  const total = corners.reduce((sum, c) => sum + c.timeCostS, 0);
  assert.ok(Math.abs(total - 0.05 * clock.lapTimeS) < 1e-9, `${total}`);
  for (const c of corners) assert.ok(Math.abs(c.timeCostS - 0.05 * c.optimalS) < 1e-9);
  assert.ok(corners[1].zoneEndM < corners[1].apexM, "the arc's zone ends after the line");
});

Deno.test("no corners on a trace without dips of 4 km/h", () => {
  const flat = new Float64Array(1000).fill(30);
  for (let i = 0; i < 1000; i++) flat[i] += 0.5 * Math.sin(i / 50); // dips of 1 m/s = 3.6 km/h
  const clock: LapClock = {
    timeS: flat.map((_, i) => i * STEP / 30),
    stepM: STEP,
    lengthM: 700,
    lapTimeS: 700 / 30,
  };
  assert.deepEqual(optimalCorners(flat, clock, clock), []);
});
