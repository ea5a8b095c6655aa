import assert from "node:assert/strict";
import { stageContext, syntheticCorner, syntheticLap } from "../../sdk/testing/mod.ts";
import { gainsStage } from "./stage.ts";

const corner = syntheticCorner(1, 210, 280, 350);
const lap1 = syntheticLap(1, 700, [[0.3, 40], [0.5, 20], [1, 40]]);
const lap2 = syntheticLap(2, 700, [[0.3, 41], [0.5, 19], [1, 40]]);
// An out-lap fast in the corner: it must not count.
const outLap = syntheticLap(3, 700, [[0.3, 30], [0.5, 30], [1, 30]]);
outLap.lap.kind = "out";
outLap.lap.included = false;

Deno.test("the gains stage analyses only counted laps and stitches the theoretical lap", async () => {
  const inputs = {
    corners: [corner],
    laps: [outLap.lap, lap1.lap, lap2.lap],
    distanceLaps: [outLap.grid, lap1.grid, lap2.grid],
  };
  const before = structuredClone(inputs);
  const ctx = stageContext("gains", "gains");
  const diagnostics = ctx.diagnostics;
  const { gains, theoreticalLap } = await gainsStage.run(ctx, inputs);
  assert.deepEqual(inputs, before, "inputs are not mutated");
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(gains?.laps, [1, 2]);
  assert.equal(gains?.bestLap, 1);
  assert.deepEqual(gains?.segments.map((s) => s.bestLap), [2, 1, 1]);
  assert.equal(theoreticalLap?.timeS.at(-1), gains?.theoreticalBestS);
});

Deno.test("with fewer than two counted laps the gains stage returns null and says why", async () => {
  for (const laps of [[], [lap1]]) {
    const ctx = stageContext("gains", "gains");
    const diagnostics = ctx.diagnostics;
    const out = await gainsStage.run(ctx, {
      corners: [corner],
      laps: laps.map((l) => l.lap),
      distanceLaps: laps.map((l) => l.grid),
    });
    assert.deepEqual(out, { gains: null, theoreticalLap: null });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, "info");
    assert.match(diagnostics[0].message, /at least 2/);
  }
});
