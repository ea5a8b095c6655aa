/**
 * Lap times through the session: how the pace built up and held.
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 240,
  figure(ctx) {
    const { Plot, units, kit } = ctx;
    const rows = ctx.data.laps.filter((l) => l.timeS !== null).map((l) => ({
      lap: l.number,
      time: l.timeS!,
      counted: l.included ? "counted" : "not counted",
    }));
    const counted = rows.filter((r) => r.counted === "counted");
    if (counted.length < 2) return { empty: "Needs at least two counted laps." };
    const times = counted.map((r) => r.time);
    const lo = Math.min(...times), hi = Math.max(...times);
    return {
      plot: {
        x: { label: "Lap", tickFormat: "d" },
        y: {
          label: "Lap time",
          domain: [lo - 0.5, hi + 0.5],
          tickFormat: (s: number) => units.formatLapTime(s).replace(/\d$/, ""),
          grid: true,
        },
        marginLeft: 56,
        clip: true,
        marks: [
          Plot.line(counted, { x: "lap", y: "time", stroke: kit.lapColor(0), strokeWidth: 1.5 }),
          Plot.dot(rows, {
            x: "lap",
            y: "time",
            fill: (r: { counted: string }) => (r.counted === "counted" ? kit.lapColor(0) : "#8b93a1"),
            r: 3.5,
            tip: true,
            title: (r: { lap: number; time: number }) => `L${r.lap} ${units.formatLapTime(r.time)}`,
          }),
        ],
      },
    };
  },
});
