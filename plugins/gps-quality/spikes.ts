/**
 * Spikes in the raw GPS epochs: a position that jumps off the car's path
 * (and usually comes back: a displaced stretch, the signature of multipath
 * or a poor fix), and speed steps no car can make.
 *
 * Better than the original: the tests run on the logger's own epochs (the
 * original tested the already interpolated distance-grid speed, which
 * smooths a spike away), never across a gap, and a displaced stretch is
 * reported once, from the jump out to the jump back.
 *
 * A position step is compared with the car's velocity two steps before
 * and two steps after it (so a one-sample glitch does not contaminate its
 * own reference): the jump is the displacement the car's motion does not
 * explain. With 0.1 m of white noise per fix it stays below 0.3 m; above
 * 1.5 m (plus what 2 g of acceleration could add) it is a jump.
 *
 * @module
 */

import { createLocalProjection, G, type Session } from "../../sdk/mod.ts";

/** One spike event. */
export interface Spike {
  /** `displaced`: the position jumped and came back; `jump`: it jumped and stayed; `speed`: a speed step. */
  kind: "displaced" | "jump" | "speed";
  /** Time of the last good sample before it, s. */
  startS: number;
  /** Time of the first good sample after it, s. */
  endS: number;
  /** Metres the position moved, or the speed step in m/s. */
  size: number;
}

/** Largest combined acceleration a car can show, m/s² (2 g: a margin over any road tyre). */
const MAX_ACCEL_MPS2 = 2 * G;
/** Displacement beyond the car's own motion that makes a jump, m. */
const JUMP_M = 1.5;
/** A jump back within this time that cancels a jump out closes a displaced stretch, s. */
const MAX_DISPLACED_S = 10;
/** Jumps out and back cancel when their sum is below this fraction of the larger. */
const CANCEL_FRACTION = 0.5;
/** Speed steps beyond 3 g (the original's threshold) are spikes, m/s². */
const SPEED_SPIKE_ACCEL = 3 * G;
/** Speed noise allowance added to the 3 g step limit, m/s. */
const SPEED_STEP_NOISE_MPS = 0.5;
/** Speed flags closer than this are one event (a glitch steps up, then down), s. */
const SPEED_MERGE_S = 1;

/** Every spike of the session's epochs, in time order. `maxStepS`: longest step that is not a gap. */
export function findSpikes(session: Session, epochs: Int32Array, maxStepS: number): Spike[] {
  const spikes = [...positionSpikes(session, epochs, maxStepS), ...speedSpikes(session, epochs, maxStepS)];
  return spikes.sort((a, b) => a.startS - b.startS);
}

/** A position step the car's motion does not explain. */
interface JumpFlag {
  /** Index of the epoch the step ends at. */
  epoch: number;
  jx: number;
  jy: number;
  size: number;
}

function positionSpikes(session: Session, epochs: Int32Array, maxStepS: number): Spike[] {
  const { timeS, latDeg, lonDeg } = session.channels;
  const n = epochs.length;
  if (n < 6) return [];
  const { originLatDeg, originLonDeg, mPerDegLat, mPerDegLon } = createLocalProjection(
    latDeg[epochs[0]],
    lonDeg[epochs[0]],
  );
  // The six epochs e − 3 .. e + 2 in scalars (suffix = offset from e; step e runs from e − 1 to e), shifted per epoch.
  const xAt = (e: number) => (lonDeg[epochs[e]] - originLonDeg) * mPerDegLon;
  const yAt = (e: number) => (latDeg[epochs[e]] - originLatDeg) * mPerDegLat;
  const tAt = (e: number) => timeS[epochs[e]];
  let xm3 = 0, xm2 = xAt(0), xm1 = xAt(1), x0 = xAt(2), x1 = xAt(3), x2 = xAt(4);
  let ym3 = 0, ym2 = yAt(0), ym1 = yAt(1), y0 = yAt(2), y1 = yAt(3), y2 = yAt(4);
  let tm3 = 0, tm2 = tAt(0), tm1 = tAt(1), t0 = tAt(2), t1 = tAt(3), t2 = tAt(4);
  const flags: JumpFlag[] = [];
  for (let e = 3; e + 2 < n; e++) {
    xm3 = xm2, xm2 = xm1, xm1 = x0, x0 = x1, x1 = x2, x2 = xAt(e + 2);
    ym3 = ym2, ym2 = ym1, ym1 = y0, y0 = y1, y1 = y2, y2 = yAt(e + 2);
    tm3 = tm2, tm2 = tm1, tm1 = t0, t0 = t1, t1 = t2, t2 = tAt(e + 2);
    const dtBefore = tm2 - tm3, dt = t0 - tm1, dtAfter = t2 - t1;
    if (Math.max(dtBefore, tm1 - tm2, dt, t1 - t0, dtAfter) > maxStepS) continue;
    const vx = 0.5 * ((xm2 - xm3) / dtBefore + (x2 - x1) / dtAfter);
    const vy = 0.5 * ((ym2 - ym3) / dtBefore + (y2 - y1) / dtAfter);
    const jx = x0 - xm1 - vx * dt, jy = y0 - ym1 - vy * dt;
    const allowanceM = JUMP_M + MAX_ACCEL_MPS2 * dt * (t2 - tm3);
    const size2 = jx * jx + jy * jy;
    if (size2 > allowanceM * allowanceM) flags.push({ epoch: e, jx, jy, size: Math.sqrt(size2) });
  }
  const timeOf = (e: number) => timeS[epochs[e]];
  const spikes: Spike[] = [];
  const used = new Uint8Array(flags.length);
  for (let i = 0; i < flags.length; i++) {
    if (used[i]) continue;
    const out = flags[i];
    let back = -1;
    for (
      let j = i + 1;
      j < flags.length && timeOf(flags[j].epoch) - timeOf(out.epoch) <= MAX_DISPLACED_S;
      j++
    ) {
      const f = flags[j];
      const sum = Math.hypot(out.jx + f.jx, out.jy + f.jy);
      if (!used[j] && sum < CANCEL_FRACTION * Math.max(out.size, f.size)) {
        back = j;
        break;
      }
    }
    if (back < 0) {
      spikes.push({ kind: "jump", startS: timeOf(out.epoch - 1), endS: timeOf(out.epoch), size: out.size });
      continue;
    }
    for (let j = i; j <= back; j++) used[j] = 1; // flags inside the displaced stretch belong to it
    const ret = flags[back];
    spikes.push({
      kind: "displaced",
      startS: timeOf(out.epoch - 1),
      endS: timeOf(ret.epoch),
      size: 0.5 * (out.size + ret.size),
    });
  }
  return spikes;
}

function speedSpikes(session: Session, epochs: Int32Array, maxStepS: number): Spike[] {
  const { timeS, speedMps } = session.channels;
  const spikes: Spike[] = [];
  for (let e = 1; e < epochs.length; e++) {
    const a = epochs[e - 1], b = epochs[e];
    const dt = timeS[b] - timeS[a];
    if (dt > maxStepS) continue;
    const dv = Math.abs(speedMps[b] - speedMps[a]);
    if (!(dv > SPEED_SPIKE_ACCEL * dt + SPEED_STEP_NOISE_MPS)) continue;
    const last = spikes[spikes.length - 1];
    if (last && timeS[a] - last.endS <= SPEED_MERGE_S) {
      last.endS = timeS[b];
      last.size = Math.max(last.size, dv);
    } else {
      spikes.push({ kind: "speed", startS: timeS[a], endS: timeS[b], size: dv });
    }
  }
  return spikes;
}
