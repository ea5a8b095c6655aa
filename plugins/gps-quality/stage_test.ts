import assert from "node:assert/strict";
import type { Session } from "../../sdk/mod.ts";
import { stageContext } from "../../sdk/testing/mod.ts";
import { gpsQualityStage } from "./stage.ts";

/** A session of `rows` samples at 10 Hz, parked. */
function parked(rows: number): Session {
  return {
    file: "tiny",
    format: "test",
    rows,
    channels: {
      timeS: Float64Array.from({ length: rows }, (_, i) => i / 10),
      latDeg: new Float64Array(rows).fill(33.5),
      lonDeg: new Float64Array(rows).fill(-86.6),
      speedMps: new Float64Array(rows),
    },
    sourceLine: new Int32Array(rows),
    startUnixS: null,
    trackNameHint: null,
    lapMarkers: [],
    metadata: {},
  };
}

Deno.test("a session without laps or channels still gets a score, a grade and a note", async () => {
  for (const rows of [2, 50]) {
    const ctx = stageContext("gps-quality", "gps-quality");
    const before = structuredClone(parked(rows));
    const session = parked(rows);
    const { gpsQuality } = await gpsQualityStage.run(ctx, { session, laps: [], distanceLaps: [] });
    assert.ok(gpsQuality.score >= 0 && gpsQuality.score <= 100);
    assert.deepEqual(gpsQuality.badSpans, []);
    assert.equal(gpsQuality.metrics.find((m) => m.id === "line-scatter-p90")!.value, null);
    assert.ok(ctx.diagnostics.some((d) => d.code === "gps_scatter_unmeasured"));
    assert.deepEqual(session, before, "the input is not mutated");
  }
});
