import assert from "node:assert/strict";
import { DEFAULT_SETTINGS } from "../../sdk/mod.ts";
import { stageContext, syntheticLap } from "../../sdk/testing/mod.ts";
import { sectorsStage } from "./stage.ts";

const lap1 = syntheticLap(1, 700, [[0.3, 40], [0.5, 20], [1, 40]]);
const lap2 = syntheticLap(2, 707, [[0.3, 39], [0.5, 22], [1, 35]]);
const outLap = syntheticLap(3, 700, [[1, 60]]);
outLap.lap.kind = "out";
outLap.lap.included = false;

Deno.test("the sectors stage uses counted laps, the best lap's length and the configured count", async () => {
  const inputs = {
    laps: [outLap.lap, lap1.lap, lap2.lap],
    distanceLaps: [outLap.grid, lap1.grid, lap2.grid],
  };
  const before = structuredClone(inputs);
  const ctx = stageContext("sectors", "sectors", { ...DEFAULT_SETTINGS, plugins: { sectors: { count: 4 } } });
  const diagnostics = ctx.diagnostics;
  const { sectors } = await sectorsStage.run(ctx, inputs);
  assert.deepEqual(inputs, before, "inputs are not mutated");
  assert.deepEqual(diagnostics, []);
  assert.equal(sectors?.sectors.length, 4);
  assert.equal(sectors?.sectors.at(-1)?.endM, 700);
  assert.deepEqual(sectors?.laps.map((l) => l.lap), [1, 2]);
});

Deno.test("without a counted lap the sectors stage returns null and says why", async () => {
  const ctx = stageContext("sectors", "sectors");
  const diagnostics = ctx.diagnostics;
  const out = await sectorsStage.run(ctx, { laps: [outLap.lap], distanceLaps: [outLap.grid] });
  assert.deepEqual(out, { sectors: null });
  assert.equal(diagnostics[0].severity, "info");
});
