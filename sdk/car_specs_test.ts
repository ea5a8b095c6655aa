import assert from "node:assert/strict";
import { type CarSpecs, TYRE_MU, vehicleFromSpecs } from "./car_specs.ts";

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
  assert.equal(rwd.corneringDrag, 0.1);
  // Rear axle: 48 % static, gains μ·h/L of the load per g of acceleration.
  assert.ok(Math.abs(rwd.muAccel - (mu * 0.48) / (1 - mu * 0.2)) < 1e-12);
  const fwd = vehicleFromSpecs({ ...SPECS, drivetrain: "FWD" });
  assert.ok(Math.abs(fwd.muAccel - (mu * 0.52) / (1 + mu * 0.2)) < 1e-12);
  assert.ok(fwd.muAccel < rwd.muAccel);
  assert.equal(vehicleFromSpecs({ ...SPECS, drivetrain: "AWD" }).muAccel, mu);
  const grippier = Object.entries(TYRE_MU).map(([, v]) => v);
  assert.deepEqual(grippier, [...grippier].sort((a, b) => a - b), "tyre categories grip more in order");
});

Deno.test("a table of tyre friction given to the model replaces the shipped one for every grip term", () => {
  const table = { ...TYRE_MU, super_200tw: 1.3 };
  const car = vehicleFromSpecs(SPECS, table);
  assert.equal(car.muLat, 1.3);
  assert.ok(Math.abs(car.muBrake - 0.95 * 1.3) < 1e-12);
  assert.ok(Math.abs(car.muAccel - (1.3 * 0.48) / (1 - 1.3 * 0.2)) < 1e-12);
  assert.deepEqual(
    vehicleFromSpecs({ ...SPECS, tyre: "street" }, table),
    vehicleFromSpecs({ ...SPECS, tyre: "street" }),
  );
});
