import assert from "node:assert/strict";
import type { Lap, Session } from "../../sdk/mod.ts";
import { stageContext } from "../../sdk/testing/mod.ts";
import { resampleStage } from "./stage.ts";

/** 100 rows at 10 Hz and 20 m/s. */
function steady(): Session {
  const n = 100;
  return {
    file: "synthetic",
    format: "test",
    rows: n,
    channels: {
      timeS: Float64Array.from({ length: n }, (_, i) => i * 0.1),
      speedMps: new Float64Array(n).fill(20),
      latDeg: new Float64Array(n),
      lonDeg: new Float64Array(n),
    },
    sourceLine: new Int32Array(n),
    startUnixS: null,
    trackNameHint: null,
    lapMarkers: [],
    metadata: {},
  };
}

const lap = (number: number, distanceM: number): Lap => ({
  number,
  kind: "flying",
  startTimeS: 1,
  endTimeS: 8,
  timeS: 7,
  distanceM,
  complete: true,
  included: true,
  excludedReason: null,
  startRow: 10,
  endRow: 80,
});

Deno.test("a lap longer than any circuit (a glitched log) is not put on the grid, and that is reported", async () => {
  const ctx = stageContext("resample", "resample");
  const { distanceLaps } = await resampleStage.run(ctx, {
    session: steady(),
    laps: [lap(1, 140), lap(2, 150_000)],
  });
  assert.deepEqual(distanceLaps.map((d) => d.number), [1]);
  assert.deepEqual(ctx.diagnostics.map((d) => [d.code, d.message]), [
    ["lap_too_long", "lap 2 is 150 km long, which no circuit is: it is not put on the distance grid"],
  ]);
});
