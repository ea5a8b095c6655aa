import assert from "node:assert/strict";
import type { TrackMatch } from "../../sdk/mod.ts";
import { stageContext } from "../../sdk/testing/mod.ts";
import { drivenLaps, TEST_PROJECTION } from "./_test_profile.ts";
import { detectCornersStage } from "./detect_stage.ts";

/** A 1000 m oval driven anticlockwise: 300 m straights and half circles of 200 m, from the middle of the south straight. */
const RADIUS_M = 200 / Math.PI;
function ovalAt(m: number): [number, number] {
  const d = ((m % 1000) + 1000) % 1000;
  if (d < 150) return [d, 0];
  if (d < 350) {
    return [
      150 + RADIUS_M * Math.sin((d - 150) / RADIUS_M),
      RADIUS_M - RADIUS_M * Math.cos((d - 150) / RADIUS_M),
    ];
  }
  if (d < 650) return [150 - (d - 350), 2 * RADIUS_M];
  if (d < 850) {
    const a = (d - 650) / RADIUS_M;
    return [-150 - RADIUS_M * Math.sin(a), RADIUS_M + RADIUS_M * Math.cos(a)];
  }
  return [-150 + (d - 850), 0];
}
/** 40 m/s on the straights, down to 20 m/s in the middle of each bend (at 250 m and 750 m). */
const speedAt = (m: number) => {
  const d = m % 1000;
  return 40 - 20 * Math.max(0, 1 - Math.abs(d - 250) / 150) - 20 * Math.max(0, 1 - Math.abs(d - 750) / 150);
};
Deno.test("an oval's two bends are found and, on an unknown circuit, labelled C1 and C2", async () => {
  const { gridded } = drivenLaps(speedAt, 1000, 3, ovalAt);
  const ctx = stageContext("corners", "detect-corners");
  const { corners } = await detectCornersStage.run(ctx, {
    track: null,
    laps: gridded.laps,
    distanceLaps: gridded.grids,
  });
  assert.deepEqual(corners.map((c) => [c.label, c.direction, Math.round(c.apexM / 10) * 10]), [
    ["C1", "left", 250],
    ["C2", "left", 750],
  ]);
  assert.deepEqual(ctx.diagnostics, []);
});

Deno.test("on a known circuit the corners take the official numbers and names", async () => {
  const { gridded } = drivenLaps(speedAt, 1000, 3, ovalAt);
  const line = Array.from({ length: 1000 }, (_, i) => TEST_PROJECTION.unproject(...ovalAt(i)));
  const turn = (number: number, apexM: number) => ({
    number,
    name: `Bend ${number}`,
    apexM,
    direction: null,
    type: null,
    character: null,
  });
  const track: TrackMatch = {
    track: {
      slug: "oval",
      name: "Oval",
      lengthM: 1000,
      lineSource: "test",
      latDeg: Float64Array.from(line, (p) => p.latDeg),
      lonDeg: Float64Array.from(line, (p) => p.lonDeg),
      elevationM: null,
      corners: [turn(1, 250), turn(2, 750)],
    },
    method: "gps-trace",
    fit: 1,
    coverage: 1,
  };
  const { corners } = await detectCornersStage.run(stageContext("corners", "detect-corners"), {
    track,
    laps: gridded.laps,
    distanceLaps: gridded.grids,
  });
  assert.deepEqual(corners.map((c) => [c.label, c.name, c.officialNumbers]), [
    ["T1", "Bend 1", [1]],
    ["T2", "Bend 2", [2]],
  ]);
});

Deno.test("no complete lap, or no slowing: no corners and a diagnostic, inputs untouched", async () => {
  const { gridded } = drivenLaps(speedAt, 1000, 2, ovalAt);
  const unfinished = gridded.laps.map((lap) => ({ ...lap, complete: false, timeS: null }));
  let ctx = stageContext("corners", "detect-corners");
  assert.deepEqual(
    (await detectCornersStage.run(ctx, { track: null, laps: unfinished, distanceLaps: gridded.grids }))
      .corners,
    [],
  );
  assert.equal(ctx.diagnostics[0].code, "no_complete_lap");

  const steady = drivenLaps(() => 30, 1000, 2, ovalAt).gridded;
  const before = steady.grids.map((g) => [...g.channels.speedMps]);
  ctx = stageContext("corners", "detect-corners");
  assert.deepEqual(
    (await detectCornersStage.run(ctx, { track: null, laps: steady.laps, distanceLaps: steady.grids }))
      .corners,
    [],
  );
  assert.equal(ctx.diagnostics[0].code, "no_corners");
  assert.deepEqual(steady.grids.map((g) => [...g.channels.speedMps]), before);

  ctx = stageContext("corners", "detect-corners");
  assert.deepEqual(
    (await detectCornersStage.run(ctx, { track: null, laps: [], distanceLaps: [] })).corners,
    [],
  );
});
