/**
 * The consistency score (0–100) of every session on this circuit.
 *
 * @module
 */

import { ConsistencyKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 220,
  figure(ctx) {
    const sessions = ctx.data.trackSessions;
    if (sessions.length < 2) {
      return { empty: "Upload at least two sessions at this circuit to see the trend." };
    }
    const rows = sessions.flatMap((s) => {
      const c = s.artifact(ConsistencyKey);
      return c ? [{ date: new Date(s.session.date ?? 0), score: c.score, lapScore: c.lapScore }] : [];
    });
    if (rows.length < 2) return { empty: "Fewer than two sessions have a consistency score." };
    const { Plot, kit } = ctx;
    return {
      plot: {
        x: { label: "Session", type: "utc" },
        y: { label: "Consistency (0–100)", domain: [0, 100], grid: true },
        marks: [
          Plot.line(rows, { x: "date", y: "score", stroke: kit.lapColor(0), marker: "circle" }),
          Plot.line(rows, { x: "date", y: "lapScore", stroke: "#8b93a1", strokeDasharray: "4 3" }),
        ],
      },
    };
  },
});
