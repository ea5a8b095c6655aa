import assert from "node:assert/strict";
import type { DiagnosticInput } from "./diagnostics.ts";
import { DataError } from "./errors.ts";
import { buildSession, type RawSession } from "./session_builder.ts";
import { droppedSpeedSamples } from "./session.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";

/** Latitude of raw row `i`: 33° plus `i` 1024ths of a degree (exact in binary, about 109 m apart). */
const latOfRow = (i: number) => 33 + i / 1024;
/** The raw rows a session's latitudes came from. */
const rowsOf = (latDeg: Float64Array) => Array.from(latDeg, (lat) => (lat - 33) * 1024);

function raw(timeS: number[], accuracyM: number[] = timeS.map(() => 1)): RawSession {
  const n = timeS.length;
  return {
    format: "test",
    channels: {
      timeS: Float64Array.from(timeS),
      latDeg: Float64Array.from({ length: n }, (_, i) => latOfRow(i)),
      lonDeg: new Float64Array(n).fill(-86),
      speedMps: Float64Array.from({ length: n }, (_, i) => i),
      accuracyM: Float64Array.from(accuracyM),
    },
    lines: Int32Array.from({ length: n }, (_, i) => 10 + i),
    unixOffsetS: 1000,
    trackNameHint: null,
    lapMarkers: [{ timeS: 100.5, uncertaintyS: 0.1 }],
    metadata: {},
  };
}

function build(input: RawSession) {
  const diagnostics: DiagnosticInput[] = [];
  const session = buildSession(input, {
    file: "t.csv",
    settings: DEFAULT_SETTINGS,
    report: (d) => diagnostics.push(d),
    signal: new AbortController().signal,
  });
  return { session, diagnostics };
}

Deno.test("rows out of time order, without a time or with poor GPS are dropped; time starts at 0", () => {
  // Rows: ok, ok, repeated, backwards, NaN time, poor accuracy, ok, ok.
  const input = raw([100, 100.1, 100.1, 100.05, NaN, 100.2, 100.3, 100.4], [1, 1, 1, 1, 1, 5, 1, 1]);
  const { session, diagnostics } = build(input);
  assert.equal(session.rows, 4);
  assert.deepEqual(Array.from(session.sourceLine), [10, 11, 16, 17]);
  assert.deepEqual(rowsOf(session.channels.latDeg), [0, 1, 6, 7]);
  assert.deepEqual(Array.from(session.channels.speedMps), [0, 1, 6, 7]);
  assert.deepEqual(Array.from(session.channels.timeS).map((t) => Math.round(t * 1e9) / 1e9), [
    0,
    0.1,
    0.3,
    0.4,
  ]);
  assert.equal(session.startUnixS, 1100);
  assert.deepEqual(session.lapMarkers, [{ timeS: 0.5, uncertaintyS: 0.1 }]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [
    ["duplicate_timestamp", 12],
    ["time_backwards", 13],
    ["gps_quality", 15],
  ]);
});

Deno.test("the session's channels are the raw columns, compacted in place", () => {
  const input = raw([0, 1, 1, 2, 3]);
  const { session } = build(input);
  assert.equal(session.rows, 4);
  for (const name of ["timeS", "latDeg", "lonDeg", "speedMps", "accuracyM"]) {
    assert.equal(session.channels[name]!.buffer, input.channels[name]!.buffer, name);
    assert.equal(session.channels[name]!.length, 4);
  }
  assert.equal(session.sourceLine.buffer, input.lines.buffer);
  assert.deepEqual(rowsOf(session.channels.latDeg), [0, 1, 3, 4]);
});

Deno.test("a long pause is reported at the line after it; fewer than two rows left is a DataError", () => {
  const times = Array.from({ length: 20 }, (_, i) => (i < 10 ? i * 0.1 : 5 + i * 0.1));
  const { diagnostics } = build(raw(times));
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [["gps_dropout", 20]]);
  assert.match(diagnostics[0].message, /^5\.10 s without data before this line \(after line 19\)$/);
  assert.throws(() => build(raw([1, NaN, 0])), DataError);
});

Deno.test("a glitched timestamp far ahead is dropped, not the rows after it; a real pause is kept", () => {
  // 0.1 s samples; rows 3 and 6-7 carry timestamps hours ahead (a corrupted clock), then the clock carries on.
  const ticks = [100, 100.1, 100.2, 40100, 100.3, 100.4, 86500, 86500.1, 100.5, 100.6];
  const { session, diagnostics } = build(raw(ticks));
  assert.deepEqual(Array.from(session.sourceLine), [10, 11, 12, 14, 15, 18, 19]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [
    ["time_outlier", 13],
    ["time_outlier", 16],
    ["time_outlier", 17],
  ]);
  assert.match(diagnostics[0].message, /^time jumps 39999\.80 s ahead of line 12 and the next rows carry on/);
  assert.deepEqual(session.droppedSpans, []);
  // A glitched first row has no earlier row to come back to: the rows after it are far behind it.
  const first = build(raw([86500, 100, 100.1, 100.2]));
  assert.deepEqual(Array.from(first.session.sourceLine), [11, 12, 13]);
  assert.deepEqual(first.diagnostics.map((d) => [d.code, d.line]), [["time_outlier", 10]]);
  // A pause after which the clock carries on from the new time is a dropout, every row kept.
  const paused = build(raw([100, 100.1, 100.2, 700, 700.1, 700.2]));
  assert.equal(paused.session.rows, 6);
  assert.deepEqual(paused.diagnostics.map((d) => d.code), ["gps_dropout"]);
});

Deno.test("positions hundreds of kilometres from the rest of the session are dropped, each run reported once", () => {
  const input = raw([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  const { latDeg, lonDeg } = input.channels;
  latDeg[2] = lonDeg[2] = 0; // a logger without a fix
  latDeg[3] = lonDeg[3] = 0;
  latDeg[6] = 3.3; // a digit lost from 33.3
  input.channels.speedMps[3] = 999; // and no speed either: reported once, as a position
  const { session, diagnostics } = build(input);
  assert.deepEqual(rowsOf(session.channels.latDeg), [0, 1, 4, 5, 7]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [["position_outlier", 12], [
    "position_outlier",
    16,
  ]]);
  assert.match(
    diagnostics[0].message,
    /^lines 12–13: position \d{4} km from the rest of the session .*; 2 rows skipped$/,
  );
  assert.match(diagnostics[1].message, /^line 16: position 3\d{3} km .*; row skipped$/);
  assert.deepEqual(
    session.droppedSpans!.map((s) => [s.reason, s.rows, Math.round(s.startS * 10), s.speedSamples]),
    [["implausible", 2, 2, undefined], ["implausible", 1, 6, undefined]],
  );
});

Deno.test("speeds below zero or beyond 540 km/h are dropped with their rows", () => {
  const input = raw([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  input.channels.speedMps[1] = 999.9;
  input.channels.speedMps[4] = -1;
  const { session, diagnostics } = build(input);
  assert.deepEqual(rowsOf(session.channels.latDeg), [0, 2, 3, 5]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line, d.message]), [
    ["speed_outlier", 11, "line 11: speed 3600 km/h, which no car reaches; row skipped"],
    ["speed_outlier", 14, "line 14: speed -4 km/h, which no car reaches; row skipped"],
  ]);
});

Deno.test("of each kind of warning the first 20 are listed with their lines, the rest counted", () => {
  // 10 rows, then 30 whose clock restarts (a second recording appended to the file).
  const ticks = [
    ...Array.from({ length: 10 }, (_, i) => 100 + i / 10),
    ...Array.from({ length: 30 }, (_, i) => i / 10),
  ];
  const { session, diagnostics } = build(raw(ticks));
  assert.equal(session.rows, 10);
  assert.equal(diagnostics.length, 21);
  assert.deepEqual(diagnostics.slice(0, 20).map((d) => d.line), Array.from({ length: 20 }, (_, i) => 20 + i));
  assert.deepEqual([diagnostics[20].code, diagnostics[20].message], [
    "time_backwards",
    "10 more 'time_backwards' problems not listed",
  ]);
});

Deno.test("dropped stretches are listed with their cause, on the session's time axis", () => {
  // 0.1 s samples; rows 3-4 have poor accuracy; a 2 s pause after 100.7.
  const input = raw([100, 100.1, 100.2, 100.3, 100.4, 100.5, 100.6, 100.7, 102.7, 102.8], [
    1,
    1,
    1,
    5,
    6,
    1,
    1,
    1,
    1,
    1,
  ]);
  const { session } = build(input);
  const round = (t: number) => Math.round(t * 1e9) / 1e9;
  const spans = session.droppedSpans!.map(({ speedSamples: _, ...s }) => ({
    ...s,
    startS: round(s.startS),
    endS: round(s.endS),
  }));
  assert.deepEqual(spans, [
    { startS: 0.3, endS: 0.4, rows: 2, reason: "accuracy" },
    { startS: 0.7, endS: 2.7, rows: 0, reason: "dropout" },
  ]);
  // The poor-accuracy rows keep their speed (the test's speed is the row index); a dropout has none.
  const [poor, dropout] = session.droppedSpans!;
  assert.deepEqual([...poor.speedSamples!.timeS].map(round), [0.3, 0.4]);
  assert.deepEqual([...poor.speedSamples!.speedMps], [3, 4]);
  assert.equal(dropout.speedSamples, undefined);
  assert.deepEqual([...droppedSpeedSamples(session).speedMps], [3, 4]);
});
