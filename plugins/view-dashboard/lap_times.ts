/**
 * Lap times as bars: the best lap highlighted, laps that do not count faded,
 * the comparison lap marked, tags inside each bar.
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 240,
  figure(ctx) {
    const { Plot, units, kit, data } = ctx;
    const laps = data.laps.filter((l) => l.timeS !== null);
    if (laps.length === 0) return { empty: "No timed lap in this session." };
    const rows = laps.map((l) => ({
      lap: l.number,
      time: l.timeS!,
      role: l.number === ctx.laps.ref
        ? "reference"
        : l.number === ctx.laps.comp
        ? "comparison"
        : l.included
        ? "counted"
        : "not counted",
      tags: l.tags.filter((t) => t !== "clean").join(", "),
      label: `L${l.number} ${units.formatLapTime(l.timeS)}${
        l.included ? "" : ` (${l.excludedReason ?? "not counted"})`
      }${l.tags.length ? ` · ${l.tags.join(", ")}` : ""}`,
    }));
    const counted = rows.filter((r) => r.role !== "not counted").map((r) => r.time);
    const floor = Math.max(0, Math.min(...(counted.length ? counted : rows.map((r) => r.time))) - 2);
    const ceiling = Math.min(Math.max(...rows.map((r) => r.time)), Math.max(...counted, floor + 4) + 6);
    const few = rows.length <= 30;
    return {
      plot: {
        x: { label: "Lap", type: "band", tickFormat: (d: number) => (few || d % 5 === 0 ? String(d) : "") },
        y: {
          label: "Lap time",
          domain: [floor, ceiling],
          tickFormat: (s: number) => units.formatLapTime(s).replace(/\.\d+$/, ""),
          grid: true,
        },
        color: {
          domain: ["reference", "comparison", "counted", "not counted"],
          range: [kit.lapColor(0), kit.lapColor(1), "#8b93a1", "#c7ccd4"],
          legend: true,
        },
        marginLeft: 50,
        clip: true,
        marks: [
          Plot.barY(rows, { x: "lap", y1: floor, y2: "time", fill: "role", title: "label", tip: true }),
          ...(few
            ? [
              Plot.text(rows.filter((r) => r.tags), {
                x: "lap",
                y: floor,
                text: "tags",
                dy: -8,
                fontSize: 9,
                rotate: -90,
                textAnchor: "start",
                fill: kit.surface,
              }),
            ]
            : []),
        ],
      },
    };
  },
});
