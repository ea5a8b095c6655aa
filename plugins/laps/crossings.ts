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
 * Better than the original, which needed the logger's lap numbers: a file
 * without them on a circuit it did not know had no laps at all.
 *
 * @module
 */

import type { LapMarker, Reporter, Session, TrackMatch } from "../../sdk/mod.ts";
import { DIRECTION_SAMPLES, gateAtTime, gateCrossings, gateFromLine } from "./gate.ts";

/** Two crossings closer than this are one crossing, s. */
const MIN_LAP_S = 10;
/** A marker farther than this from a gate crossing (beyond its own uncertainty) describes another crossing, s. */
const MARKER_MATCH_S = 0.5;

/** Crossing times, s on the session's axis, in order. Empty when none can be found (reported). */
export function findCrossings(session: Session, match: TrackMatch | null, report: Reporter): number[] {
  const markers = session.lapMarkers;
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
  const crossings = refineWithMarkers(fromGate, markers, report);
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
 * describes it, and adds markers the gate missed (e.g. in a GPS dropout).
 */
export function refineWithMarkers(
  fromGate: number[],
  markers: readonly LapMarker[],
  report: Reporter,
): number[] {
  if (fromGate.length === 0) return markers.map((m) => m.timeS);
  const meets = (mk: LapMarker) =>
    fromGate.some((t) => Math.abs(mk.timeS - t) <= mk.uncertaintyS + MARKER_MATCH_S);
  if (markers.length >= 2 && !markers.some(meets)) {
    report({
      severity: "info",
      code: "markers_elsewhere",
      message: "the logger marks its laps at another line than the circuit's start/finish: " +
        "laps are timed at the logger's markers",
    });
    return markers.map((m) => m.timeS);
  }
  const used = new Set<number>();
  const out = fromGate.map((time) => {
    const m = markers.findIndex((mk) => Math.abs(mk.timeS - time) <= mk.uncertaintyS + MARKER_MATCH_S);
    if (m < 0) return time;
    used.add(m);
    const { timeS, uncertaintyS } = markers[m];
    return Math.min(timeS + uncertaintyS, Math.max(timeS - uncertaintyS, time));
  });
  const extra = markers.filter((mk, i) =>
    !used.has(i) && out.every((t) => Math.abs(t - mk.timeS) >= MIN_LAP_S)
  );
  for (const mk of extra) {
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
