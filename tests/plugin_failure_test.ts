/**
 * Issue-4 acceptance: a corner plugin that throws does not take the analysis
 * down. A third-party corner metric (consuming the built-in corners and
 * corner KPIs) is registered next to the built-in plugins and throws on
 * every session; laps, corners, delta, gains and every other stage still
 * produce their results, and one error diagnostic names the plugin and stage.
 *
 * @module
 */

import assert from "node:assert/strict";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";
import {
  artifact,
  ConsistencyKey,
  CornerKpisKey,
  CornersKey,
  definePlugin,
  defineStage,
  DeltaKey,
  DistanceLapsKey,
  GainsKey,
  GpsQualityKey,
  LapsKey,
  LapTagsKey,
  SectorsKey,
} from "../sdk/mod.ts";
import { readSession } from "../sdk/testing/mod.ts";

const TrailBrakeKey = artifact<number[]>("trail-brake-index", "Trail-brake index per corner, 0..1");

const brokenCornerPlugin = definePlugin({
  id: "broken-corner-metric",
  version: "0.1.0",
  sdk: "^1.0",
  description: "A corner metric with a bug: it always throws.",
  stages: [
    defineStage({
      id: "trail-brake-index",
      description: "Would measure trail braking per corner.",
      consumes: { corners: CornersKey, kpis: CornerKpisKey },
      produces: { index: TrailBrakeKey },
      run: (_ctx, { corners }) => {
        throw new Error(`index out of range: corner ${corners.length + 1}`);
      },
    }),
  ],
});

Deno.test("a throwing corner plugin leaves laps, corners, delta and the other stages intact", async () => {
  const { registry } = await loadPlugins();
  using _registration = registry.register(brokenCornerPlugin);
  const result = await analyze(registry, {
    file: "barber-8laps.csv",
    bytes: await readSession("barber-8laps.csv"),
  });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].plugin, "broken-corner-metric");
  assert.equal(errors[0].stage, "trail-brake-index");
  assert.match(errors[0].message, /index out of range: corner 13/);
  assert.equal(result.artifacts.get(TrailBrakeKey), undefined);

  assert.ok((result.artifacts.get(LapsKey) ?? []).length >= 8);
  assert.ok((result.artifacts.get(DistanceLapsKey) ?? []).length >= 8);
  assert.equal(result.artifacts.get(CornersKey)?.length, 12);
  assert.ok((result.artifacts.get(CornerKpisKey) ?? []).length >= 8);
  assert.ok((result.artifacts.get(DeltaKey) ?? []).length >= 8);
  assert.ok(result.artifacts.get(GainsKey), "gains");
  assert.ok(result.artifacts.get(ConsistencyKey), "consistency");
  assert.ok(result.artifacts.get(SectorsKey), "sectors");
  assert.ok(result.artifacts.get(LapTagsKey), "lap tags");
  assert.ok(result.artifacts.get(GpsQualityKey), "GPS quality");
});
