/**
 * The Dashboard view, where a session lands: headline numbers, lap times
 * with tags, the three tiers of time on the table, time lost per corner and
 * the corners to work on first (the speed trace, delta-T and track map come
 * from the Deep Dive plugin, which places them here too).
 *
 * Better than the original's report, which showed eight or more sections
 * at once: the dashboard leads with the numbers and the three priority
 * corners, each linking to the Deep Dive focused on that corner.
 *
 * @module
 */

import {
  ConsistencyKey,
  CornersKey,
  definePlugin,
  GainsKey,
  GpsQualityKey,
  PhysicsGainsKey,
} from "../../sdk/mod.ts";

export default definePlugin({
  id: "view-dashboard",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Dashboard view: headline numbers, lap times, gains and priority corners.",
  views: [
    {
      kind: "view",
      id: "dashboard",
      title: "Dashboard",
      description: "The session at a glance",
      order: 10,
      key: "1",
      needs: [],
      module: "./dashboard_header.ts",
    },
    {
      kind: "panel",
      id: "session-metrics",
      title: "Session",
      in: ["dashboard"],
      order: 1,
      needs: [],
      optional: [GainsKey, ConsistencyKey, GpsQualityKey, PhysicsGainsKey],
      module: "./session_metrics.ts",
    },
    {
      kind: "chart",
      id: "lap-times",
      title: "Lap times",
      description: "Best and compared laps highlighted; faded laps do not count.",
      in: ["dashboard"],
      order: 3,
      size: "half",
      needs: [],
      module: "./lap_times.ts",
    },
    {
      kind: "panel",
      id: "priority-corners",
      title: "Where the time is",
      description: "The three corners with the most time on the table.",
      in: ["dashboard"],
      order: 7,
      size: "half",
      needs: [GainsKey],
      optional: [CornersKey, PhysicsGainsKey],
      module: "./priority_corners.ts",
    },
    {
      kind: "chart",
      id: "gains-waterfall",
      title: "Time on the table",
      description: "Three tiers: consistency, composite, physics.",
      in: ["dashboard"],
      order: 4,
      size: "half",
      needs: [GainsKey],
      optional: [PhysicsGainsKey],
      module: "./gains_waterfall.ts",
    },
    {
      kind: "chart",
      id: "time-lost-per-corner",
      title: "Time lost per corner",
      in: ["dashboard"],
      order: 31,
      needs: [GainsKey],
      optional: [PhysicsGainsKey],
      module: "./time_lost_per_corner.ts",
    },
  ],
});
