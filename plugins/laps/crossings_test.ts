import assert from "node:assert/strict";
import type { DiagnosticInput } from "../../sdk/mod.ts";
import { refineWithMarkers } from "./crossings.ts";

/** Distance driven at a time: a car at a steady 36 m/s (a 100 s lap of 3600 m) from a session start at 0 s. */
const steady = (timeS: number) => 36 * Math.max(0, timeS);

Deno.test("a logger marker narrows a gate crossing to the marker's interval", () => {
  const out = refineWithMarkers(
    [10.05, 110.0],
    [{ timeS: 10.0, uncertaintyS: 0.02 }, {
      timeS: 110.01,
      uncertaintyS: 0.02,
    }],
    () => {},
    steady,
  );
  assert.deepEqual(out.map((t) => Number(t.toFixed(3))), [10.02, 110.0]);
});

Deno.test("a marker the GPS trace missed is added and reported; a lone gate crossing is kept", () => {
  const notes: DiagnosticInput[] = [];
  const out = refineWithMarkers([10, 210], [{ timeS: 110, uncertaintyS: 0 }], (d) => notes.push(d), steady);
  assert.deepEqual(out, [10, 110, 210]);
  assert.equal(notes.length, 1);
  assert.equal(notes[0].code, "marker_only_crossing");
});

Deno.test("without gate crossings the markers are the crossings", () => {
  assert.deepEqual(
    refineWithMarkers(
      [],
      [{ timeS: 5, uncertaintyS: 0.02 }, { timeS: 95, uncertaintyS: 0.02 }],
      () => {},
      steady,
    ),
    [
      5,
      95,
    ],
  );
});

Deno.test("markers of another line than the circuit's are the crossings, and that is reported", () => {
  const notes: DiagnosticInput[] = [];
  const markers = [{ timeS: 30, uncertaintyS: 0.02 }, { timeS: 130, uncertaintyS: 0.02 }];
  assert.deepEqual(refineWithMarkers([10, 110, 210], markers, (d) => notes.push(d), steady), [30, 130]);
  assert.deepEqual(notes.map((n) => n.code), ["markers_elsewhere"]);
});

Deno.test("a marker the trace missed is added only where it splits a lap into two plausible ones", () => {
  const notes: DiagnosticInput[] = [];
  // Laps of about 100 s; the trace missed the crossing at 210 s; a counter flicker at 340 s.
  const markers = [10, 210, 340].map((timeS) => ({ timeS, uncertaintyS: 0 }));
  assert.deepEqual(refineWithMarkers([10, 110, 310, 410], markers, (d) => notes.push(d), steady), [
    10,
    110,
    210,
    310,
    410,
  ]);
  assert.deepEqual(notes.map((n) => n.code), ["marker_only_crossing", "marker_splits_lap"]);
  assert.match(
    notes[1].message,
    /marker at 340\.00 s is ignored: .* a lap of 1080 m where laps are about 3600 m/,
  );
});

Deno.test("markers that are the crossings are at least 10 s apart (a flickering lap counter)", () => {
  const notes: DiagnosticInput[] = [];
  const markers = [5, 7, 95, 95.2, 185].map((timeS) => ({ timeS, uncertaintyS: 0.02 }));
  assert.deepEqual(refineWithMarkers([], markers, (d) => notes.push(d), steady), [5, 95, 185]);
  assert.deepEqual(notes.map((n) => n.code), ["marker_too_close", "marker_too_close"]);
});

Deno.test("a logger with far more markers than crossings of the line has its markers ignored", () => {
  const notes: DiagnosticInput[] = [];
  const markers = Array.from({ length: 100 }, (_, i) => ({ timeS: i * 2.1, uncertaintyS: 0 }));
  assert.deepEqual(refineWithMarkers([10.05, 110.05, 210.05], markers, (d) => notes.push(d), steady), [
    10.05,
    110.05,
    210.05,
  ]);
  assert.deepEqual(notes.map((n) => n.code), ["markers_ignored"]);
});

Deno.test("a marker before the first crossing the trace saw counts when the lap after it is whole (a log started on the line)", () => {
  const notes: DiagnosticInput[] = [];
  const crossings = [100, 200, 300, 400];
  const markers = [0, ...crossings].map((timeS) => ({ timeS, uncertaintyS: 0.0005 }));
  assert.deepEqual(refineWithMarkers(crossings, markers, (d) => notes.push(d), steady), [0, ...crossings]);
  assert.deepEqual(notes.map((n) => n.code), ["marker_only_crossing"]);
});
