/**
 * The vehicle model of the physics-optimal lap: mass, power, resistances and
 * tyre friction. Its JSON form (`--vehicle car.json`, equipment profiles) has
 * the keys of a truth file's `car` block in snake_case:
 *
 * | JSON key         | field           | unit  | meaning                                                           |
 * | ---------------- | --------------- | ----- | ----------------------------------------------------------------- |
 * | `mass_kg`        | `massKg`        | kg    | mass with driver and fuel                                         |
 * | `power_w`        | `powerW`        | W     | power at the wheels                                               |
 * | `cda_m2`         | `cdaM2`         | m²    | drag area (drag coefficient × frontal area)                       |
 * | `crr`            | `crr`           | —     | rolling-resistance coefficient                                    |
 * | `mu_lat`         | `muLat`         | —     | lateral friction coefficient (cornering grip, g)                  |
 * | `mu_brake`       | `muBrake`       | —     | braking friction coefficient (g)                                  |
 * | `mu_accel`       | `muAccel`       | —     | traction friction coefficient (g, driven wheels)                  |
 * | `rho`            | `rhoKgM3`       | kg/m³ | air density                                                       |
 * | `cla_m2`         | `claM2`         | m²    | optional: lift area (downforce), 0 without aero                   |
 * | `cornering_drag` | `corneringDrag` | —     | optional: sine of the tyres' slip angle at the limit (0 if absent) |
 *
 * @module
 */

/** A car as the velocity-profile solver models it. All values positive (`crr` may be 0). */
export interface Vehicle {
  /** Mass with driver and fuel, kg. */
  massKg: number;
  /** Power at the wheels, W. */
  powerW: number;
  /** Drag area Cd·A, m². */
  cdaM2: number;
  /** Rolling-resistance coefficient (resisting force = crr · m · g). */
  crr: number;
  /** Lateral grip: the largest lateral acceleration, in g. */
  muLat: number;
  /** Braking grip: the largest deceleration from the tyres alone, in g. */
  muBrake: number;
  /** Traction grip: the largest acceleration the driven wheels can put down, in g. */
  muAccel: number;
  /** Air density, kg/m³. */
  rhoKgM3: number;
  /** Lift area C_L·A (downforce; 0 or absent for a car without aero), m². */
  claM2?: number;
  /**
   * Cornering drag: sine of the tyres' slip angle at the grip limit, the share
   * of the cornering force that holds the car back there (0 or absent: none).
   */
  corneringDrag?: number;
}

/** The JSON form of a {@linkcode Vehicle}: the keys of a truth file's `car` block. */
export interface VehicleJson {
  /** {@linkcode Vehicle.massKg}. */
  mass_kg: number;
  /** {@linkcode Vehicle.powerW}. */
  power_w: number;
  /** {@linkcode Vehicle.cdaM2}. */
  cda_m2: number;
  /** {@linkcode Vehicle.crr}. */
  crr: number;
  /** {@linkcode Vehicle.muLat}. */
  mu_lat: number;
  /** {@linkcode Vehicle.muBrake}. */
  mu_brake: number;
  /** {@linkcode Vehicle.muAccel}. */
  mu_accel: number;
  /** {@linkcode Vehicle.rhoKgM3}. */
  rho: number;
  /** {@linkcode Vehicle.claM2}. */
  cla_m2?: number;
  /** {@linkcode Vehicle.corneringDrag}. */
  cornering_drag?: number;
}

/** JSON key → field, in the documented order; the optional ones last. */
const FIELDS: readonly (readonly [keyof VehicleJson, keyof Vehicle])[] = [
  ["mass_kg", "massKg"],
  ["power_w", "powerW"],
  ["cda_m2", "cdaM2"],
  ["crr", "crr"],
  ["mu_lat", "muLat"],
  ["mu_brake", "muBrake"],
  ["mu_accel", "muAccel"],
  ["rho", "rhoKgM3"],
  ["cla_m2", "claM2"],
  ["cornering_drag", "corneringDrag"],
];

/** Keys that may be left out (taken as 0). */
const OPTIONAL = new Set<string>(["cla_m2", "cornering_drag"]);

/** Keys that may be 0. */
const MAY_BE_ZERO = new Set<string>(["crr", "cla_m2", "cornering_drag"]);

/**
 * Reads a vehicle from its JSON form. Throws a `TypeError` naming the first
 * bad key: missing (`cla_m2` and `cornering_drag` may be left out), unknown,
 * not a finite number, or not positive (`crr`, `cla_m2` and `cornering_drag`
 * may be 0).
 *
 * @example
 * ```ts
 * import { parseVehicle } from "./vehicle.ts";
 * const car = parseVehicle({
 *   mass_kg: 1450, power_w: 260000, cda_m2: 0.72, crr: 0.015,
 *   mu_lat: 1.15, mu_brake: 1.05, mu_accel: 0.95, rho: 1.2,
 * });
 * console.assert(car.muLat === 1.15);
 * ```
 */
export function parseVehicle(json: unknown): Vehicle {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new TypeError("vehicle must be a JSON object");
  }
  const record = json as Record<string, unknown>;
  const known = new Set<string>(FIELDS.map(([key]) => key));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) {
      throw new TypeError(`vehicle key "${key}" is unknown (expected ${[...known].join(", ")})`);
    }
  }
  const vehicle = {} as Vehicle;
  for (const [key, field] of FIELDS) {
    const value = record[key];
    if (value === undefined) {
      if (OPTIONAL.has(key)) continue;
      throw new TypeError(`vehicle key "${key}" is missing`);
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new TypeError(`vehicle key "${key}" must be a finite number`);
    }
    if (value < 0 || (value === 0 && !MAY_BE_ZERO.has(key))) {
      throw new TypeError(`vehicle key "${key}" must be ${MAY_BE_ZERO.has(key) ? "0 or more" : "positive"}`);
    }
    vehicle[field] = value;
  }
  return vehicle;
}

/** The JSON form of a vehicle (inverse of {@linkcode parseVehicle}; an absent lift area stays absent). */
export function vehicleToJson(vehicle: Vehicle): VehicleJson {
  const json = {} as Record<string, number>;
  for (const [key, field] of FIELDS) {
    const value = vehicle[field];
    if (value !== undefined) json[key] = value;
  }
  return json as unknown as VehicleJson;
}
