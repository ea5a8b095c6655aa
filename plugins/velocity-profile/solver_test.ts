import assert from "node:assert/strict";
import { G, type Vehicle } from "../../sdk/mod.ts";
import { solveClosedLap } from "./solver.ts";

const STEP = 0.7;

/** A car with no drag or rolling resistance and power to spare: grip alone limits it. */
const gripOnly = (mu: { lat: number; brake: number; accel: number }): Vehicle => ({
  massKg: 1000,
  powerW: 1e9,
  cdaM2: 0,
  crr: 0,
  muLat: mu.lat,
  muBrake: mu.brake,
  muAccel: mu.accel,
  rhoKgM3: 1.2,
});

/** A closed line from pieces of given length and signed curvature (0 = straight). */
function line(pieces: readonly [lengthM: number, curvature: number][]): Float64Array {
  const values: number[] = [];
  for (const [lengthM, k] of pieces) for (let i = 0; i < Math.round(lengthM / STEP); i++) values.push(k);
  return Float64Array.from(values);
}

Deno.test("a constant-radius circle is driven at v = √(μ g r) all the way round", () => {
  for (const [r, mu] of [[30, 1.0], [120, 1.3]]) {
    const n = Math.round((2 * Math.PI * r) / STEP);
    const car = gripOnly({ lat: mu, brake: 1, accel: 1 });
    const lap = solveClosedLap(new Float64Array(n).fill(1 / r), STEP, n * STEP, car);
    const v = Math.sqrt(mu * G * r);
    for (const speed of lap.speedMps) assert.ok(Math.abs(speed - v) < 1e-9, `${speed} vs ${v}`);
    assert.ok(Math.abs(lap.lapTimeS - (n * STEP) / v) < 1e-9);
  }
});

Deno.test("braking into a hairpin follows v² = v_min² + 2·a·d and starts where the closed form says", () => {
  // 1000 m straight, a 20 m radius hairpin of 70 m, repeat: accelerate at μ_accel·g, brake at μ_brake·g.
  const straightM = 1000, r = 20;
  const mu = { lat: 1.2, brake: 1.1, accel: 0.6 };
  const curvature = line([[straightM, 0], [70, 1 / r]]);
  const lap = solveClosedLap(curvature, STEP, curvature.length * STEP, gripOnly(mu));
  const vMin = Math.sqrt(mu.lat * G * r);
  const accel = mu.accel * G, brake = mu.brake * G;
  // Peak where accelerating from the exit meets braking for the entry: braking distance a_f·S/(a_f + a_b).
  const brakingM = (accel * straightM) / (accel + brake);
  const vPeak = Math.sqrt(vMin * vMin + 2 * brake * brakingM);
  const peak = lap.speedMps.reduce((best, v, i) => (v > lap.speedMps[best] ? i : best), 0);
  assert.ok(Math.abs(lap.speedMps[peak] - vPeak) / vPeak < 0.002, `peak ${lap.speedMps[peak]} vs ${vPeak}`);
  assert.ok(
    Math.abs((straightM - peak * STEP) - brakingM) < 1.5,
    `brakes ${straightM - peak * STEP} m before`,
  );
  assert.ok(Math.abs(brakingM - (vPeak * vPeak - vMin * vMin) / (2 * brake)) < 1e-9); // v²/2a
  for (const d of [50, 150, 300]) {
    const i = Math.round((straightM - d) / STEP);
    const expected = Math.sqrt(vMin * vMin + 2 * brake * d);
    assert.ok(
      Math.abs(lap.speedMps[i] - expected) / expected < 0.005,
      `${d} m before: ${lap.speedMps[i]} vs ${expected}`,
    );
  }
  // Through the hairpin: the cornering limit.
  assert.ok(Math.abs(lap.speedMps[Math.round((straightM + 35) / STEP)] - vMin) < 1e-9);
});

Deno.test("a chicane: each arc at its own limit, braking inside the first arc with what cornering leaves", () => {
  // Left r1 = 40 m, then at once right r2 = 20 m. In arc 1 at speed v the lateral share is
  // w = v²κ1/(μg); braking within the circle gives dw/ds = 2κ1·√(1 − w²), so arcsin w grows by
  // 2κ1 per metre back from the change of arc, from arcsin(r2/r1) at the change to π/2.
  const r1 = 40, r2 = 20, mu = 1.1;
  const curvature = line([[400, 0], [150, 1 / r1], [60, -1 / r2], [400, 0]]);
  const lap = solveClosedLap(
    curvature,
    STEP,
    curvature.length * STEP,
    gripOnly({ lat: mu, brake: mu, accel: mu }),
  );
  const v1 = Math.sqrt(mu * G * r1), v2 = Math.sqrt(mu * G * r2);
  const change = Math.round(400 / STEP) + Math.round(150 / STEP); // first point of arc 2
  const at = (m: number) => lap.speedMps[Math.round(m / STEP)];
  assert.ok(Math.abs(at(430) - v1) < 1e-9, `in arc 1: ${at(430)} vs ${v1}`);
  assert.ok(Math.abs(at(580) - v2) < 1e-9, `in arc 2: ${at(580)} vs ${v2}`);
  const brakingInArcM = (Math.PI / 2 - Math.asin(r2 / r1)) / (2 / r1);
  // Where on the closed-form curve each speed lies: within one grid step of where it was found.
  const distanceForSpeed = (v: number) =>
    (Math.asin((v * v) / (mu * G * r1)) - Math.asin(r2 / r1)) / (2 / r1);
  for (const d of [4.2, 9.8, 15.4]) {
    const got = lap.speedMps[change - Math.round(d / STEP)];
    assert.ok(Math.abs(distanceForSpeed(got) - d) <= STEP, `${d} m before the change: ${got} m/s`);
  }
  const firstBelow = lap.speedMps.findIndex((v, i) => i > Math.round(400 / STEP) && v < v1 - 1e-6);
  assert.ok(
    Math.abs((change - firstBelow) * STEP - brakingInArcM) < 1.5,
    `${(change - firstBelow) * STEP} vs ${brakingInArcM}`,
  );
});

Deno.test("power, drag and rolling resistance set the top speed on a long straight", () => {
  // P = F·v at top speed: P/m = (ρ·CdA·v²/(2m) + crr·g)·v.
  const car: Vehicle = {
    massKg: 1200,
    powerW: 150e3,
    cdaM2: 0.7,
    crr: 0.015,
    muLat: 1,
    muBrake: 1,
    muAccel: 1,
    rhoKgM3: 1.2,
  };
  const curvature = line([[8000, 0], [50, 1 / 20]]);
  const lap = solveClosedLap(curvature, STEP, curvature.length * STEP, car);
  const vTop = Math.max(...lap.speedMps);
  const resisting = (0.5 * car.rhoKgM3 * car.cdaM2 * vTop * vTop) / car.massKg + car.crr * G;
  assert.ok(Math.abs(resisting * vTop - car.powerW / car.massKg) / (car.powerW / car.massKg) < 0.01);
});

Deno.test("the solver does not mutate the curvature it is given", () => {
  const curvature = line([[500, 0], [100, 0.02], [300, 0], [80, -0.05]]);
  const copy = curvature.slice();
  solveClosedLap(curvature, STEP, curvature.length * STEP, gripOnly({ lat: 1, brake: 1, accel: 0.5 }));
  assert.deepEqual(curvature, copy);
});

Deno.test("a banked circle: v² = g·r·(μ + tan φ)/(1 − μ·tan φ); off-camber the same with φ < 0", () => {
  const r = 60, mu = 1.1, n = Math.round((2 * Math.PI * r) / STEP);
  for (const deg of [4, -3]) {
    const t = Math.tan((deg * Math.PI) / 180);
    const lap = solveClosedLap(
      new Float64Array(n).fill(1 / r),
      STEP,
      n * STEP,
      gripOnly({ lat: mu, brake: 1, accel: 1 }),
      { tanBank: new Float64Array(n).fill(t) },
    );
    const v = Math.sqrt((G * r * (mu + t)) / (1 - mu * t));
    for (const speed of lap.speedMps) assert.ok(Math.abs(speed - v) < 1e-9, `${deg}°: ${speed} vs ${v}`);
  }
});

Deno.test("braking into a hairpin at the top of a climb: v² = v_min² + 2·(μ_brake + sin θ)·g·d", () => {
  const straightM = 1000, r = 20, sinGrade = 0.08;
  const mu = { lat: 1.2, brake: 1.1, accel: 0.6 };
  const curvature = line([[straightM, 0], [70, 1 / r]]);
  const grade = new Float64Array(curvature.length).fill(sinGrade);
  const lap = solveClosedLap(curvature, STEP, curvature.length * STEP, gripOnly(mu), { sinGrade: grade });
  const vMin = Math.sqrt(mu.lat * G * r);
  const brake = (mu.brake + sinGrade) * G, accel = (mu.accel - sinGrade) * G;
  for (const d of [50, 150]) {
    const expected = Math.sqrt(vMin * vMin + 2 * brake * d);
    const got = lap.speedMps[Math.round((straightM - d) / STEP)];
    assert.ok(Math.abs(got - expected) / expected < 0.005, `${d} m before: ${got} vs ${expected}`);
  }
  // Out of the hairpin the climb takes sin θ·g from the traction limit.
  const d = 100, exitAt = Math.round((straightM + 70) / STEP) % curvature.length;
  const expected = Math.sqrt(vMin * vMin + 2 * accel * d);
  const got = lap.speedMps[(exitAt + Math.round(d / STEP)) % curvature.length];
  assert.ok(Math.abs(got - expected) / expected < 0.005, `${d} m after: ${got} vs ${expected}`);
});

Deno.test("cornering drag: through a long bend the engine holds the speed where P/(m·v) = u²·μ·g·sin α", () => {
  // No air or rolling drag: only the tyres' slip holds the car back, u = v²/(r·μ·g). A hairpin first, so
  // the car comes into the 2 km bend slowly and settles at that speed, below the bend's grip limit.
  const r = 80, mu = 1.0, slip = 0.1;
  const curvature = line([[60, 1 / 15], [2000, 1 / r], [300, 0]]);
  const car: Vehicle = { ...gripOnly({ lat: mu, brake: 1, accel: 1 }), powerW: 20e3, corneringDrag: slip };
  const lap = solveClosedLap(curvature, STEP, curvature.length * STEP, car);
  const pull = (v: number) => car.powerW / car.massKg / v - ((v * v) / (r * mu * G)) ** 2 * mu * G * slip;
  let lo = 1, hi = Math.sqrt(mu * G * r);
  for (let k = 0; k < 60; k++) [lo, hi] = pull((lo + hi) / 2) > 0 ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
  assert.ok(hi < Math.sqrt(mu * G * r) - 1, "the engine cannot hold the grip limit");
  for (const m of [1500, 2000]) {
    const speed = lap.speedMps[Math.round(m / STEP)];
    assert.ok(Math.abs(speed - hi) / hi < 5e-4, `${m} m: ${speed} vs ${hi}`);
  }
  // Without the slip the same engine reaches the grip limit there.
  const free = solveClosedLap(curvature, STEP, curvature.length * STEP, { ...car, corneringDrag: 0 });
  assert.ok(Math.abs(free.speedMps[Math.round(1500 / STEP)] - Math.sqrt(mu * G * r)) < 1e-6);
});
