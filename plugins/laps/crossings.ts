/**
 * Start/finish crossings of a session: from the matched circuit's line when
 * there is one, else from a gate placed at the logger's first lap marker,
 * else (an unknown circuit and a file without markers, as VBOX files are)
 * from a gate across the fastest point of the trace, which every lap
 * passes; the logger's markers then narrow each crossing to the interval
 * they give. When the logger marks its laps at another line than the
 * circuit's (none of two or more markers meets a crossing), its markers
 * are the crossings.
 *
 * A marker is a lap only where it can be one: a marker the trace did not
 * cross the line at is added only when the parts it splits a lap into
 * (between it and the crossings either side) are at least 60 % of a
 * typical lap's distance (the median of three or
 * more laps the trace crossed the line for): a crossing lost in a dropout
 * splits a double lap in two, a bogus marker splits one lap. Markers closer
 * than 10 s to a kept crossing are dropped, and a logger that sets more
 * than two markers per crossing of the line has its markers ignored. A logger whose lap counter flickers would
 * otherwise cut the session into laps of a second or two.
 *
 * Better than the original, which needed the logger's lap numbers: a file
 * without them on a circuit it did not know had no laps at all.
 *
 * @module
 */

import {
  type LapMarker,
  limitedReporter,
  median,
  type Reporter,
  type Session,
  type TrackMatch,
} from "../../sdk/mod.ts";
import { odometerOf } from "./odometer.ts";
import { DIRECTION_SAMPLES, gateAtTime, gateCrossings, gateFromLine } from "./gate.ts";

/** Two crossings closer than this are one crossing, s. */
const MIN_LAP_S = 10;
/** A marker farther than this from a gate crossing (beyond its own uncertainty) describes another crossing, s. */
const MARKER_MATCH_S = 0.5;
/** A marker the trace did not cross the line at counts only if both parts of the lap it splits are this share of a typical lap. */
const SPLIT_LAP_SHARE = 0.6;
/** More markers than this per crossing of the line (plus one) are not lap markers. */
const MARKERS_PER_CROSSING = 2;
/** Gate laps needed before a typical lap distance is taken from them. */
const MIN_TYPICAL_LAPS = 3;

/** Crossing times, s on the session's axis, in order. Empty when none can be found (reported). */
export function findCrossings(session: Session, match: TrackMatch | null, stageReport: Reporter): number[] {
  // A logger with thousands of bogus markers gets a few reports and a count.
  const limited = limitedReporter(stageReport, session.file);
  const crossings = crossingsOf(session, match, limited.report);
  limited.summarise();
  return crossings;
}

function crossingsOf(session: Session, match: TrackMatch | null, report: Reporter): number[] {
  const markers = markersInside(session, report);
  const placed = !match && markers.length === 0 ? fastestPoint(session) : null;
  const gate = match
    ? gateFromLine(match.track.latDeg, match.track.lonDeg)
    : markers.length > 0
    ? gateAtTime(session, markers[0].timeS)
    : placed === null
    ? null
    : gateAtTime(session, placed);
  if (!gate) {
    report({
      severity: "error",
      code: "no_laps",
      message: markers.length > 0
        ? "the circuit is unknown and the trace has no usable position at the logger's first lap marker: " +
          "name the circuit (--track SLUG) or add it"
        : "the circuit is unknown, the file has no lap markers and the trace has no fast stretch to time " +
          "laps at: name the circuit (--track SLUG) or add it",
    });
    return [];
  }
  if (placed !== null) {
    report({
      severity: "info",
      code: "lap_line_placed",
      message:
        `the circuit is unknown and the file has no lap markers: laps are timed at a line across the ` +
        `fastest point of the trace (${
          placed.toFixed(1)
        } s into the session); adding the circuit keeps that line`,
    });
  }
  const fromGate = gateCrossings(session, gate, MIN_LAP_S);
  if (fromGate.length < 2 && placed !== null) {
    report({
      severity: "error",
      code: "no_laps",
      message: "the circuit is unknown, the file has no lap markers and the trace passes its fastest point " +
        "only once: there is no lap to time",
    });
    return [];
  }
  const crossings = refineWithMarkers(fromGate, markers, report, odometerOf(session).distanceAt);
  if (crossings.length === 0) {
    report({
      severity: "error",
      code: "no_laps",
      message: match
        ? `the trace never crosses the start/finish line of ${match.track.name}`
        : "the trace never crosses the start/finish line at the logger's first lap marker",
    });
  }
  return crossings;
}

/**
 * Narrows each gate crossing to the interval of the logger marker that
 * describes it, and adds markers the gate missed (e.g. in a GPS dropout)
 * where they split a lap into two plausible ones. `distanceAt` is the
 * distance driven at a time, m.
 */
export function refineWithMarkers(
  fromGate: number[],
  markers: readonly LapMarker[],
  report: Reporter,
  distanceAt: (timeS: number) => number,
): number[] {
  if (fromGate.length === 0) return spaced(markers.map((m) => m.timeS), report);
  if (markers.length > MARKERS_PER_CROSSING * (fromGate.length + 1)) {
    report({
      severity: "warning",
      code: "markers_ignored",
      message:
        `the logger sets ${markers.length} lap markers where the trace crosses the line ${fromGate.length} ` +
        "times: its markers are not laps, and laps are timed at the line alone",
    });
    return fromGate;
  }
  const meets = (mk: LapMarker) =>
    fromGate.some((t) => Math.abs(mk.timeS - t) <= mk.uncertaintyS + MARKER_MATCH_S);
  if (markers.length >= 2 && !markers.some(meets)) {
    report({
      severity: "info",
      code: "markers_elsewhere",
      message: "the logger marks its laps at another line than the circuit's start/finish: " +
        "laps are timed at the logger's markers",
    });
    return spaced(markers.map((m) => m.timeS), report);
  }
  const used = new Set<number>();
  // How far a marker's interval is from a gate crossing, s (0 when it holds it).
  const gapOf = (mk: LapMarker, time: number) => Math.max(0, Math.abs(mk.timeS - time) - mk.uncertaintyS);
  const out = fromGate.map((time) => {
    // The marker nearest the crossing describes it (a flickering counter may set others close by).
    let m = -1;
    markers.forEach((mk, i) => {
      if (gapOf(mk, time) <= MARKER_MATCH_S && (m < 0 || gapOf(mk, time) < gapOf(markers[m], time))) m = i;
    });
    if (m < 0) return time;
    used.add(m);
    const { timeS, uncertaintyS } = markers[m];
    return Math.min(timeS + uncertaintyS, Math.max(timeS - uncertaintyS, time));
  });
  // A typical lap needs a few: with one or two, a lap the gate saw may be the double lap a missed crossing made.
  const typicalM = fromGate.length > MIN_TYPICAL_LAPS
    ? median(fromGate.slice(1).map((t, i) => distanceAt(t) - distanceAt(fromGate[i])))
    : null;
  for (const [i, mk] of markers.entries()) {
    if (used.has(i) || out.some((t) => Math.abs(t - mk.timeS) < MIN_LAP_S)) continue;
    const before = Math.max(-Infinity, ...out.filter((t) => t < mk.timeS));
    const after = Math.min(Infinity, ...out.filter((t) => t > mk.timeS));
    // The parts between the marker and the crossings either side; one that reaches the session's start or end
    // is an out- or in-lap, of any length (a log that starts on the line has its first marker at its first row).
    const at = distanceAt(mk.timeS);
    const parts = [
      ...(Number.isFinite(before) ? [at - distanceAt(before)] : []),
      ...(Number.isFinite(after) ? [distanceAt(after) - at] : []),
    ];
    const shortestM = Math.min(Infinity, ...parts);
    if (typicalM !== null && shortestM < SPLIT_LAP_SHARE * typicalM) {
      report({
        severity: "warning",
        code: "marker_splits_lap",
        message: `the logger's lap marker at ${mk.timeS.toFixed(2)} s is ignored: the trace does not cross ` +
          `the line there, and it would make a lap of ${shortestM.toFixed(0)} m where laps are about ${
            typicalM.toFixed(0)
          } m`,
      });
      continue;
    }
    report({
      severity: "info",
      code: "marker_only_crossing",
      message: `crossing at ${
        mk.timeS.toFixed(2)
      } s taken from the logger's lap marker (not seen in the GPS trace)`,
    });
    out.push(mk.timeS);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Time of the highest speed among samples whose position, and the positions
 * the gate's direction is taken from ({@linkcode DIRECTION_SAMPLES} either
 * side), are known; null without one.
 */
function fastestPoint(session: Session): number | null {
  const { timeS, speedMps, latDeg, lonDeg } = session.channels;
  const known = (i: number) => Number.isFinite(latDeg[i]) && Number.isFinite(lonDeg[i]);
  let best = -1;
  for (let i = DIRECTION_SAMPLES; i < timeS.length - DIRECTION_SAMPLES; i++) {
    if (!(speedMps[i] > (best < 0 ? 0 : speedMps[best]))) continue;
    if (known(i) && known(i - DIRECTION_SAMPLES) && known(i + DIRECTION_SAMPLES)) best = i;
  }
  return best < 0 ? null : timeS[best];
}

/** The session's lap markers that lie within its recorded time; the others are reported and left out. */
function markersInside(session: Session, report: Reporter): LapMarker[] {
  const { timeS } = session.channels;
  const first = timeS[0], last = timeS[timeS.length - 1];
  return session.lapMarkers.filter((marker) => {
    const inside = marker.timeS >= first && marker.timeS <= last;
    if (!inside) {
      report({
        severity: "warning",
        code: "marker_outside_session",
        message: `the logger's lap marker at ${marker.timeS.toFixed(2)} s is ignored: the log runs from ${
          first.toFixed(2)
        } to ${last.toFixed(2)} s`,
      });
    }
    return inside;
  });
}

/** The times with every one closer than {@linkcode MIN_LAP_S} after the last kept one dropped (reported). */
function spaced(times: readonly number[], report: Reporter): number[] {
  const kept: number[] = [];
  for (const t of [...times].sort((a, b) => a - b)) {
    if (kept.length > 0 && t - kept[kept.length - 1] < MIN_LAP_S) {
      report({
        severity: "warning",
        code: "marker_too_close",
        message: `the logger's lap marker at ${t.toFixed(2)} s is ignored: it comes ${
          (t - kept[kept.length - 1]).toFixed(2)
        } s after the last one`,
      });
    } else kept.push(t);
  }
  return kept;
}
