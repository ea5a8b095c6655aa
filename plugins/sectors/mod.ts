/**
 * The `sectors` plugin: equal-distance mini-sectors, the best time in each
 * and the lap that owns it. Setting: `plugins.sectors.count` (whole number
 * 1..500, default 20). Improvements on the original: see `mini_sectors.ts`.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { sectorsStage } from "./stage.ts";

export default definePlugin({
  id: "sectors",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Equal-distance mini-sectors: each lap's times, the best per sector and who set it.",
  stages: [sectorsStage],
});
