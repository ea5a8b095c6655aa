/**
 * A vehicle model from a production car's published specifications and
 * its tyre category, for predictions without a session (the workbench's
 * car form for equipment profiles, `deno task validate-physics`; the
 * velocity-profile plugin solves laps with it). One model for every car, no
 * per-car factors:
 * - mass = kerb weight + 80 kg of driver;
 * - power at the wheels = rated power × drivetrain efficiency (RWD 0.85,
 *   FWD 0.88, AWD 0.80: the usual driveline losses);
 * - drag and lift areas as published; rolling resistance 0.015; air 1.2 kg/m³;
 * - cornering drag 0.1: the sine of a road tyre's slip angle at its grip
 *   limit, about 6° (textbook value, not fitted; see `solver.ts`);
 * - lateral grip μ from the tyre category ({@linkcode TYRE_MU}); braking
 *   0.95 μ (brake balance and ABS leave about 5 %);
 * - traction: all four wheels (AWD) give μ; otherwise the driven axle's
 *   share of the weight, shifted by acceleration (rear-wheel drive gains
 *   load, front-wheel drive loses it): a = μ·g·share / (1 ∓ μ·h/L), with h
 *   the height of the centre of gravity and L the wheelbase.
 *
 * @module
 */

import type { Vehicle } from "./vehicle.ts";

/** Tyre categories, from street tyres to racing slicks. */
export type TyreCategory = "street" | "endurance_200tw" | "super_200tw" | "100tw" | "r_compound" | "slick";

/**
 * Lateral friction coefficient per tyre category, never decreasing from
 * street tyres to slicks. The model's only fitted constants: `deno task
 * validate-physics --fit` solves the 111 published lap times of production
 * cars at four circuits (`shared/data/realworld`) and takes, per category,
 * the μ with the least sum of absolute errors, pooling neighbours that
 * would break the order (`kernel/cli/tyre_fit.ts`). Mean absolute error
 * 2.21 % fitted, 2.33 % leave-one-out, 2.53 % leave-one-circuit-out, so the
 * table is not tuned to single entries or circuits. They describe tyres as
 * drivers on the day used them, not a tyre-test rig: the published laps on
 * R-compounds and slicks come mostly from amateurs, so the three pool into
 * one value.
 */
export const TYRE_MU: Readonly<Record<TyreCategory, number>> = Object.freeze({
  street: 0.936,
  endurance_200tw: 1.028,
  super_200tw: 1.102,
  "100tw": 1.156,
  r_compound: 1.156,
  slick: 1.156,
});

/** Driveline efficiency by driven wheels. */
const DRIVELINE_EFFICIENCY = { RWD: 0.85, FWD: 0.88, AWD: 0.8 } as const;
/** Driver mass added to the kerb weight, kg. */
const DRIVER_KG = 80;
/** Braking grip as a share of lateral grip. */
const BRAKING_SHARE = 0.95;
/** Sine of the tyres' slip angle at the grip limit. */
const CORNERING_DRAG = 0.1;
/** Watts per horsepower. */
const W_PER_HP = 745.7;

/** A production car as its specifications describe it. */
export interface CarSpecs {
  /** Kerb weight, kg. */
  weightKg: number;
  /** Rated power, hp. */
  powerHp: number;
  /** Driven wheels. */
  drivetrain: "RWD" | "FWD" | "AWD";
  /** Drag area, m². */
  cdaM2: number;
  /** Lift area (downforce), m². */
  claM2: number;
  /** Height of the centre of gravity, m. */
  cgHeightM: number;
  /** Wheelbase, m. */
  wheelbaseM: number;
  /** Share of the weight on the front axle, 0..1. */
  frontWeightShare: number;
  /** Tyre category. */
  tyre: TyreCategory;
}

/** The vehicle model of a car; `tyreMu` replaces the table of friction coefficients (to fit it). */
export function vehicleFromSpecs(
  specs: CarSpecs,
  tyreMu: Readonly<Record<TyreCategory, number>> = TYRE_MU,
): Vehicle {
  const mu = tyreMu[specs.tyre];
  const transfer = mu * (specs.cgHeightM / specs.wheelbaseM);
  const muAccel = specs.drivetrain === "AWD"
    ? mu
    : specs.drivetrain === "FWD"
    ? (mu * specs.frontWeightShare) / (1 + transfer)
    : Math.min(mu, (mu * (1 - specs.frontWeightShare)) / Math.max(1 - transfer, 1e-3));
  return {
    massKg: specs.weightKg + DRIVER_KG,
    powerW: specs.powerHp * W_PER_HP * DRIVELINE_EFFICIENCY[specs.drivetrain],
    cdaM2: specs.cdaM2,
    crr: 0.015,
    muLat: mu,
    muBrake: BRAKING_SHARE * mu,
    muAccel,
    rhoKgM3: 1.2,
    claM2: specs.claM2,
    corneringDrag: CORNERING_DRAG,
  };
}
