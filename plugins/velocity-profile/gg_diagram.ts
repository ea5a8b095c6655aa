/**
 * The g-g diagram of a session for the UI: each lap's (lateral, longitudinal)
 * points every 2.8 m (as `lap_g.ts` measures them), compact `Float32Array`s,
 * with the lap's envelope and the session's (99th percentile per direction
 * sector).
 *
 * @module
 */

import { type GgDiagram, GRID_STEP_M, type LapGg } from "../../sdk/mod.ts";
import { addToHistogram, HISTOGRAM_BINS, histogramQuantile } from "./histogram.ts";
import { G_STRIDE, type LapAccelerations } from "./lap_g.ts";

/** Direction sectors of the envelopes (10° each). */
const SECTORS = 36;
/** Points slower than this are left out, m/s. */
const MIN_SPEED_MPS = 5;
/** Percentile of the session's envelope. */
const PERCENTILE = 0.99;

/** Collects laps' g-g points, then gives the diagram. */
export interface GgCollector {
  /** Keeps one lap's points (copied; the arrays may be reused afterwards). */
  add(lap: number, g: LapAccelerations): void;
  /** The diagram of the laps added, in the order added. */
  result(): GgDiagram;
}

/** An empty collector. */
export function createGgCollector(): GgCollector {
  const sessionCounts = new Uint32Array(SECTORS * HISTOGRAM_BINS);
  const laps: LapGg[] = [];
  let stepM = GRID_STEP_M * G_STRIDE;
  return {
    add(lap, g) {
      stepM = g.stepM;
      const kept = g.speedMps.length;
      const latG = new Float32Array(kept), longG = new Float32Array(kept), speedMps = new Float32Array(kept);
      const envelopeG = new Float32Array(SECTORS);
      for (let k = 0; k < kept; k++) {
        const lat = g.latG[k], long = g.longG[k], v = g.speedMps[k];
        latG[k] = lat;
        longG[k] = long;
        speedMps[k] = v;
        if (!(v >= MIN_SPEED_MPS)) continue;
        const sector = sectorOf(lat, long);
        const radius = Math.sqrt(lat * lat + long * long);
        if (radius > envelopeG[sector]) envelopeG[sector] = radius;
        addToHistogram(sessionCounts, sector * HISTOGRAM_BINS, radius);
      }
      laps.push({ lap, latG, longG, speedMps, envelopeG });
    },
    result() {
      const envelopeG = new Float32Array(SECTORS);
      for (let s = 0; s < SECTORS; s++) {
        envelopeG[s] = histogramQuantile(sessionCounts, s * HISTOGRAM_BINS, PERCENTILE) ?? 0;
      }
      return { stepM, sectors: SECTORS, envelopeG, laps: [...laps] };
    },
  };
}

/**
 * Direction sector of a (lateral, longitudinal) point, counter-clockwise
 * from +lateral. The angle comes from a rational approximation of the
 * arctangent (within 0.22°, far inside a 10° sector), several times faster
 * than `Math.atan2` on the hundred thousand points of a long session.
 */
function sectorOf(latG: number, longG: number): number {
  const ax = Math.abs(latG), ay = Math.abs(longG);
  if (ax === 0 && ay === 0) return 0;
  const z = ax >= ay ? ay / ax : ax / ay; // tangent of the angle to the nearer axis, 0..1
  let angle = z * (Math.PI / 4 + 0.273 * (1 - z)); // arctan z within 0.0038 rad
  if (ay > ax) angle = Math.PI / 2 - angle;
  if (latG < 0) angle = Math.PI - angle;
  if (longG < 0) angle = 2 * Math.PI - angle;
  return Math.min(SECTORS - 1, Math.floor((angle / (2 * Math.PI)) * SECTORS));
}
