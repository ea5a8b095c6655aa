/**
 * Each corner's median minimum speed per session on this circuit: which
 * corners are improving. Corners are matched by their number, which the
 * circuit's official list keeps stable across sessions.
 *
 * @module
 */

import { CornerKpisKey, CornersKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 300,
  figure(ctx) {
    const sessions = ctx.data.trackSessions;
    if (sessions.length < 2) {
      return { empty: "Upload at least two sessions at this circuit to see corner trends." };
    }
    const { Plot, units } = ctx;
    const rows = sessions.flatMap((s) => {
      const labels = new Map((s.artifact(CornersKey) ?? []).map((c) => [c.number, c.label]));
      const date = new Date(s.session.date ?? 0);
      return (s.artifact(CornerKpisKey) ?? []).flatMap((l) =>
        l.corners.map((k) => ({
          date,
          corner: labels.get(k.corner) ?? `C${k.corner}`,
          speed: units.toSpeed(k.minSpeedMps),
        }))
      );
    });
    if (rows.length === 0) return { empty: "No corner data in these sessions." };
    return {
      plot: {
        x: { label: "Session", type: "utc" },
        y: { label: `Median min speed (${units.speedLabel})`, grid: true },
        color: { legend: true, type: "categorical" },
        marks: [
          Plot.line(
            rows,
            Plot.groupX({ y: "median" }, { x: "date", y: "speed", stroke: "corner", marker: "circle" }),
          ),
        ],
      },
    };
  },
});
