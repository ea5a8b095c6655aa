import assert from "node:assert/strict";
import type { GpsQuality } from "../../sdk/mod.ts";
import { stageContext } from "../../sdk/testing/mod.ts";
import { circleGrid, flyingLap } from "./_test_support.ts";
import { lapTagsStage } from "./stage.ts";

const gpsQuality: GpsQuality = {
  score: 100,
  grade: "A",
  usable: true,
  metrics: [],
  reasons: [],
  badSpans: [],
};

Deno.test("no laps, one lap, no corners: tags what it can, notes the rest, never throws", async () => {
  const run = async (n: number) => {
    const ctx = stageContext("lap-tags", "lap-tags");
    const laps = Array.from({ length: n }, (_, i) => flyingLap(i + 1, 42));
    const distanceLaps = laps.map((l) => circleGrid(l.number, () => 30));
    const { lapTags } = await lapTagsStage.run(ctx, {
      laps,
      distanceLaps,
      corners: [],
      cornerKpis: [],
      gpsQuality,
    });
    return { tags: lapTags, ctx };
  };
  assert.deepEqual((await run(0)).tags, []);
  const one = await run(1);
  assert.deepEqual(one.tags.map((t) => t.tags), [["clean"]]);
  assert.ok(one.ctx.diagnostics.some((d) => d.code === "lap_tags_few_laps"));
  const four = await run(4);
  assert.deepEqual(four.tags.map((t) => t.tags), [["clean"], ["clean"], ["clean"], ["clean"]]);
});
