import assert from "node:assert/strict";
import type { Segment } from "./gains.ts";
import { lapSegments } from "./segments.ts";
import { syntheticCorner } from "./testing/mod.ts";

const summary = (segments: Segment[]) => segments.map((s) => `${s.id}:${s.startM}-${s.endM}:${s.corner}`);

/** Segments tile 0..length in order with no gap and no overlap. */
function assertTiles(segments: Segment[], lengthM: number) {
  assert.equal(segments[0].startM, 0);
  assert.equal(segments.at(-1)!.endM, lengthM);
  for (let k = 1; k < segments.length; k++) assert.equal(segments[k].startM, segments[k - 1].endM);
  for (const s of segments) assert.ok(s.endM > s.startM, `${s.id} has a length`);
  assert.equal(new Set(segments.map((s) => s.id)).size, segments.length, "ids are unique");
}

Deno.test("corners and straights alternate from line to line, straights named by their corners", () => {
  const segments = lapSegments([syntheticCorner(2, 500, 550, 600), syntheticCorner(1, 100, 150, 200)], 1000);
  assert.deepEqual(summary(segments), [
    "S0-1:0-100:1",
    "T1:100-200:1",
    "S1-2:200-500:2",
    "T2:500-600:2",
    "S2-fin:600-1000:null",
  ]);
  assertTiles(segments, 1000);
});

Deno.test("no corner: one straight; touching corners: no empty straight between them", () => {
  assert.deepEqual(summary(lapSegments([], 800)), ["S0-fin:0-800:null"]);
  const segments = lapSegments(
    [syntheticCorner(1, 0, 50, 100), syntheticCorner(2, 100, 150, 300), syntheticCorner(3, 250, 400, 800)],
    800,
  );
  assert.deepEqual(summary(segments), ["T1:0-100:1", "T2:100-300:2", "T3:300-800:3"]);
  assertTiles(segments, 800);
});

Deno.test("a corner whose entry lies before the line is cut at the line, negative or wrapped", () => {
  const expected = [
    "T1:0-60:1",
    "S1-2:60-500:2",
    "T2:500-600:2",
    "S2-1:600-950:1",
    "T1-entry:950-1000:1",
  ];
  const negative = lapSegments([syntheticCorner(1, -50, 20, 60), syntheticCorner(2, 500, 550, 600)], 1000);
  assert.deepEqual(summary(negative), expected);
  const wrapped = lapSegments([syntheticCorner(1, 950, 20, 60), syntheticCorner(2, 500, 550, 600)], 1000);
  assert.deepEqual(summary(wrapped), expected);
  assertTiles(wrapped, 1000);
});

Deno.test("a corner whose exit lies after the line keeps its label before the line", () => {
  const segments = lapSegments([syntheticCorner(1, 200, 250, 300), syntheticCorner(2, 900, 980, 30)], 1000);
  assert.deepEqual(summary(segments), [
    "T2-exit:0-30:2",
    "S2-1:30-200:1",
    "T1:200-300:1",
    "S1-2:300-900:2",
    "T2:900-1000:2",
  ]);
  assertTiles(segments, 1000);
});

Deno.test("corner inputs are not mutated", () => {
  const corners = [syntheticCorner(1, -50, 20, 60)];
  const before = structuredClone(corners);
  lapSegments(corners, 1000);
  assert.deepEqual(corners, before);
});
