/**
 * The Progress view: lap times through the session, and across every
 * session on the same circuit the best, mean and theoretical lap, the
 * consistency score, the lap-time distribution and each corner's minimum
 * speed.
 *
 * Better than the original, whose trends mixed every user's sessions at a
 * track name: these read only the sessions the server lists for the user,
 * matched by the circuit's id, not its name.
 *
 * @module
 */

import { ConsistencyKey, CornerKpisKey, CornersKey, definePlugin, GainsKey } from "../../sdk/mod.ts";

export default definePlugin({
  id: "view-progress",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Progress view: trends within the session and across sessions on the same circuit.",
  views: [
    {
      kind: "view",
      id: "progress",
      title: "Progress",
      description: "Trends across sessions at this circuit",
      order: 30,
      key: "3",
      needs: [],
      scope: "track",
      module: "./progress_header.ts",
    },
    {
      kind: "chart",
      id: "lap-time-trend",
      title: "Lap times through the session",
      in: ["progress"],
      order: 10,
      size: "half",
      needs: [],
      module: "./lap_time_trend.ts",
    },
    {
      kind: "chart",
      id: "lap-time-distribution",
      title: "Lap-time distribution per session",
      in: ["progress"],
      order: 20,
      size: "half",
      needs: [],
      scope: "track",
      module: "./lap_time_distribution.ts",
    },
    {
      kind: "chart",
      id: "session-trend",
      title: "Lap times across sessions",
      in: ["progress"],
      order: 30,
      size: "half",
      needs: [],
      optional: [GainsKey],
      scope: "track",
      module: "./session_trend.ts",
    },
    {
      kind: "chart",
      id: "consistency-trend",
      title: "Consistency across sessions",
      description: "Solid: overall score; dashed: lap times alone.",
      in: ["progress"],
      order: 40,
      size: "half",
      needs: [ConsistencyKey],
      scope: "track",
      module: "./consistency_trend.ts",
    },
    {
      kind: "chart",
      id: "corner-trend",
      title: "Corners across sessions",
      in: ["progress"],
      order: 50,
      needs: [CornersKey, CornerKpisKey],
      scope: "track",
      module: "./corner_trend.ts",
    },
  ],
});
