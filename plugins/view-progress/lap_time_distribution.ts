/**
 * The distribution of counted lap times in each session on this circuit (box
 * plots: median, quartiles, outliers).
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 260,
  figure(ctx) {
    const { Plot, units } = ctx;
    const rows = ctx.data.trackSessions.flatMap((s) => {
      const label = `${s.session.date?.slice(0, 10) ?? "?"}${
        s.session.id === ctx.data.session.id ? " (this)" : ""
      }`;
      return s.laps.filter((l) => l.included && l.timeS !== null).map((l) => ({
        session: label,
        time: l.timeS!,
      }));
    });
    if (rows.length === 0) return { empty: "No counted laps." };
    return {
      plot: {
        x: { label: null, tickRotate: ctx.width < 500 ? -30 : 0 },
        y: {
          label: "Lap time",
          tickFormat: (s: number) => units.formatLapTime(s).replace(/\d$/, ""),
          grid: true,
        },
        marginLeft: 56,
        marginBottom: ctx.width < 500 ? 50 : 30,
        marks: [Plot.boxY(rows, { x: "session", y: "time" })],
      },
    };
  },
});
