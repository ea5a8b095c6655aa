import assert from "node:assert/strict";
import { commonStations, pointwiseMedian, valuesAtStations } from "./lap_alignment.ts";
import { type DistanceLap, GRID_STEP_M } from "./laps.ts";

/** A lap of `lengthM` whose `markM` channel holds the fraction of the lap covered. */
function lapOfLength(lengthM: number): DistanceLap {
  const points = Math.round(lengthM / GRID_STEP_M) + 1;
  const fraction = Float64Array.from({ length: points }, (_, i) => i / (points - 1));
  return {
    number: 1,
    points,
    stepM: GRID_STEP_M,
    channels: { timeS: fraction, speedMps: fraction, fraction },
  };
}

Deno.test("complete laps of slightly different lengths line up end to end", () => {
  const laps = [lapOfLength(1000.3), lapOfLength(1003.1), lapOfLength(997.5)];
  const stations = commonStations(laps, 2.1)!;
  assert.ok(Math.abs(stations.lengthM - 1000.3) < 0.7);
  for (const lap of laps) {
    const f = valuesAtStations(lap, lap.channels.fraction, stations);
    // Station k is the same fraction of every lap, whatever the lap's own length.
    for (const k of [0, 100, stations.count - 1]) {
      assert.ok(Math.abs(f[k] - (k * 2.1) / stations.lengthM) < 1e-3, `station ${k}`);
    }
  }
});

Deno.test("an unfinished lap is compared metre for metre and ends in NaN", () => {
  const full = [lapOfLength(1000), lapOfLength(1000), lapOfLength(1000)];
  const stations = commonStations(full, 7)!;
  const half = lapOfLength(500);
  const f = valuesAtStations(half, half.channels.fraction, stations);
  assert.ok(Math.abs(f[50] - 350 / ((half.points - 1) * GRID_STEP_M)) < 1e-9);
  assert.ok(Number.isNaN(f[stations.count - 1]));
});

Deno.test("the point-wise median ignores NaN and one wild value", () => {
  const m = pointwiseMedian([
    Float64Array.of(1, NaN, 5),
    Float64Array.of(2, NaN, 500),
    Float64Array.of(3, 4, 6),
  ], 3);
  assert.deepEqual([...m], [2, 4, 6]);
});
