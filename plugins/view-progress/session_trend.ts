/**
 * Best lap, mean lap and theoretical best of every session on this circuit.
 *
 * @module
 */

import { GainsKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 260,
  figure(ctx) {
    const sessions = ctx.data.trackSessions;
    if (sessions.length < 2) {
      return { empty: "Upload at least two sessions at this circuit to see the trend." };
    }
    const { Plot, units, kit } = ctx;
    const rows = sessions.flatMap((s) => {
      const date = new Date(s.session.date ?? 0);
      const gains = s.artifact(GainsKey);
      const out = [];
      if (s.session.bestLapTimeS !== null) {
        out.push({ date, time: s.session.bestLapTimeS, series: "best lap" });
      }
      if (gains) {
        out.push({ date, time: gains.meanLapTimeS, series: "mean lap" });
        out.push({ date, time: gains.theoreticalBestS, series: "theoretical best" });
      }
      return out;
    });
    const series = ["best lap", "mean lap", "theoretical best"];
    return {
      plot: {
        x: { label: "Session", type: "utc" },
        y: {
          label: "Lap time",
          tickFormat: (s: number) => units.formatLapTime(s).replace(/\d$/, ""),
          grid: true,
        },
        color: { domain: series, range: [kit.lapColor(0), "#8b93a1", kit.lapColor(2)], legend: true },
        marginLeft: 56,
        marks: [
          Plot.line(rows, { x: "date", y: "time", stroke: "series", marker: "circle" }),
          Plot.tip(
            rows,
            Plot.pointer({
              x: "date",
              y: "time",
              title: (r: { series: string; time: number }) => `${r.series} ${units.formatLapTime(r.time)}`,
            }),
          ),
        ],
      },
    };
  },
});
