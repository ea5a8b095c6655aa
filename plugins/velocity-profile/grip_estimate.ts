/**
 * The grip a session demonstrates: 99th percentiles of lateral, braking,
 * accelerating and combined g by 5 m/s speed band over the analysis laps,
 * from GPS-derived accelerations (`lap_g.ts`). Percentiles, not maxima, so
 * that a noise spike cannot set a limit; one set of numbers for the whole
 * session, never per corner (the original raised grip per corner to what
 * the driver did there, so its "optimal" could not be slower than the
 * driver anywhere: a circular benchmark).
 *
 * @module
 */

import type { GripEstimate, SpeedBandGrip } from "../../sdk/mod.ts";
import { addToHistogram, HISTOGRAM_BINS, histogramQuantile } from "./histogram.ts";
import type { LapAccelerations } from "./lap_g.ts";

/** Width of a speed band, m/s. */
export const BAND_MPS = 5;
/** Points slower than this are ignored (pit lane, standing starts), m/s. */
const MIN_SPEED_MPS = 5;
/** Bands cover speeds up to this, m/s (faster points count in the last band). */
const MAX_SPEED_MPS = 100;
/** "Nearly straight" for the braking and acceleration limits: |lateral| below this, g. */
const STRAIGHT_LATERAL_G = 0.2;
/** Percentile of every limit. */
const PERCENTILE = 0.99;
/** A band's percentile needs at least this many points. */
const MIN_BAND_POINTS = 50;

const BANDS = Math.round((MAX_SPEED_MPS - MIN_SPEED_MPS) / BAND_MPS);
/** Histogram kinds per band, in this order. */
const LATERAL = 0, BRAKING = 1, ACCELERATION = 2, COMBINED = 3, KINDS = 4;

/** Collects laps' accelerations, then gives the grip they show. */
export interface GripTally {
  /** Counts one lap's accelerations (read at once; the arrays may be reused afterwards). */
  add(lap: number, g: LapAccelerations): void;
  /** The grip shown by the laps added; null when no point was fast enough to count. */
  result(): GripEstimate | null;
}

/** An empty tally. */
export function createGripTally(): GripTally {
  const counts = new Uint32Array(BANDS * KINDS * HISTOGRAM_BINS);
  const at = (band: number, kind: number) => (band * KINDS + kind) * HISTOGRAM_BINS;
  const bandPoints = new Uint32Array(BANDS);
  const laps: number[] = [];
  return {
    add(lap, { latG, longG, driveG, speedMps }) {
      laps.push(lap);
      for (let i = 0; i < speedMps.length; i++) {
        const v = speedMps[i];
        if (!(v >= MIN_SPEED_MPS)) continue;
        const band = Math.min(BANDS - 1, Math.floor((v - MIN_SPEED_MPS) / BAND_MPS));
        const lat = Math.abs(latG[i]), long = longG[i];
        bandPoints[band]++;
        addToHistogram(counts, at(band, LATERAL), lat);
        addToHistogram(counts, at(band, COMBINED), Math.sqrt(lat * lat + long * long));
        if (lat < STRAIGHT_LATERAL_G) {
          if (long < 0) addToHistogram(counts, at(band, BRAKING), -long);
          if (driveG[i] > 0) addToHistogram(counts, at(band, ACCELERATION), driveG[i]);
        }
      }
    },
    result() {
      let points = 0;
      for (let b = 0; b < BANDS; b++) points += bandPoints[b];
      if (points === 0) return null;
      const bands: SpeedBandGrip[] = [];
      for (let b = 0; b < BANDS; b++) {
        if (bandPoints[b] === 0) continue;
        const q = (kind: number) =>
          round3(histogramQuantile(counts, at(b, kind), PERCENTILE, MIN_BAND_POINTS));
        bands.push({
          fromMps: MIN_SPEED_MPS + b * BAND_MPS,
          toMps: MIN_SPEED_MPS + (b + 1) * BAND_MPS,
          points: bandPoints[b],
          lateralG: q(LATERAL),
          brakingG: q(BRAKING),
          accelerationG: q(ACCELERATION),
          combinedG: q(COMBINED),
        });
      }
      const overall = (kind: number) => {
        const merged = new Uint32Array(HISTOGRAM_BINS);
        for (let b = 0; b < BANDS; b++) {
          const offset = at(b, kind);
          for (let k = 0; k < HISTOGRAM_BINS; k++) merged[k] += counts[offset + k];
        }
        return round3(histogramQuantile(merged, 0, PERCENTILE)) ?? 0;
      };
      return {
        laps: [...laps],
        points,
        lateralG: overall(LATERAL),
        brakingG: overall(BRAKING),
        tractionG: Math.max(0, ...bands.map((b) => b.accelerationG ?? 0)),
        frictionCircleG: overall(COMBINED),
        bands,
      };
    },
  };
}

function round3(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 1000;
}
