/**
 * A vehicle model from the grip a session shows, for when the user gives
 * none. Mass, drag area, rolling resistance and air density take the
 * values of a typical track-day car (they only matter through the ratios
 * drag/mass and power/mass, and power is fitted with the same mass); the
 * friction coefficients and the power come from the session:
 * - μ_lat = μ_brake = the friction circle, the 99th percentile of combined
 *   g: tyres grip about as much in every direction, and a driver shows the
 *   circle's radius wherever he pushes hardest (usually braking, rarely
 *   mid-corner). One value for the whole lap, never per corner: grip the
 *   driver found somewhere is grip the car has everywhere;
 * - μ_accel and power: at each speed band the acceleration curve plus drag
 *   and rolling resistance is the force the car put down; the highest
 *   force is the traction limit (a lower bound: low-speed exits are seldom
 *   straight) and the highest force × speed the power, taking each band's
 *   slowest speed (under power acceleration falls with speed, so a band's
 *   99th percentile is set at its slow end).
 *
 * @module
 */

import { G, type GripEstimate, type SpeedBandGrip, type Vehicle } from "../../sdk/mod.ts";

/** The assumed car: a typical track-day car. */
export const NOMINAL_CAR = Object.freeze({ massKg: 1400, cdaM2: 0.7, crr: 0.015, rhoKgM3: 1.2 });

/** The vehicle the session's grip implies. */
export function vehicleFromGrip(grip: GripEstimate): Vehicle {
  const { massKg, cdaM2, crr, rhoKgM3 } = NOMINAL_CAR;
  const resistanceG = (v: number) => ((0.5 * rhoKgM3 * cdaM2 * v * v) / massKg + crr * G) / G;
  // A band's highest accelerations happen at its slow end (under power, acceleration falls with speed).
  const speedOf = (band: SpeedBandGrip) => band.fromMps;
  let muAccel = 0, powerW = 0;
  for (const band of grip.bands) {
    const v = speedOf(band);
    if (band.accelerationG !== null) {
      const forceG = band.accelerationG + resistanceG(v);
      muAccel = Math.max(muAccel, forceG);
      powerW = Math.max(powerW, forceG * G * massKg * v);
    }
  }
  return {
    massKg,
    powerW: powerW > 0 ? powerW : massKg * 100, // no acceleration seen: 100 W/kg
    cdaM2,
    crr,
    muLat: grip.frictionCircleG,
    muBrake: grip.frictionCircleG,
    muAccel: muAccel > 0 ? muAccel : grip.frictionCircleG,
    rhoKgM3,
  };
}
