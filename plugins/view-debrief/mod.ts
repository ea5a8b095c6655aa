/**
 * The Debrief view, built to be read between sessions on a phone: the best
 * lap and how it compares with last time, at most three things to work on
 * next, how repeatable each corner was, and whether the data can be trusted
 * (GPS grade, poor stretches, what the analysis reported about the file).
 *
 * Better than the original's debrief, which needed the LLM report before it
 * showed anything: every item here comes straight from the analysis, so it
 * is there the moment the upload finishes; a coaching plugin can add its
 * panels to this view.
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
  id: "view-debrief",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Debrief view: the pit-lane summary, next-session focus, corner consistency and data quality.",
  views: [
    {
      kind: "view",
      id: "debrief",
      title: "Debrief",
      description: "Pit-lane summary for the next session",
      order: 40,
      key: "4",
      needs: [],
    },
    {
      kind: "panel",
      id: "debrief-hero",
      title: "This session",
      in: ["debrief"],
      order: 10,
      needs: [],
      optional: [GainsKey],
      scope: "track",
      module: "./debrief_hero.ts",
    },
    {
      kind: "panel",
      id: "next-session-focus",
      title: "Next session focus",
      in: ["debrief"],
      order: 20,
      size: "half",
      needs: [GainsKey],
      optional: [ConsistencyKey, PhysicsGainsKey, CornersKey],
      module: "./next_session_focus.ts",
    },
    {
      kind: "chart",
      id: "lap-consistency",
      title: "Lap consistency",
      in: ["debrief"],
      order: 30,
      size: "half",
      needs: [ConsistencyKey],
      module: "./lap_consistency.ts",
    },
    {
      kind: "panel",
      id: "corner-consistency",
      title: "Corner consistency",
      description: "Spread across counted laps; lower is more repeatable.",
      in: ["debrief"],
      order: 40,
      needs: [ConsistencyKey],
      optional: [CornersKey],
      module: "./corner_consistency.ts",
    },
    {
      kind: "chart",
      id: "gps-timeline",
      title: "GPS quality timeline",
      in: ["debrief"],
      order: 50,
      needs: [GpsQualityKey],
      module: "./gps_timeline.ts",
    },
    {
      kind: "panel",
      id: "data-quality",
      title: "Data quality",
      in: ["debrief"],
      order: 60,
      needs: [],
      optional: [GpsQualityKey],
      module: "./data_quality.ts",
    },
  ],
});
