/**
 * Stretches of poor GPS, in session time: rows the session builder dropped
 * (with its reason), gaps between kept fixes, kept fixes whose estimated
 * accuracy sits near the filter's limit, and spikes. Overlapping or
 * touching stretches are merged, their reasons kept.
 *
 * @module
 */

import { droppedSpanUse, type GpsBadSpan, type GpsQualitySettings, type Session } from "../../sdk/mod.ts";
import type { FixReport } from "./fixes.ts";

/** Kept fixes worse than this fraction of the filter's accuracy limit are "near the limit". */
const WEAK_ACCURACY_FRACTION = 0.75;
/** A near-the-limit stretch must last this long to be reported, s. */
const MIN_WEAK_S = 1;

/** Every poor stretch of the session, merged, in time order. */
export function findBadSpans(session: Session, fixes: FixReport, gps: GpsQualitySettings): GpsBadSpan[] {
  const spans: GpsBadSpan[] = [];
  for (const d of session.droppedSpans ?? []) {
    const what = d.reason === "accuracy"
      ? `estimated accuracy worse than ${gps.maxAccuracyM} m`
      : d.reason === "satellites"
      ? `fewer than ${gps.minSatellites} satellites`
      : d.reason === "implausible"
      ? "positions or speeds no car could log"
      : "no samples from the logger";
    spans.push({ startS: d.startS, endS: d.endS, reason: `${what}: ${d.rows} ${droppedSpanUse(d)}` });
  }
  for (const gap of fixes.gaps) {
    spans.push({
      startS: gap.fromS,
      endS: gap.toS,
      reason: `no usable position for ${(gap.toS - gap.fromS).toFixed(1)} s`,
    });
  }
  spans.push(...weakAccuracySpans(session, fixes, gps));
  for (const spike of fixes.spikes) {
    const reason = spike.kind === "displaced"
      ? `position displaced by ${spike.size.toFixed(1)} m for ${(spike.endS - spike.startS).toFixed(1)} s`
      : spike.kind === "jump"
      ? `position jumped ${spike.size.toFixed(1)} m off the car's path`
      : `speed jumped ${(spike.size * 3.6).toFixed(0)} km/h between two samples`;
    spans.push({ startS: spike.startS, endS: spike.endS, reason });
  }
  return mergeSpans(spans, fixes.periodS);
}

/** Runs of kept epochs whose estimated accuracy is near the filter's limit for at least a second. */
function weakAccuracySpans(session: Session, fixes: FixReport, gps: GpsQualitySettings): GpsBadSpan[] {
  const { accuracyM, timeS } = session.channels;
  if (!accuracyM) return [];
  const limitM = WEAK_ACCURACY_FRACTION * gps.maxAccuracyM;
  const out: GpsBadSpan[] = [];
  let start = -1, worst = 0;
  const close = (end: number) => {
    const startS = timeS[fixes.epochs[start]], endS = timeS[fixes.epochs[end]];
    if (endS - startS >= MIN_WEAK_S) {
      out.push({
        startS,
        endS,
        reason: `estimated accuracy up to ${worst.toFixed(1)} m, near the ${gps.maxAccuracyM} m limit`,
      });
    }
    start = -1;
    worst = 0;
  };
  for (let e = 0; e < fixes.epochs.length; e++) {
    const acc = accuracyM[fixes.epochs[e]];
    if (acc > limitM) {
      if (start < 0) start = e;
      worst = Math.max(worst, acc);
    } else if (start >= 0) close(e - 1);
  }
  if (start >= 0) close(fixes.epochs.length - 1);
  return out;
}

/** Sorts spans and merges those that overlap or lie within `toleranceS` of each other. */
export function mergeSpans(spans: readonly GpsBadSpan[], toleranceS: number): GpsBadSpan[] {
  const sorted = [...spans].sort((a, b) => a.startS - b.startS);
  const out: GpsBadSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.startS <= last.endS + toleranceS) {
      last.endS = Math.max(last.endS, span.endS);
      if (!last.reason.split("; ").includes(span.reason)) last.reason += `; ${span.reason}`;
    } else {
      out.push({ ...span });
    }
  }
  return out;
}
