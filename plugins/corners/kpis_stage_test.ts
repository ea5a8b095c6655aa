import assert from "node:assert/strict";
import type { Corner, Session } from "../../sdk/mod.ts";
import { stageContext } from "../../sdk/testing/mod.ts";
import { drivenLaps } from "./_test_profile.ts";
import { cornerKpisStage } from "./kpis_stage.ts";

/** 40 m/s, down to 20 m/s at 500 m of every 1000 m lap. */
const speedAt = (m: number) => 40 - 20 * Math.max(0, 1 - Math.abs((m % 1000) - 500) / 150);
const corner: Corner = {
  number: 1,
  label: "C1",
  name: null,
  officialNumbers: [],
  direction: "left",
  entryM: 450,
  apexM: 500,
  exitM: 550,
  geometricApexM: 500,
  peakCurvature: 0.02,
  braking: true,
};

/** A session logged at 25 Hz over `durationS`, without the samples in `gap` (s). */
function session(durationS: number, gap?: [number, number]): Session {
  const times = Array.from({ length: Math.floor(durationS * 25) + 1 }, (_, i) => i / 25)
    .filter((t) => !gap || t < gap[0] || t > gap[1]);
  return {
    file: "test",
    format: "test",
    rows: times.length,
    channels: {
      timeS: Float64Array.from(times),
      latDeg: new Float64Array(times.length),
      lonDeg: new Float64Array(times.length),
      speedMps: new Float64Array(times.length),
    },
    sourceLine: new Int32Array(times.length),
    startUnixS: null,
    trackNameHint: null,
    lapMarkers: [],
    metadata: {},
  };
}

Deno.test("every complete lap gets every corner's KPIs; an unfinished lap none", async () => {
  const { gridded, timeAtM } = drivenLaps(speedAt, 1000, 3);
  const laps = gridded.laps.map((lap, i) => (i === 2 ? { ...lap, complete: false, timeS: null } : lap));
  const ctx = stageContext("corners", "corner-kpis");
  const { kpis } = await cornerKpisStage.run(ctx, {
    corners: [corner],
    laps,
    distanceLaps: gridded.grids,
    session: session(timeAtM(3000)),
  });
  assert.deepEqual(kpis.map((k) => [k.lap, k.corners.length]), [[1, 1], [2, 1]]);
  assert.ok(Math.abs(kpis[0].corners[0].minSpeedMps - 20) < 0.2);
  assert.deepEqual(ctx.diagnostics, []);
});

Deno.test("a GPS gap over a braking zone leaves it unmeasured and says so", async () => {
  const { gridded, timeAtM } = drivenLaps(speedAt, 1000, 2);
  const ctx = stageContext("corners", "corner-kpis");
  // No samples for a second around 350 m of lap 2, where the braking for the corner starts.
  const gapS = timeAtM(1350);
  const { kpis } = await cornerKpisStage.run(ctx, {
    corners: [corner],
    laps: gridded.laps,
    distanceLaps: gridded.grids,
    session: session(timeAtM(2000), [gapS - 0.5, gapS + 0.5]),
  });
  assert.equal(kpis[0].corners[0].unmeasured, undefined);
  assert.deepEqual(kpis[1].corners[0].unmeasured, ["brake-point"]);
  assert.equal(kpis[1].corners[0].brakePointM, null);
  assert.equal(ctx.diagnostics.length, 1);
  assert.match(ctx.diagnostics[0].message, /lap 2 C1 \(brake-point\)/);
});

Deno.test("no corners or no laps: empty KPIs, no failure", async () => {
  const { gridded, timeAtM } = drivenLaps(speedAt, 1000, 2);
  const ctx = stageContext("corners", "corner-kpis");
  const inputs = {
    corners: [],
    laps: gridded.laps,
    distanceLaps: gridded.grids,
    session: session(timeAtM(2000)),
  };
  assert.deepEqual((await cornerKpisStage.run(ctx, inputs)).kpis, [{ lap: 1, corners: [] }, {
    lap: 2,
    corners: [],
  }]);
  const none = { corners: [corner], laps: [], distanceLaps: [], session: session(1) };
  assert.deepEqual((await cornerKpisStage.run(ctx, none)).kpis, []);
});
