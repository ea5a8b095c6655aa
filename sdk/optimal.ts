/**
 * The physics-optimal lap of the session's car on the session's own line,
 * and the third tier of the gains: what physics still offers beyond the
 * driver's best, per corner and per segment. Distances are metres from the
 * start/finish line on the reference lap's distance grid; times in seconds;
 * speeds in m/s. Time costs and gaps are signed and never clamped: a
 * negative value means the driver beat the model there.
 *
 * @module
 */

import type { Segment } from "./gains.ts";
import type { Vehicle } from "./vehicle.ts";

/** A corner of the optimal lap: a minimum of the optimal speed at least 4 km/h below both neighbouring maxima. */
export interface OptimalCorner {
  /** 1..N in lap order. */
  number: number;
  /** Where the optimal speed is lowest, m. */
  apexM: number;
  /** The optimal lap's minimum speed: the target minimum speed, m/s. */
  minSpeedMps: number;
  /** Where the optimal lap starts braking for it (the speed maximum before it), m; null when it only lifts (< 0.1 g). */
  brakePointM: number | null;
  /** Start of the corner's zone: the optimal speed maximum before the apex, m (may be > apexM when it wraps over the line). */
  zoneStartM: number;
  /** End of the zone: the optimal speed maximum after the apex, m. */
  zoneEndM: number;
  /** Optimal time through the zone, s. */
  optimalS: number;
  /** The reference (best) lap's time through the zone, s. */
  bestLapS: number;
  /** bestLapS − optimalS, s. */
  timeCostS: number;
}

/** The physics-optimal lap on the reference lap's grid. */
export interface OptimalProfile {
  /** The lap whose grid the profile uses (the best lap). */
  referenceLap: number;
  /** The laps whose driven line gave the curvature. */
  lineLaps: number[];
  /** The vehicle model used. */
  vehicle: Vehicle;
  /** `given` (run settings) or `estimated` from the session's grip and acceleration. */
  vehicleSource: "given" | "estimated";
  /** Grid step, m. */
  stepM: number;
  /** Length of the closed lap, m (the last grid point is less than one step before it). */
  lapLengthM: number;
  /** Signed curvature of the driven line at each grid point, 1/m, positive = left. */
  curvature: Float64Array;
  /** Optimal speed at each grid point, m/s. */
  speedMps: Float64Array;
  /** Elapsed optimal lap time at each grid point, s. */
  timeS: Float64Array;
  /** Optimal lap time, s. */
  lapTimeS: number;
  /** The reference lap's time, s. */
  bestLapTimeS: number;
  /** Corners of the optimal lap, in lap order. */
  corners: OptimalCorner[];
}

/** What to aim for in one of the session's corners ({@linkcode Corner}), and what missing it costs. */
export interface CornerTarget {
  /** {@linkcode Corner.number}. */
  corner: number;
  /** {@linkcode Corner.label}. */
  label: string;
  /** Lowest optimal speed around the corner's apex: the target minimum speed, m/s. */
  targetMinSpeedMps: number;
  /** Where it is, m. */
  targetMinSpeedM: number;
  /** The best lap's minimum speed there, m/s; null without corner KPIs. */
  driverMinSpeedMps: number | null;
  /** targetMinSpeedMps − driverMinSpeedMps, m/s (positive = carry more speed). */
  speedGapMps: number | null;
  /** Where the optimal lap starts braking, m; null when it does not brake. */
  targetBrakePointM: number | null;
  /** The best lap's brake point, m, or null. */
  driverBrakePointM: number | null;
  /** driverBrakePointM − targetBrakePointM, m (positive = the driver brakes later). */
  brakeGapM: number | null;
  /** Start of the compared zone (the earliest brake point, or the corner's entry), m. */
  zoneStartM: number;
  /** End of the compared zone (the corner's exit), m. */
  zoneEndM: number;
  /** Optimal time through the zone, s. */
  optimalS: number;
  /** The best lap's time through the zone, s. */
  bestLapS: number;
  /** bestLapS − optimalS, s. */
  timeCostS: number;
}

/** Tier 3 of the gains in one segment of {@linkcode Gains}. */
export interface SegmentPhysicsGain {
  /** The segment. */
  segment: Segment;
  /** Optimal time through it, s. */
  optimalS: number;
  /** The driver's best time through it over the analysed laps, s. */
  bestS: number;
  /** The best lap's time through it, s. */
  bestLapS: number;
  /** Tier 3: bestS − optimalS, s. */
  physicsS: number;
}

/** The physics tier of the gains and the per-corner targets. */
export interface PhysicsGains {
  /** Where the vehicle model came from. */
  vehicleSource: "given" | "estimated";
  /** Optimal lap time, s. */
  optimalLapTimeS: number;
  /** The best lap's time, s. */
  bestLapTimeS: number;
  /** bestLapTimeS − optimalLapTimeS, s. */
  bestLapToOptimalS: number;
  /** The theoretical best (Σ best segments), s; null without gains (fewer than 2 laps). */
  theoreticalBestS: number | null;
  /** Tier 3 total: theoreticalBestS − optimalLapTimeS, s; null without gains. */
  physicsS: number | null;
  /** Per segment of the gains, in lap order (empty without gains). */
  segments: SegmentPhysicsGain[];
  /** Per corner of the session, in corner order. */
  corners: CornerTarget[];
}
