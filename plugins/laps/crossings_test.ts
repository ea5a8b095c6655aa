import assert from "node:assert/strict";
import type { DiagnosticInput } from "../../sdk/mod.ts";
import { refineWithMarkers } from "./crossings.ts";

Deno.test("a logger marker narrows a gate crossing to the marker's interval", () => {
  const out = refineWithMarkers([10.05, 110.0], [{ timeS: 10.0, uncertaintyS: 0.02 }, {
    timeS: 110.01,
    uncertaintyS: 0.02,
  }], () => {});
  assert.deepEqual(out.map((t) => Number(t.toFixed(3))), [10.02, 110.0]);
});

Deno.test("a marker the GPS trace missed is added and reported; a lone gate crossing is kept", () => {
  const notes: DiagnosticInput[] = [];
  const out = refineWithMarkers([10, 210], [{ timeS: 110, uncertaintyS: 0 }], (d) => notes.push(d));
  assert.deepEqual(out, [10, 110, 210]);
  assert.equal(notes.length, 1);
  assert.equal(notes[0].code, "marker_only_crossing");
});

Deno.test("without gate crossings the markers are the crossings", () => {
  assert.deepEqual(
    refineWithMarkers([], [{ timeS: 5, uncertaintyS: 0.02 }, { timeS: 95, uncertaintyS: 0.02 }], () => {}),
    [
      5,
      95,
    ],
  );
});

Deno.test("markers of another line than the circuit's are the crossings, and that is reported", () => {
  const notes: DiagnosticInput[] = [];
  const markers = [{ timeS: 30, uncertaintyS: 0.02 }, { timeS: 130, uncertaintyS: 0.02 }];
  assert.deepEqual(refineWithMarkers([10, 110, 210], markers, (d) => notes.push(d)), [30, 130]);
  assert.deepEqual(notes.map((n) => n.code), ["markers_elsewhere"]);
});
