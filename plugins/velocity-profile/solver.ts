/**
 * The fastest speed trace a vehicle can drive round a closed line of known
 * curvature: a point-mass car inside a friction ellipse.
 *
 * The model (one set of equations, no correction factors), with the tyre
 * load per kilogram N = g + ρ·ClA·v² / (2m) (weight plus downforce; ClA = 0
 * for a car without aero, when N = g):
 * - cornering: lateral acceleration v²·|κ| ≤ μ_lat·N;
 * - accelerating: a = min(μ_accel·N·√(1 − u²), P / (m·v)) − ρ·CdA·v² / (2m) − crr·N,
 *   where u = v²·|κ| / (μ_lat·N) is the share of lateral grip in use: the
 *   tyres give what cornering leaves, the engine what its power allows, and
 *   drag and rolling resistance take their share;
 * - braking: d = μ_brake·N·√(1 − u²) + ρ·CdA·v² / (2m) + crr·N (drag and
 *   rolling resistance help);
 * - cornering drag, when the vehicle gives one (`corneringDrag` = sin α, α
 *   the tyres' slip angle at the limit): a tyre that turns the car is
 *   angled to its path, so part of its force, u·μ_lat·N·sin(u·α) ≈
 *   u²·μ_lat·N·sin α (slip angle in proportion to the force used), holds
 *   the car back; it comes off acceleration and adds to braking.
 *
 * Optionally the road's shape ({@linkcode RoadShape}, e.g. from a circuit's
 * data): a gradient θ takes g·sin θ from acceleration and adds it to
 * braking when climbing (and the reverse downhill); a road banked by φ
 * towards the inside of the bend (negative: off-camber) turns part of
 * gravity into cornering force and presses the tyres on harder. In the
 * plane of the road the tyres must give the lateral force
 * a·cos φ − g·sin φ out of μ_lat·N with N = g·cos φ + a·sin φ + ρ·ClA·v²/(2m)
 * (a = v²·|κ|), hence the limit v² = g·(μ_lat + tan φ) /
 * (|κ|·(1 − μ_lat·tan φ) − μ_lat·ρ·ClA/(2m)·sec φ), and u is that force's
 * share of μ_lat·N. Without a road shape (the session path) the equations
 * above are used unchanged.
 *
 * A forward pass (acceleration) and a backward pass (braking) each start at
 * the slowest point of the cornering limit, where the car cannot be faster
 * whatever comes before or after, and go once round the lap: the closed
 * circuit needs no tripling of the lap (the original's way) and the result
 * is the same. Each step integrates v² over the 0.7 m step with Heun's
 * method (the acceleration at both ends averaged). Linear in the number of
 * grid points. The speed is the lower of the two passes; lap time is
 * Σ Δs / mean speed of each step.
 *
 * @module
 */

import { G, type Vehicle } from "../../sdk/mod.ts";

/** The cornering limit on a straight (|κ| → 0) is capped at this, m/s. */
const MAX_SPEED_MPS = 150;
/** The power term P/(m·v) uses at least this speed, m/s (standing starts). */
const MIN_POWER_SPEED_MPS = 1;

/** A solved closed lap. */
export interface SolvedLap {
  /** Speed at each grid point, m/s. */
  speedMps: Float64Array;
  /** Elapsed time at each grid point, s (0 at the line). */
  timeS: Float64Array;
  /** Time round the whole lap, back to the line, s. */
  lapTimeS: number;
}

/** The road along a line beyond its curvature: one value per grid point, each optional (absent: level). */
export interface RoadShape {
  /** Sine of the gradient, positive climbing in the driving direction. */
  sinGrade?: Float64Array | null;
  /** Tangent of the banking angle, positive tilted towards the inside of the bend, negative off-camber. */
  tanBank?: Float64Array | null;
}

/**
 * Solves the closed lap: grid point `i` is `i × stepM` from the line, the
 * line is reached again after `lapLengthM` (at most one step after the last
 * point). `curvature` is signed or not (only |κ| matters); `road`, when
 * given, adds the gradient and banking at each point.
 *
 * @example
 * ```ts
 * import { solveClosedLap } from "./solver.ts";
 * // A circle of radius 50 m: v = √(μ g r) all the way round.
 * const r = 50, step = 0.7, n = Math.round((2 * Math.PI * r) / step);
 * const car = { massKg: 1000, powerW: 1e5, cdaM2: 0.6, crr: 0.01, muLat: 1, muBrake: 1, muAccel: 1, rhoKgM3: 1.2 };
 * const lap = solveClosedLap(new Float64Array(n).fill(1 / r), step, n * step, car);
 * console.assert(Math.abs(lap.speedMps[0] - Math.sqrt(9.80665 * r)) < 1e-6);
 * ```
 */
export function solveClosedLap(
  curvature: Float64Array,
  stepM: number,
  lapLengthM: number,
  vehicle: Vehicle,
  road: RoadShape = {},
): SolvedLap {
  const n = curvature.length;
  const limit = new Float64Array(n);
  const absCurvature = new Float64Array(n);
  const car = carModel(vehicle, road, absCurvature);
  let slowest = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.abs(curvature[i]);
    absCurvature[i] = k;
    limit[i] = car.corneringLimit(k, i);
    if (limit[i] < limit[slowest]) slowest = i;
  }
  const closingM = Math.max(lapLengthM - (n - 1) * stepM, 1e-9);
  const stepAt = (i: number) => (i === n - 1 ? closingM : stepM); // step from point i to i + 1
  const forward = passRound(limit, absCurvature, slowest, 1, stepAt, car.share, car.acceleration);
  const backward = passRound(limit, absCurvature, slowest, -1, stepAt, car.share, car.deceleration);
  const speedMps = new Float64Array(n);
  for (let i = 0; i < n; i++) speedMps[i] = Math.min(forward[i], backward[i]);
  const timeS = new Float64Array(n);
  for (let i = 1; i < n; i++) timeS[i] = timeS[i - 1] + (2 * stepM) / (speedMps[i - 1] + speedMps[i]);
  const lapTimeS = n > 0 ? timeS[n - 1] + (2 * closingM) / (speedMps[n - 1] + speedMps[0]) : 0;
  return { speedMps, timeS, lapTimeS };
}

/** Longitudinal capability at speed `v` (m/s) with lateral grip share `u` (0..1) at grid point `i`, m/s². */
type Capability = (v: number, u: number, i: number) => number;

/** The vehicle's equations. */
interface CarModel {
  /** Highest speed through curvature |κ| at grid point `i`, m/s. */
  corneringLimit(absCurvature: number, i: number): number;
  /** Share of lateral grip used at speed `v` through |κ| at grid point `i`, 0..1. */
  share(v: number, absCurvature: number, i: number): number;
  /** Net forward acceleration available. */
  acceleration: Capability;
  /** Deceleration available. */
  deceleration: Capability;
}

/**
 * The equations of a vehicle on a road. Tyre forces grow with the load on
 * the tyres: every grip term is μ·N, with N = g + kL·v² (kL = ρ·ClA/(2m))
 * on a level road and the banked form of the module's doc where the road
 * is tilted.
 */
function carModel(vehicle: Vehicle, road: RoadShape, absCurvature: Float64Array): CarModel {
  const lift = (0.5 * vehicle.rhoKgM3 * (vehicle.claM2 ?? 0)) / vehicle.massKg;
  const drag = (0.5 * vehicle.rhoKgM3 * vehicle.cdaM2) / vehicle.massKg;
  const powerPerMass = vehicle.powerW / vehicle.massKg;
  const { muLat, muBrake, muAccel, crr } = vehicle;
  const slip = vehicle.corneringDrag ?? 0;
  const bank = road.tanBank ?? null, grade = road.sinGrade ?? null;
  const tanBank = (i: number) => (bank ? bank[i] : 0);
  const climb = (i: number) => (grade ? G * grade[i] : 0); // taken from acceleration, given to braking, m/s²
  /** Tyre load per kg at speed v through |κ| at point i, m/s². */
  const load = (v: number, k: number, i: number) => {
    const t = tanBank(i);
    return t === 0 ? G + lift * v * v : (G + v * v * k * t) / Math.sqrt(1 + t * t) + lift * v * v;
  };
  /** Lateral force per kg the tyres must give in the road's plane, m/s². */
  const lateral = (v: number, k: number, i: number) => {
    const t = tanBank(i);
    return t === 0 ? v * v * k : Math.abs(v * v * k - G * t) / Math.sqrt(1 + t * t);
  };
  return {
    corneringLimit(k, i) {
      // v²·κ = μ_lat·(g + kL·v²)  ⇒  v² = μ_lat·g / (κ − μ_lat·kL); banked: see the module's doc
      const t = tanBank(i);
      const room = t === 0 ? k - muLat * lift : k * (1 - muLat * t) - muLat * lift * Math.sqrt(1 + t * t);
      return room > 0 ? Math.min(MAX_SPEED_MPS, Math.sqrt(((muLat + t) * G) / room)) : MAX_SPEED_MPS;
    },
    share: (v, k, i) => Math.min(1, lateral(v, k, i) / (muLat * load(v, k, i))),
    acceleration(v, u, i) {
      const n = load(v, absCurvature[i], i);
      return Math.min(muAccel * n * Math.sqrt(1 - u * u), powerPerMass / Math.max(v, MIN_POWER_SPEED_MPS)) -
        drag * v * v - (crr + slip * u * u * muLat) * n - climb(i);
    },
    deceleration(v, u, i) {
      const n = load(v, absCurvature[i], i);
      return muBrake * n * Math.sqrt(1 - u * u) + drag * v * v + (crr + slip * u * u * muLat) * n + climb(i);
    },
  };
}

/**
 * One pass round the lap from `start` in `direction` (+1 forward, −1
 * backward), where speed rises by at most what `capability` allows per
 * step and never exceeds `limit`. Continues past one lap only while it
 * still lowers speeds (a car that cannot reach its cornering limit at the
 * start, e.g. a drag-limited straight-only line).
 */
function passRound(
  limit: Float64Array,
  absCurvature: Float64Array,
  start: number,
  direction: 1 | -1,
  stepAt: (i: number) => number,
  share: CarModel["share"],
  capability: Capability,
): Float64Array {
  const n = limit.length;
  const v = Float64Array.from(limit);
  let i = start;
  for (let count = 0; count < 2 * n; count++) {
    const j = (i + direction + n) % n;
    const ds = stepAt(direction === 1 ? i : j);
    const vi = v[i];
    const a0 = capability(vi, share(vi, absCurvature[i], i), i);
    const trial = Math.sqrt(Math.max(0, vi * vi + 2 * a0 * ds));
    const a1 = capability(trial, share(Math.min(trial, limit[j]), absCurvature[j], j), j);
    const next = Math.sqrt(Math.max(0, vi * vi + (a0 + a1) * ds));
    if (next < v[j]) v[j] = next;
    else if (count >= n) break; // a full lap done and nothing left to lower
    i = j;
  }
  return v;
}
