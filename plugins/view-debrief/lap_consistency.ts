/**
 * Lap times of the counted laps against their mean and a band of one
 * standard deviation.
 *
 * @module
 */

import { ConsistencyKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 230,
  figure(ctx) {
    const consistency = ctx.data.artifact(ConsistencyKey);
    if (!consistency) return { empty: "Needs at least two counted laps." };
    const { Plot, units, kit } = ctx;
    const counted = new Set(consistency.laps);
    const rows = ctx.data.laps.filter((l) => counted.has(l.number) && l.timeS !== null).map((l) => ({
      lap: l.number,
      time: l.timeS!,
    }));
    const { meanLapTimeS: mean, lapTimeStdS: std } = consistency;
    const lo = Math.min(mean - 2 * std, ...rows.map((r) => r.time)),
      hi = Math.max(mean + 2 * std, ...rows.map((r) => r.time));
    return {
      plot: {
        subtitle: `Score ${Math.round(consistency.score)}/100 · σ ${std.toFixed(2)} s · spread ${
          consistency.lapTimeSpreadS.toFixed(2)
        } s${consistency.provisional ? " · provisional (few laps)" : ""}`,
        x: { label: "Lap", tickFormat: "d" },
        y: {
          label: "Lap time",
          domain: [lo - 0.2, hi + 0.2],
          tickFormat: (s: number) => units.formatLapTime(s).replace(/\d$/, ""),
          grid: true,
        },
        marginLeft: 56,
        marks: [
          Plot.rectY([0], { y1: mean - std, y2: mean + std, fill: kit.lapColor(0), fillOpacity: 0.1 }),
          Plot.ruleY([mean], { stroke: kit.lapColor(0), strokeDasharray: "4 3" }),
          Plot.line(rows, { x: "lap", y: "time", stroke: "currentColor", strokeOpacity: 0.5 }),
          Plot.dot(rows, {
            x: "lap",
            y: "time",
            fill: kit.lapColor(0),
            r: 4,
            tip: true,
            title: (r: { lap: number; time: number }) => `L${r.lap} ${units.formatLapTime(r.time)}`,
          }),
        ],
      },
    };
  },
});
