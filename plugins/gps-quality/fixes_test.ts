import assert from "node:assert/strict";
import { createLocalProjection, DEFAULT_SETTINGS, type Session } from "../../sdk/mod.ts";
import { readFixes } from "./fixes.ts";
import { findBadSpans } from "./spans.ts";

const projection = createLocalProjection(33.53, -86.62);

interface Track {
  timeS: number[];
  x: number[];
  speedMps: number[];
  accuracyM?: number[];
}

/** A car driving east along y = 0 (or `y` north of it); positions and speeds as given. */
function session(track: Track, extra: Partial<Session> = {}, y: number[] = []): Session {
  const n = track.timeS.length;
  y = Array.from({ length: n }, (_, i) => y[i] ?? 0);
  return {
    file: "synthetic",
    format: "test",
    rows: n,
    channels: {
      timeS: Float64Array.from(track.timeS),
      latDeg: Float64Array.from(y, (v) => projection.toLatDeg(v)),
      lonDeg: Float64Array.from(track.x, (v) => projection.toLonDeg(v)),
      speedMps: Float64Array.from(track.speedMps),
      ...(track.accuracyM ? { accuracyM: Float64Array.from(track.accuracyM) } : {}),
    },
    sourceLine: new Int32Array(n),
    startUnixS: null,
    trackNameHint: null,
    lapMarkers: [],
    metadata: {},
    ...extra,
  };
}

/** 60 s at 25 m/s, 10 Hz, with a small deterministic wobble. */
function steady(): Track {
  const timeS = [], x = [], speedMps = [];
  for (let i = 0; i <= 600; i++) {
    timeS.push(i / 10);
    x.push(2.5 * i + 0.05 * Math.sin(i * 1.7));
    speedMps.push(25 + 0.05 * Math.cos(i * 2.3));
  }
  return { timeS, x, speedMps };
}

Deno.test("a clean steady drive has no spikes and no gaps", () => {
  const fixes = readFixes(session(steady()));
  assert.equal(fixes.spikes.length, 0);
  assert.equal(fixes.gaps.length, 0);
  assert.ok(Math.abs(fixes.periodS - 0.1) < 1e-9);
  assert.ok(Math.abs(fixes.distanceKm - 1.5) < 0.01);
});

Deno.test("a one-sample position glitch and a speed glitch are one spike each, at their time", () => {
  const t = steady();
  // One fix 4 m ahead of the path of its neighbours; one speed 9 m/s too high.
  t.x[200] += 4;
  t.speedMps[400] += 9;
  const fixes = readFixes(session(t));
  assert.deepEqual(
    fixes.spikes.map((s) => [s.kind, Math.round(s.startS * 10) / 10, Math.round(s.endS * 10) / 10]),
    [["displaced", 19.9, 20.1], ["speed", 39.9, 40.1]],
  );
  assert.ok(Math.abs(fixes.spikes[0].size - 4) < 0.3);
});

Deno.test("a stretch shifted 2.5 m sideways for 2 s is one displaced span; a lasting shift is a jump", () => {
  const shifted = steady();
  const lateral = new Array(shifted.timeS.length).fill(0);
  for (let i = 300; i < 320; i++) lateral[i] = 2.5;
  const fixes = readFixes(session(shifted, {}, lateral));
  assert.deepEqual(fixes.spikes.map((s) => [s.kind, s.startS, s.endS]), [["displaced", 29.9, 32]]);
  assert.ok(Math.abs(fixes.spikes[0].size - 2.5) < 0.3);

  const lasting = new Array(shifted.timeS.length).fill(0).map((_, i) => (i >= 300 ? 2.5 : 0));
  const moved = readFixes(session(steady(), {}, lasting));
  assert.deepEqual(moved.spikes.map((s) => [s.kind, s.startS, s.endS]), [["jump", 29.9, 30]]);
});

Deno.test("rows that repeat the last position (IMU-only rows) are not fixes and raise no spike", () => {
  const t = steady();
  const timeS = [], x = [], speedMps = [];
  for (let i = 0; i < t.timeS.length; i++) {
    timeS.push(t.timeS[i], t.timeS[i] + 0.05);
    x.push(t.x[i], t.x[i]);
    speedMps.push(t.speedMps[i], t.speedMps[i]);
  }
  const fixes = readFixes(session({ timeS, x, speedMps }));
  assert.equal(fixes.epochs.length, t.timeS.length);
  assert.equal(fixes.spikes.length, 0);
});

Deno.test("a 2 s gap while driving is a gap; a pause at standstill is not", () => {
  const t = steady();
  const drop = (from: number, to: number) => {
    t.timeS.splice(from, to - from);
    t.x.splice(from, to - from);
    t.speedMps.splice(from, to - from);
  };
  drop(301, 320); // 1.9 s without rows at 25 m/s → 2.0 s between fixes
  const fixes = readFixes(session(t));
  assert.deepEqual(fixes.gaps, [{ fromS: 30, toS: 32 }]);
  assert.ok(Math.abs(fixes.gapSeconds - 1.9) < 1e-9);

  const parked = steady();
  for (let i = 100; i < 200; i++) parked.speedMps[i] = 0;
  for (let i = 100; i < 200; i++) parked.x[i] = parked.x[100];
  parked.timeS.splice(120, 60);
  parked.x.splice(120, 60);
  parked.speedMps.splice(120, 60);
  assert.equal(readFixes(session(parked)).gaps.length, 0);
});

Deno.test("bad spans merge the builder's dropped rows with the gap they leave, keeping both reasons", () => {
  const t = steady();
  t.timeS.splice(301, 19);
  t.x.splice(301, 19);
  t.speedMps.splice(301, 19);
  t.accuracyM = t.timeS.map((time) => (time >= 45 && time < 47 ? 1.7 : 0.6));
  const s = session(t, { droppedSpans: [{ startS: 30.1, endS: 31.9, rows: 19, reason: "satellites" }] });
  const spans = findBadSpans(s, readFixes(s), DEFAULT_SETTINGS.gps);
  assert.equal(spans.length, 2);
  assert.deepEqual([spans[0].startS, spans[0].endS], [30, 32]);
  assert.match(spans[0].reason, /fewer than 6 satellites: 19 samples not used/);
  assert.match(spans[0].reason, /no usable position for 2\.0 s/);
  assert.ok(Math.abs(spans[1].startS - 45) < 1e-9 && Math.abs(spans[1].endS - 46.9) < 1e-9);
  assert.match(spans[1].reason, /accuracy up to 1\.7 m/);
});
