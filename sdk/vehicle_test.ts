import assert from "node:assert/strict";
import { parseVehicle, vehicleToJson } from "./vehicle.ts";

const CAR = {
  mass_kg: 1450,
  power_w: 260000,
  cda_m2: 0.72,
  crr: 0.015,
  mu_lat: 1.15,
  mu_brake: 1.05,
  mu_accel: 0.95,
  rho: 1.2,
};

Deno.test("a truth file's car block reads as a vehicle and writes back unchanged", () => {
  const vehicle = parseVehicle(CAR);
  assert.deepEqual(vehicle, {
    massKg: 1450,
    powerW: 260000,
    cdaM2: 0.72,
    crr: 0.015,
    muLat: 1.15,
    muBrake: 1.05,
    muAccel: 0.95,
    rhoKgM3: 1.2,
  });
  assert.deepEqual(vehicleToJson(vehicle), CAR);
  assert.equal(parseVehicle({ ...CAR, cla_m2: 0.8 }).claM2, 0.8);
  const withDrag = { ...CAR, cornering_drag: 0.1 };
  assert.equal(parseVehicle(withDrag).corneringDrag, 0.1);
  assert.deepEqual(vehicleToJson(parseVehicle(withDrag)), withDrag);
});

Deno.test("a bad vehicle is refused with the key named", () => {
  const { mu_lat: _, ...missing } = CAR;
  assert.throws(() => parseVehicle(missing), /"mu_lat" is missing/);
  assert.throws(() => parseVehicle({ ...CAR, mu: 1 }), /"mu" is unknown/);
  assert.throws(() => parseVehicle({ ...CAR, power_w: "260 kW" }), /"power_w" must be a finite number/);
  assert.throws(() => parseVehicle({ ...CAR, mass_kg: 0 }), /"mass_kg" must be positive/);
  assert.throws(() => parseVehicle({ ...CAR, crr: -0.01 }), /"crr" must be 0 or more/);
  assert.equal(parseVehicle({ ...CAR, crr: 0 }).crr, 0);
  assert.throws(() => parseVehicle({ ...CAR, cornering_drag: -0.1 }), /"cornering_drag" must be 0 or more/);
  assert.throws(() => parseVehicle([CAR]), /JSON object/);
  assert.throws(() => parseVehicle(null), /JSON object/);
});
