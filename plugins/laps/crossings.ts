/**
 * Start/finish crossings of a session: from the matched circuit's line when
 * there is one, else from a gate placed at the logger's first lap marker;
 * the logger's markers then narrow each crossing to the interval they give.
 *
 * @module
 */

import type { LapMarker, Reporter, Session, TrackMatch } from "../../sdk/mod.ts";
import { gateAtTime, gateCrossings, gateFromLine } from "./gate.ts";

/** Two crossings closer than this are one crossing, s. */
const MIN_LAP_S = 10;
/** A marker farther than this from a gate crossing (beyond its own uncertainty) describes another crossing, s. */
const MARKER_MATCH_S = 0.5;

/** Crossing times, s on the session's axis, in order. Empty when none can be found (reported). */
export function findCrossings(session: Session, match: TrackMatch | null, report: Reporter): number[] {
  const markers = session.lapMarkers;
  const gate = match
    ? gateFromLine(match.track.latDeg, match.track.lonDeg)
    : markers.length > 0
    ? gateAtTime(session, markers[0].timeS)
    : null;
  if (!gate) {
    report({
      severity: "error",
      code: "no_laps",
      message: "the circuit is unknown and the file has no lap markers: " +
        "name the circuit (--track SLUG) or add it as a track data file",
    });
    return [];
  }
  const fromGate = gateCrossings(session, gate, MIN_LAP_S);
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
