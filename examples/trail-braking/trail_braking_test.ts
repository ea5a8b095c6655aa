/**
 * The trail-braking index on the shared Barber session, through the real
 * pipeline (`runPluginOnSample`): one entry per detected corner and one per
 * analysed lap, every index within 0..1; a lap built to a known answer; bad settings refused
 * by name; no corners or laps giving an empty result and an info diagnostic.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  analysisLaps,
  type Corner,
  CornersKey,
  createLocalProjection,
  DEFAULT_SETTINGS,
  type DistanceLap,
  G,
  GRID_STEP_M,
  type Lap,
  LapsKey,
} from "../../sdk/mod.ts";
import { haveSessions, runPluginOnSample, stageContext } from "../../sdk/testing/mod.ts";
import plugin, { type TrailBrakingCorner, TrailBrakingKey } from "./mod.ts";
import { trailBrakingStage } from "./trail_braking.ts";

const ignore = !haveSessions();

Deno.test({
  name: "one index per corner and lap, within 0..1",
  ignore,
  async fn() {
    const run = await runPluginOnSample(plugin, "barber-8laps.csv");
    assert.deepEqual(run.errors(), []);
    const corners = run.get(CornersKey)!;
    const laps = analysisLaps(run.get(LapsKey)!);
    const result = run.get(TrailBrakingKey)!;
    assert.equal(result.length, corners.length);
    assert.equal(corners.length, (await run.truth()).corners.length);
    for (const c of result) {
      assert.deepEqual(c.laps.map((l) => l.lap), laps.map((l) => l.number));
      assert.ok(c.index !== null && c.index >= 0 && c.index <= 1, `${c.label}: ${c.index}`);
    }
  },
});

/**
 * A lap built to a known answer: 100 m of straight-line braking at 0.5 g,
 * then 50 m more of it on a 20 m arc up to the apex (lateral load there is
 * above 0.5 g throughout), so half a g of every metre on the arc overlaps and
 * the index is 50 / 150 = 1/3. The chained 5 m heading and curvature
 * windows let lateral load rise up to 10 m before the arc, so up to
 * (50 + 10) / 150 = 0.4 is allowed above, 0.02 below.
 */
Deno.test("a lap built to a known answer gives it", () => {
  const stepM = GRID_STEP_M, straightM = 100, arcM = 50, radiusM = 20, v0 = 40, decelG = 0.5;
  const n = Math.round((straightM + arcM + 50) / stepM);
  const x = new Float64Array(n), y = new Float64Array(n), speedMps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = i * stepM;
    const braked = Math.min(s, straightM + arcM);
    speedMps[i] = Math.sqrt(v0 * v0 - 2 * decelG * G * braked);
    if (s <= straightM) {
      x[i] = s;
    } else {
      const angle = (s - straightM) / radiusM;
      x[i] = straightM + radiusM * Math.sin(angle);
      y[i] = radiusM * (1 - Math.cos(angle));
    }
  }
  const projection = createLocalProjection(33.53, -86.62);
  const latDeg = y.map((v) => projection.toLatDeg(v)), lonDeg = x.map((v) => projection.toLonDeg(v));
  const timeS = new Float64Array(n);
  for (let i = 1; i < n; i++) timeS[i] = timeS[i - 1] + stepM / speedMps[i];
  const lap: DistanceLap = { number: 1, points: n, stepM, channels: { timeS, speedMps, latDeg, lonDeg } };
  const ctx = stageContext("trail-braking", "trail-braking-index", {
    ...DEFAULT_SETTINGS,
    plugins: { "trail-braking": { lookBackM: straightM } },
  });
  const { trailBraking } = trailBrakingStage.run(ctx, {
    corners: [{ number: 1, label: "T1", entryM: straightM, apexM: straightM + arcM } as Corner],
    laps: [{ number: 1, included: true, complete: true, timeS: timeS[n - 1] } as Lap],
    distanceLaps: [lap],
  }) as { trailBraking: TrailBrakingCorner[] };
  const index = trailBraking[0].index!;
  assert.ok(index > 1 / 3 - 0.02 && index <= 0.4, `index ${index}`);
});

Deno.test({
  name: "settings outside the schema are refused with the key named",
  ignore,
  async fn() {
    await assert.rejects(
      runPluginOnSample(plugin, "barber-8laps.csv", { settings: { lookBackM: -5 } }),
      /settings\.lookBackM must be at least 0/,
    );
  },
});

Deno.test("no corners or no laps give no index and an info diagnostic, not an error", () => {
  const ctx = stageContext("trail-braking", "trail-braking-index");
  const result = trailBrakingStage.run(ctx, { corners: [], laps: [], distanceLaps: [] });
  assert.deepEqual(result, { trailBraking: [] });
  assert.deepEqual(ctx.diagnostics.map((d) => d.severity), ["info"]);
});
