import assert from "node:assert/strict";
import type { DiagnosticInput, Session } from "../../sdk/mod.ts";
import { buildLaps } from "./build_laps.ts";

/** A session sampled at 10 Hz whose speed is given per time. */
function sessionWithSpeed(durationS: number, speedAt: (t: number) => number): Session {
  const n = Math.round(durationS * 10) + 1;
  const timeS = Float64Array.from({ length: n }, (_, i) => i / 10);
  const speedMps = timeS.map(speedAt);
  return {
    file: "synthetic",
    format: "test",
    rows: n,
    channels: { timeS, speedMps, latDeg: new Float64Array(n), lonDeg: new Float64Array(n) },
    sourceLine: Int32Array.from({ length: n }, (_, i) => i + 1),
    startUnixS: null,
    trackNameHint: null,
    lapMarkers: [],
    metadata: {},
  };
}

Deno.test("laps are numbered by crossing, labelled out/flying/in, and times come from the crossings", () => {
  // Pit exit from rest, laps of 100 s at 30 m/s (3000 m), the last lap stops in the pits.
  const session = sessionWithSpeed(
    520,
    (t) => (t < 5 ? 6 * t : t > 500 ? Math.max(0, 30 - 3 * (t - 500)) : 30),
  );
  const laps = buildLaps(session, [20.03, 120.01, 220.02, 320.0, 420.05], () => {});
  assert.deepEqual(laps.map((l) => [l.number, l.kind, l.complete]), [
    [1, "out", true],
    [2, "flying", true],
    [3, "flying", true],
    [4, "flying", true],
    [5, "in", false],
  ]);
  assert.ok(Math.abs(laps[1].timeS! - 100.01) < 1e-9);
  assert.ok(Math.abs(laps[1].distanceM - 3000.3) < 0.01);
  assert.deepEqual(laps.map((l) => l.included), [false, true, true, true, false]);
  assert.equal(laps[0].excludedReason, "out-lap");
});

Deno.test("after a stop in the pits the next lap is an out-lap; after a spin mid-lap it is flying", () => {
  // Laps of 100 s at 30 m/s (3000 m), crossings every 100 s from 0.05 s. Lap 2 stops 10 s
  // (300 m) before its end, in the pit lane; lap 4 stops 50 s (1500 m) before its end, on track.
  const stops = [[190, 192], [350, 352]];
  const session = sessionWithSpeed(600, (t) => (stops.some(([a, b]) => t >= a && t < b) ? 0 : 30));
  const laps = buildLaps(session, [0.05, 100.05, 200.05, 300.05, 400.05, 500.05], () => {});
  assert.deepEqual(laps.map((l) => [l.number, l.kind]), [
    [1, "flying"],
    [2, "in"],
    [3, "out"],
    [4, "in"],
    [5, "flying"],
    [6, "in"],
  ]);
});

Deno.test("a short lap is dropped, a cut lap and a very slow lap are kept but not counted", () => {
  const notes: DiagnosticInput[] = [];
  // 30 m/s throughout; crossings make laps of 100, 100, 40 (spurious), 95 (cut) and 160 s (slow).
  const session = sessionWithSpeed(600, () => 30);
  const laps = buildLaps(
    session,
    [0.05, 100.05, 200.05, 240.05, 335.05, 495.05, 595.05],
    (d) => notes.push(d),
  );
  assert.deepEqual(laps.map((l) => l.number), [1, 2, 4, 5, 6, 7]);
  assert.ok(notes.some((d) => d.code === "short_lap_dropped" && /lap 3 dropped/.test(d.message)));
  const byNumber = new Map(laps.map((l) => [l.number, l]));
  assert.equal(byNumber.get(4)!.included, false);
  assert.match(byNumber.get(4)!.excludedReason!, /shorter than the typical lap/);
  assert.equal(byNumber.get(5)!.included, false);
  assert.match(byNumber.get(5)!.excludedReason!, /slower than 1\.5 × the median/);
});

Deno.test("a lap the driver tagged traffic, off-line, experimental or cold-tires is kept but not counted", () => {
  const session = sessionWithSpeed(
    520,
    (t) => (t < 5 ? 6 * t : t > 500 ? Math.max(0, 30 - 3 * (t - 500)) : 30),
  );
  const crossings = [20.03, 120.01, 220.02, 320.0, 420.05];
  const laps = buildLaps(session, crossings, () => {}, {
    "2": ["Traffic", "rain"],
    "3": ["rain", "new pads"],
    "4": ["cold-tires", "off-line"],
    "1": ["experimental"],
  });
  assert.deepEqual(laps.map((l) => [l.number, l.included, l.excludedReason]), [
    [1, false, "out-lap"],
    [2, false, "you tagged it Traffic"],
    [3, true, null],
    [4, false, "you tagged it cold-tires, off-line"],
    [5, false, "did not reach the line"],
  ]);
  const untagged = buildLaps(session, crossings, () => {});
  assert.deepEqual(
    laps.map((l) => [l.timeS, l.distanceM, l.kind]),
    untagged.map((l) => [l.timeS, l.distanceM, l.kind]),
    "tags change only which laps count",
  );
});
