/**
 * Display units: conversions and formatters behind the SDK's `Units`, from
 * the user's choice of km/h or mph and metres or feet.
 *
 * @module
 */

import type { Units } from "../sdk/views.ts";

/** The user's unit choice. */
export interface UnitChoice {
  /** Speed unit. */
  speed: "kmh" | "mph";
  /** Distance unit. */
  distance: "m" | "ft";
}

const KMH_PER_MPS = 3.6;
const MPH_PER_MPS = 2.2369362920544;
const FT_PER_M = 3.280839895;

/** Builds the formatters for a unit choice. */
export function createUnits(choice: UnitChoice): Units {
  const speedFactor = choice.speed === "mph" ? MPH_PER_MPS : KMH_PER_MPS;
  const distanceFactor = choice.distance === "ft" ? FT_PER_M : 1;
  const speedLabel = choice.speed === "mph" ? "mph" : "km/h";
  const distanceLabel = choice.distance;
  const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  return {
    speed: choice.speed,
    distance: choice.distance,
    speedLabel,
    distanceLabel,
    toSpeed: (mps) => mps * speedFactor,
    toDistance: (m) => m * distanceFactor,
    fromDistance: (value) => value / distanceFactor,
    formatSpeed: (mps) => `${(mps * speedFactor).toFixed(1)} ${speedLabel}`,
    formatDistance: (m) => `${grouped.format(m * distanceFactor)} ${distanceLabel}`,
    formatLapTime,
    formatDelta: (s) => `${s >= 0 ? "+" : "−"}${Math.abs(s).toFixed(3)} s`,
  };
}

/** `m:ss.sss`, or an em dash for a missing time. */
export function formatLapTime(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return "—";
  const ms = Math.round(s * 1000);
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}:${((ms - minutes * 60_000) / 1000).toFixed(3).padStart(6, "0")}`;
}
