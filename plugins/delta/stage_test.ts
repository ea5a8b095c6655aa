import assert from "node:assert/strict";
import type { TheoreticalLap } from "../../sdk/mod.ts";
import { stageContext, syntheticCorner, syntheticLap } from "../../sdk/testing/mod.ts";
import { deltaStage } from "./stage.ts";

const corner = syntheticCorner(1, 210, 280, 350);
const lap1 = syntheticLap(1, 700, [[0.3, 40], [0.5, 20], [1, 40]]);
const lap2 = syntheticLap(2, 700, [[0.3, 41], [0.5, 19], [1, 40]]);
const inLap = syntheticLap(3, 700, [[1, 10]]);
inLap.lap.kind = "in";
inLap.lap.included = false;

/** The theoretical lap of lap1/lap2: S0-1 from lap 2, the rest from lap 1. */
function theoretical(): TheoreticalLap {
  const timeS = Float64Array.from(
    lap1.grid.channels.timeS,
    (t, i) => i <= 300 ? (i * 0.7) / 41 : t - 210 / 40 + 210 / 41,
  );
  return { timeS, speedMps: lap1.grid.channels.speedMps, owners: [2, 1, 1] };
}

Deno.test("the delta stage compares each counted lap with the best, and the best with the theoretical best", async () => {
  const inputs = {
    corners: [corner],
    laps: [lap1.lap, lap2.lap, inLap.lap],
    distanceLaps: [lap1.grid, lap2.grid, inLap.grid],
    theoreticalLap: theoretical(),
  };
  const before = structuredClone(inputs);
  const ctx = stageContext("delta", "delta");
  const diagnostics = ctx.diagnostics;
  const { delta } = await deltaStage.run(ctx, inputs);
  assert.deepEqual(inputs, before, "inputs are not mutated");
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(delta.map((d) => [d.lap, d.reference]), [[1, 1], [2, 1], [1, "theoretical"]]);
  assert.ok(Math.abs(delta[1].totalS - (lap2.lap.timeS! - 21)) < 1e-12);
  const vsTheoretical = delta[2];
  assert.ok(Math.abs(vsTheoretical.totalS - (210 / 40 - 210 / 41)) < 1e-12, "best − theoretical");
  assert.ok(
    Math.abs(vsTheoretical.corners[0].followingStraightS - vsTheoretical.totalS) < 1e-12,
    "all in S0-1",
  );
});

Deno.test("without a theoretical lap or laps the delta stage returns what it can", async () => {
  const ctx = stageContext("delta", "delta");
  const { delta } = await deltaStage.run(ctx, {
    corners: [],
    laps: [lap1.lap],
    distanceLaps: [lap1.grid],
    theoreticalLap: null,
  });
  assert.deepEqual(delta.map((d) => [d.lap, d.reference, d.totalS, d.corners.length]), [[1, 1, 0, 0]]);

  const empty = stageContext("delta", "delta");
  const out = await deltaStage.run(empty, {
    corners: [corner],
    laps: [],
    distanceLaps: [],
    theoreticalLap: null,
  });
  assert.deepEqual(out, { delta: [] });
  assert.equal(empty.diagnostics[0].severity, "info");
});
