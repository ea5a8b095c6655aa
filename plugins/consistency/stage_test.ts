import assert from "node:assert/strict";
import { stageContext } from "../../sdk/testing/mod.ts";
import { consistencyStage } from "./stage.ts";

Deno.test("no laps: null and a note, no throw", async () => {
  const ctx = stageContext("consistency", "consistency");
  const out = await consistencyStage.run(ctx, { laps: [], cornerKpis: [] });
  assert.deepEqual(out, { consistency: null });
  assert.equal(ctx.diagnostics[0].code, "consistency_few_laps");
});
