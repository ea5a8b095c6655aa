/**
 * The chart: one bar per corner, its trail-braking index (browser module;
 * it only draws what the stage computed).
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";
import { TrailBrakingKey } from "./keys.ts";

export default defineChart({
  axis: "plain",
  height: 220,
  figure({ Plot, data }) {
    const corners = (data.artifact(TrailBrakingKey) ?? []).filter((c) => c.index !== null);
    if (corners.length === 0) return { empty: "No corner with braking to measure." };
    return {
      plot: {
        x: { label: null, domain: corners.map((c) => c.label) },
        y: { label: "Trail-braking index", domain: [0, 1], grid: true },
        marks: [
          Plot.barY(corners, { x: "label", y: "index", fill: "currentColor", fillOpacity: 0.7 }),
          Plot.ruleY([0]),
        ],
      },
    };
  },
});
