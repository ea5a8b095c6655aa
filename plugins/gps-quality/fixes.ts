/**
 * What the raw GPS fixes say about themselves: GPS epochs (a row that
 * repeats the previous position, e.g. an IMU-only row, is not a new fix),
 * estimated accuracy and satellites over the epochs, gaps between kept
 * samples while driving, and the spikes (`spikes.ts`).
 *
 * @module
 */

import { quantile, type Session } from "../../sdk/mod.ts";
import { findSpikes, type Spike } from "./spikes.ts";

/** A stretch with no usable fix between two kept samples. */
export interface FixGap {
  /** Time of the last fix before it, s. */
  fromS: number;
  /** Time of the first fix after it, s. */
  toS: number;
}

/** Summary of the session's fixes. */
export interface FixReport {
  /** Rows that are new GPS epochs (position differs from the previous epoch), in order. */
  epochs: Int32Array;
  /** Typical time between epochs, s. */
  periodS: number;
  /** 90th percentile of the estimated accuracy, m; null without an accuracy channel. */
  accuracyP90M: number | null;
  /** 10th percentile of the satellites in use; null without a satellites channel. */
  satellitesP10: number | null;
  /** Distance driven, km (speed integrated over time). */
  distanceKm: number;
  /** Session time from the first to the last sample, s. */
  durationS: number;
  /** Gaps between kept samples while the car moved. */
  gaps: FixGap[];
  /** Seconds without a usable fix while the car moved (sum over `gaps`, one period each subtracted). */
  gapSeconds: number;
  /** Spikes, one per event. */
  spikes: Spike[];
}

/** A pause between fixes longer than this many periods (and at least {@linkcode MIN_GAP_S}) is a gap. */
const GAP_PERIODS = 3;
/** Shortest gap worth reporting, s. */
const MIN_GAP_S = 0.5;
/** A gap counts only when the car moved on one side of it (a logger paused in the pits is no fault), m/s. */
const MOVING_MPS = 2;
/**
 * Percentiles and the typical period are taken over at most this many evenly
 * spread epochs (a 2-hour 25 Hz session has 180,000): the estimate is as good
 * and costs a tenth.
 */
const MAX_PERCENTILE_SAMPLES = 20_000;

/** Reads the fixes of a session. Pure; O(rows). */
export function readFixes(session: Session): FixReport {
  const { timeS, latDeg, lonDeg, speedMps, accuracyM, satellites } = session.channels;
  const rows = session.rows;
  const epochs = epochRows(latDeg, lonDeg, rows);
  const periodS = typicalPeriod(timeS, epochs);
  const maxStepS = Math.max(GAP_PERIODS * periodS, MIN_GAP_S);

  let distanceM = 0;
  const gaps: FixGap[] = [];
  let gapSeconds = 0;
  for (let i = 1; i < rows; i++) {
    const dt = timeS[i] - timeS[i - 1];
    distanceM += 0.5 * (speedMps[i] + speedMps[i - 1]) * dt;
    if (dt > maxStepS && Math.max(speedMps[i - 1], speedMps[i]) > MOVING_MPS) {
      gaps.push({ fromS: timeS[i - 1], toS: timeS[i] });
      gapSeconds += dt - periodS;
    }
  }
  return {
    epochs,
    periodS,
    accuracyP90M: accuracyM ? finiteOrNull(quantile(sampleEpochs(accuracyM, epochs), 0.9)) : null,
    satellitesP10: satellites ? finiteOrNull(quantile(sampleEpochs(satellites, epochs), 0.1)) : null,
    distanceKm: distanceM / 1000,
    durationS: rows > 0 ? timeS[rows - 1] - timeS[0] : 0,
    gaps,
    gapSeconds,
    spikes: findSpikes(session, epochs, maxStepS),
  };
}

/** Rows whose position differs from the previous epoch's (finite positions only). */
function epochRows(latDeg: Float64Array, lonDeg: Float64Array, rows: number): Int32Array {
  const out = new Int32Array(rows);
  let n = 0, lastLat = NaN, lastLon = NaN;
  for (let i = 0; i < rows; i++) {
    const lat = latDeg[i], lon = lonDeg[i];
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (lat !== lastLat || lon !== lastLon) {
      out[n++] = i;
      lastLat = lat;
      lastLon = lon;
    }
  }
  return out.subarray(0, n);
}

/** Median time between consecutive epochs (from at most {@linkcode MAX_PERCENTILE_SAMPLES} steps), s; 0.1 s when there are too few. */
function typicalPeriod(timeS: Float64Array, epochs: Int32Array): number {
  const stride = Math.max(1, Math.ceil(epochs.length / MAX_PERCENTILE_SAMPLES));
  const steps: number[] = [];
  for (let e = stride; e < epochs.length; e += stride) steps.push(timeS[epochs[e]] - timeS[epochs[e - 1]]);
  const p = quantile(steps, 0.5);
  return p > 0 ? p : 0.1;
}

/** Values of `column` at evenly spread epochs, at most {@linkcode MAX_PERCENTILE_SAMPLES} of them. */
function sampleEpochs(column: Float64Array, epochs: Int32Array): Float64Array {
  const stride = Math.max(1, Math.ceil(epochs.length / MAX_PERCENTILE_SAMPLES));
  const out = new Float64Array(Math.ceil(epochs.length / stride));
  for (let k = 0, e = 0; e < epochs.length; k++, e += stride) out[k] = column[epochs[e]];
  return out;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
