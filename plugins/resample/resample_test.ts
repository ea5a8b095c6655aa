import assert from "node:assert/strict";
import { GRID_STEP_M, type Lap, type Session } from "../../sdk/mod.ts";
import { resampleLap } from "./resample.ts";

function session(n: number, speedMps: number, headingAt: (i: number) => number): Session {
  const timeS = Float64Array.from({ length: n }, (_, i) => i * 0.1);
  return {
    file: "synthetic",
    format: "test",
    rows: n,
    channels: {
      timeS,
      speedMps: new Float64Array(n).fill(speedMps),
      latDeg: new Float64Array(n),
      lonDeg: new Float64Array(n),
      headingDeg: Float64Array.from({ length: n }, (_, i) => headingAt(i)),
      altitudeM: Float64Array.from(timeS, (t) => 100 + t),
    },
    sourceLine: new Int32Array(n),
    startUnixS: null,
    trackNameHint: null,
    lapMarkers: [],
    metadata: {},
  };
}

const lap = (start: number, end: number, startRow: number, endRow: number): Lap => ({
  number: 1,
  kind: "flying",
  startTimeS: start,
  endTimeS: end,
  timeS: end - start,
  distanceM: 0,
  complete: true,
  included: true,
  excludedReason: null,
  startRow,
  endRow,
});

Deno.test("the grid starts at the interpolated crossing and elapsed time grows as distance / speed", () => {
  // 20 m/s, lap from t = 1.05 s to t = 8.05 s: 140 m.
  const grid = resampleLap(session(100, 20, () => 90), lap(1.05, 8.05, 11, 81));
  assert.equal(grid.stepM, GRID_STEP_M);
  assert.equal(grid.points, Math.floor(140 / GRID_STEP_M + 1e-9) + 1);
  for (const i of [0, 1, 57, grid.points - 1]) {
    assert.ok(Math.abs(grid.channels.timeS[i] - (i * GRID_STEP_M) / 20) < 1e-9, `time at point ${i}`);
    assert.ok(Math.abs(grid.channels.altitudeM[i] - (101.05 + (i * GRID_STEP_M) / 20)) < 1e-9);
  }
});

Deno.test("heading is interpolated the short way round through north", () => {
  // Heading turns 350° → 10° in 2° steps; halfway between 358 and 0 must be 359, not 179.
  const grid = resampleLap(session(30, 7, (i) => (350 + 2 * i) % 360), lap(0, 2.5, 1, 26));
  for (const h of grid.channels.headingDeg) {
    assert.ok(h >= 0 && h < 360);
    assert.ok(h >= 349.9 || h <= 40, `heading ${h} should stay near north`);
  }
});

Deno.test("channels computed on first read are listed, stable and behave as plain properties", () => {
  const grid = resampleLap(session(100, 20, () => 90), lap(1.05, 8.05, 11, 81));
  assert.deepEqual(Object.keys(grid.channels), [
    "timeS",
    "speedMps",
    "latDeg",
    "lonDeg",
    "headingDeg",
    "altitudeM",
  ]);
  const altitude = grid.channels.altitudeM;
  assert.equal(grid.channels.altitudeM, altitude, "the same array on every read");
  // A copy sees the values (the stored-artifact encoder and structuredClone read every property).
  const copy = structuredClone(grid.channels);
  assert.deepEqual(copy.headingDeg, grid.channels.headingDeg);
  assert.equal(copy.headingDeg.length, grid.points);
  const replacement = new Float64Array(grid.points);
  grid.channels.latDeg = replacement;
  assert.equal(grid.channels.latDeg, replacement);
});

Deno.test("rows dropped for poor GPS still give distance and speed through their Doppler speed", () => {
  // 20 m/s, then braking at 5 m/s² from t = 2 s; the rows from 1.6 s to 3.4 s fail the GPS filter.
  // Heading turns steadily through north (at 2 s) inside that stretch.
  const full = session(100, 0, (i) => (350 + 0.5 * i) % 360);
  full.channels.speedMps = full.channels.timeS.map((t) => Math.max(5, 20 - 5 * Math.max(0, t - 2)));
  const kept = (t: number) => t < 1.55 || t > 3.45;
  const rows = [...full.channels.timeS.keys()].filter((i) => kept(full.channels.timeS[i]));
  const dropped = [...full.channels.timeS.keys()].filter((i) => !kept(full.channels.timeS[i]));
  const pick = (column: Float64Array, at: number[]) => Float64Array.from(at, (i) => column[i]);
  const channels = Object.fromEntries(
    Object.entries(full.channels).map(([name, column]) => [name, pick(column!, rows)]),
  ) as Session["channels"];
  const filtered: Session = {
    ...full,
    rows: rows.length,
    channels,
    droppedSpans: [{
      startS: 1.6,
      endS: 3.4,
      rows: dropped.length,
      reason: "satellites",
      speedSamples: {
        timeS: pick(full.channels.timeS, dropped),
        speedMps: pick(full.channels.speedMps, dropped),
      },
    }],
  };
  // The lap: t = 0.05 s to 9.05 s; rows 1..90 of the full session, and the kept rows in that time.
  const reference = resampleLap(full, lap(0.05, 9.05, 1, 91));
  const firstKept = rows.findIndex((i) => i >= 1), lastKept = rows.findIndex((i) => i >= 91);
  const measured = resampleLap(filtered, lap(0.05, 9.05, firstKept, lastKept));
  assert.equal(measured.points, reference.points);
  for (let i = 0; i < reference.points; i++) {
    assert.ok(
      Math.abs(measured.channels.speedMps[i] - reference.channels.speedMps[i]) < 1e-9,
      `speed at ${i}`,
    );
    assert.ok(Math.abs(measured.channels.timeS[i] - reference.channels.timeS[i]) < 1e-9, `time at ${i}`);
    assert.ok(Math.abs(measured.channels.altitudeM[i] - reference.channels.altitudeM[i]) < 1e-9);
    const turn = Math.abs(measured.channels.headingDeg[i] - reference.channels.headingDeg[i]) % 360;
    assert.ok(Math.min(turn, 360 - turn) < 1e-6, `heading at ${i}: ${measured.channels.headingDeg[i]}`);
  }
  // A straight bridge over the same rows cuts the distance short.
  const bridged = resampleLap({ ...filtered, droppedSpans: [] }, lap(0.05, 9.05, firstKept, lastKept));
  assert.ok(bridged.points < reference.points - 1, `${bridged.points} vs ${reference.points} points`);
});
