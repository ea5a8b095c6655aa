import assert from "node:assert/strict";
import { createLocalProjection, type Track } from "../../sdk/mod.ts";
import { type CarSpecs, TYRE_MU, vehicleFromSpecs } from "./car_specs.ts";
import { circuitLine } from "./circuit_line.ts";

const SPECS: CarSpecs = {
  weightKg: 1400,
  powerHp: 300,
  drivetrain: "RWD",
  cdaM2: 0.7,
  claM2: 0.2,
  cgHeightM: 0.5,
  wheelbaseM: 2.5,
  frontWeightShare: 0.52,
  tyre: "super_200tw",
};

Deno.test("a car's specs: driver added, driveline losses, traction from the driven axle's load under acceleration", () => {
  const mu = TYRE_MU.super_200tw;
  const rwd = vehicleFromSpecs(SPECS);
  assert.equal(rwd.massKg, 1480);
  assert.ok(Math.abs(rwd.powerW - 300 * 745.7 * 0.85) < 1e-6);
  assert.equal(rwd.muLat, mu);
  assert.ok(Math.abs(rwd.muBrake - 0.95 * mu) < 1e-12);
  assert.equal(rwd.claM2, 0.2);
  // Rear axle: 48 % static, gains μ·h/L of the load per g of acceleration.
  assert.ok(Math.abs(rwd.muAccel - (mu * 0.48) / (1 - mu * 0.2)) < 1e-12);
  const fwd = vehicleFromSpecs({ ...SPECS, drivetrain: "FWD" });
  assert.ok(Math.abs(fwd.muAccel - (mu * 0.52) / (1 + mu * 0.2)) < 1e-12);
  assert.ok(fwd.muAccel < rwd.muAccel);
  assert.equal(vehicleFromSpecs({ ...SPECS, drivetrain: "AWD" }).muAccel, mu);
  const grippier = Object.entries(TYRE_MU).map(([, v]) => v);
  assert.deepEqual(grippier, [...grippier].sort((a, b) => a - b), "tyre categories grip more in order");
});

Deno.test("a circuit's reference line that does not close (3 m out, 0.4° short): 1/r, within 10 % at the line", () => {
  const r = 200, points = Math.round((2 * Math.PI * r) / 0.7);
  const projection = createLocalProjection(36.5, -79.2);
  const latDeg = new Float64Array(points), lonDeg = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const angle = (i / points) * 2 * Math.PI * (1 - 1e-3); // stops short of closing
    const sideways = 3 * (i / (points - 1)); // and drifts 3 m outwards
    const p = projection.unproject((r + sideways) * Math.cos(angle), (r + sideways) * Math.sin(angle));
    latDeg[i] = p.latDeg;
    lonDeg[i] = p.lonDeg;
  }
  const track: Track = {
    slug: "circle",
    name: "Circle",
    lengthM: 2 * Math.PI * r,
    lineSource: "test",
    latDeg,
    lonDeg,
    elevationM: null,
    corners: [],
  };
  const line = circuitLine(track);
  assert.ok(Math.abs(line.lengthM - 2 * Math.PI * r) < 15);
  const n = line.curvature.length;
  const nearLine = Math.round(25 / 0.7);
  for (let i = 0; i < n; i++) {
    const tolerance = i < nearLine || i > n - nearLine ? 0.1 : 0.02; // the seam's kink, spread over ±20 m
    assert.ok(Math.abs(line.curvature[i] * r - 1) < tolerance, `point ${i}: ${1 / line.curvature[i]} m`);
  }
});
