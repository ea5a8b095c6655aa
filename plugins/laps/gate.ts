/**
 * The start/finish gate: a short segment across the track at the line, and
 * the interpolated times at which a GPS trace crosses it in the driving
 * direction.
 *
 * @module
 */

import { createLocalProjection, positionAt, type Session } from "../../sdk/mod.ts";

/** A start/finish gate in geographic coordinates. */
export interface Gate {
  /** Centre of the gate (on the line), degrees. */
  latDeg: number;
  /** Centre of the gate, degrees. */
  lonDeg: number;
  /** Driving direction across the gate, radians clockwise from north. */
  headingRad: number;
  /** Half the gate's width, m: crossings farther from the centre are ignored. */
  halfWidthM: number;
}

/** Half-width of a gate: wide enough for any line on a track, narrow enough to miss a pit lane beside it. */
export const GATE_HALF_WIDTH_M = 20;

/** The gate at the start of a circuit's reference line (point 0, facing point ~10 m on). */
export function gateFromLine(latDeg: Float64Array, lonDeg: Float64Array): Gate {
  const proj = createLocalProjection(latDeg[0], lonDeg[0]);
  let k = 1;
  let p = proj.project(latDeg[k], lonDeg[k]);
  while (k < latDeg.length - 1 && Math.hypot(p.x, p.y) < 10) p = proj.project(latDeg[++k], lonDeg[k]);
  return {
    latDeg: latDeg[0],
    lonDeg: lonDeg[0],
    headingRad: Math.atan2(p.x, p.y),
    halfWidthM: GATE_HALF_WIDTH_M,
  };
}

/** A gate placed on the trace faces along the positions this many samples either side. */
export const DIRECTION_SAMPLES = 25;

/**
 * The gate where the trace is at time `timeS`, facing the direction of
 * travel there (for circuits we do not know, placed at a logger's marker).
 */
export function gateAtTime(session: Session, timeS: number): Gate | null {
  const { timeS: t, latDeg, lonDeg } = session.channels;
  const at = positionAt(session, timeS);
  if (!at) return null;
  const { latDeg: lat, lonDeg: lon } = at;
  let i = 1;
  while (i < t.length - 1 && t[i] < timeS) i++;
  // Direction from positions ~1 s either side, robust to a noisy single step.
  const a = Math.max(0, i - DIRECTION_SAMPLES), b = Math.min(t.length - 1, i + DIRECTION_SAMPLES);
  const proj = createLocalProjection(lat, lon);
  const pa = proj.project(latDeg[a], lonDeg[a]), pb = proj.project(latDeg[b], lonDeg[b]);
  if (Math.hypot(pb.x - pa.x, pb.y - pa.y) < 5) return null;
  return {
    latDeg: lat,
    lonDeg: lon,
    headingRad: Math.atan2(pb.x - pa.x, pb.y - pa.y),
    halfWidthM: GATE_HALF_WIDTH_M,
  };
}

/** Slower than this at the line, m/s, a car is parked or pushed, not crossing it. */
const MIN_CROSSING_SPEED_MPS = 3;

/**
 * Times at which the trace crosses the gate moving forward, interpolated
 * between the two samples either side of the line. `minGapS` suppresses a
 * second crossing while a car dawdles on the line.
 */
export function gateCrossings(session: Session, gate: Gate, minGapS: number): number[] {
  const { timeS: t, latDeg, lonDeg, speedMps } = session.channels;
  const proj = createLocalProjection(gate.latDeg, gate.lonDeg);
  const dx = Math.sin(gate.headingRad), dy = Math.cos(gate.headingRad);
  const crossings: number[] = [];
  let prevAlong = NaN, prevAcross = NaN;
  for (let i = 0; i < t.length; i++) {
    const x = proj.toX(lonDeg[i]), y = proj.toY(latDeg[i]);
    const along = x * dx + y * dy;
    const across = x * dy - y * dx;
    if (prevAlong < 0 && along >= 0) {
      const u = -prevAlong / (along - prevAlong);
      const acrossAtLine = prevAcross + u * (across - prevAcross);
      const time = t[i - 1] + u * (t[i] - t[i - 1]);
      const last = crossings[crossings.length - 1];
      const moving = Math.max(speedMps[i - 1], speedMps[i]) >= MIN_CROSSING_SPEED_MPS;
      if (
        moving && Math.abs(acrossAtLine) <= gate.halfWidthM && (last === undefined || time - last >= minGapS)
      ) {
        crossings.push(time);
      }
    }
    prevAlong = along;
    prevAcross = across;
  }
  return crossings;
}
