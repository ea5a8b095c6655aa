/**
 * Example plugin: a trail-braking index per corner (`trail_braking.ts`
 * defines it) and a bar chart of it on the Deep Dive view. Loaded from
 * outside `plugins/` through `WORKBENCH_PLUGINS` or `plugins.json`.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { TrailBrakingKey } from "./keys.ts";
import { trailBrakingSettings } from "./settings.ts";
import { trailBrakingStage } from "./trail_braking.ts";

export { type TrailBrakingCorner, TrailBrakingKey } from "./keys.ts";

export default definePlugin({
  id: "trail-braking",
  version: "0.1.0",
  sdk: "^1.0",
  description: "Trail-braking index per corner: how much of the braking is carried into the turn.",
  stages: [trailBrakingStage],
  settings: trailBrakingSettings,
  views: [{
    kind: "chart",
    id: "trail-braking-chart",
    title: "Trail braking",
    description: "Share of each corner's braking done while turning (0 = all in a straight line).",
    in: ["deep-dive"],
    size: "half",
    needs: [TrailBrakingKey],
    module: "./trail_braking_chart.ts",
  }],
});
