import assert from "node:assert/strict";
import { quantile } from "../../sdk/mod.ts";
import { createGripTally } from "./grip_estimate.ts";
import type { LapAccelerations } from "./lap_g.ts";
import { vehicleFromGrip } from "./vehicle_estimate.ts";

/** A lap of `n` points at one speed whose accelerations come from `at(k)`. */
function lap(n: number, speedMps: number, at: (k: number) => { lat: number; long: number; drive?: number }) {
  const g: LapAccelerations = {
    stepM: 2.8,
    latG: new Float64Array(n),
    longG: new Float64Array(n),
    driveG: new Float64Array(n),
    speedMps: new Float64Array(n).fill(speedMps),
  };
  for (let k = 0; k < n; k++) {
    const { lat, long, drive } = at(k);
    g.latG[k] = lat;
    g.longG[k] = long;
    g.driveG[k] = drive ?? long;
  }
  return g;
}

const cornering = lap(2000, 22, (k) => ({ lat: (k % 2 ? 1 : -1) * (k / 2000), long: 0 }));
const braking = lap(2000, 42, (k) => ({ lat: 0.05, long: -1.1 * (k / 2000) }));
const accelerating = lap(2000, 32, (k) => ({ lat: 0, long: 0.5 * (k / 2000) }));

Deno.test("the grip estimate is the 99th percentile of each kind, overall and by speed band (within 0.01 g)", () => {
  const tally = createGripTally();
  [cornering, braking, accelerating].forEach((g, i) => tally.add(i + 1, g));
  const grip = tally.result()!;
  const all = [cornering, braking, accelerating];
  const values = (f: (g: LapAccelerations, k: number) => number | null) =>
    all.flatMap((g) => Array.from(g.speedMps, (_, k) => f(g, k)).filter((x): x is number => x !== null));
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 0.01, `${a} vs ${b}`);
  near(grip.lateralG, quantile(values((g, k) => Math.abs(g.latG[k])), 0.99));
  near(grip.brakingG, quantile(values((g, k) => (g.longG[k] < 0 ? -g.longG[k] : null)), 0.99));
  near(grip.frictionCircleG, quantile(values((g, k) => Math.hypot(g.latG[k], g.longG[k])), 0.99));
  near(grip.tractionG, 0.495);
  assert.deepEqual(grip.laps, [1, 2, 3]);
  assert.equal(grip.points, 6000);
  const band = (v: number) => grip.bands.find((b) => b.fromMps <= v && v < b.toMps)!;
  near(band(22).lateralG!, 0.99);
  assert.equal(band(22).brakingG, null); // no braking there
  near(band(42).brakingG!, 1.089);
  near(band(32).accelerationG!, 0.495);
});

Deno.test("no fast point gives no estimate", () => {
  const tally = createGripTally();
  tally.add(1, lap(100, 2, () => ({ lat: 0.5, long: 0 })));
  assert.equal(tally.result(), null);
  assert.equal(createGripTally().result(), null);
});

Deno.test("the estimated vehicle: grip from the friction circle, power from the acceleration curve", () => {
  const tally = createGripTally();
  [cornering, braking, accelerating].forEach((g, i) => tally.add(i + 1, g));
  const grip = tally.result()!;
  const car = vehicleFromGrip(grip);
  assert.equal(car.muLat, grip.frictionCircleG);
  assert.equal(car.muBrake, grip.frictionCircleG);
  // One band with acceleration (30..35 m/s): force = a + drag + rolling at its slow end, power = force × 30 m/s.
  const drag = (0.5 * car.rhoKgM3 * car.cdaM2 * 30 * 30) / car.massKg / 9.80665;
  const forceG = grip.bands.find((b) => b.fromMps === 30)!.accelerationG! + drag + car.crr;
  assert.ok(Math.abs(car.muAccel - forceG) < 1e-9);
  assert.ok(Math.abs(car.powerW - forceG * 9.80665 * car.massKg * 30) < 1e-6);
});
