/**
 * Time lost in each mini-sector by the reference (and comparison) lap
 * against the best time anyone set there.
 *
 * @module
 */

import { SectorsKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 220,
  figure(ctx) {
    const sectors = ctx.data.artifact(SectorsKey);
    if (!sectors || sectors.sectors.length === 0) {
      return { empty: "No mini-sectors (fewer than two counted laps)." };
    }
    const { Plot, kit } = ctx;
    const rows = [ctx.laps.ref, ctx.laps.comp].flatMap((lap, role) => {
      const times = sectors.laps.find((l) => l.lap === lap)?.timesS;
      return times
        ? sectors.sectors.map((x, i) => ({ sector: x.index, lost: times[i] - x.bestS, lap: `L${lap}`, role }))
        : [];
    });
    if (rows.length === 0) return { empty: "The selected laps are not counted laps." };
    const laps = [...new Set(rows.map((r) => r.lap))];
    const grouped = laps.length > 1;
    return {
      plot: {
        ...(grouped
          ? { fx: { label: "Mini-sector", tickFormat: tick }, x: { axis: null, domain: laps } }
          : { x: { label: "Mini-sector", tickFormat: tick } }),
        y: { label: "Lost to the best (s)", grid: true },
        color: { domain: laps, range: laps.map((_, i) => kit.lapColor(i)), legend: grouped },
        marks: [
          Plot.barY(
            rows,
            grouped
              ? { fx: "sector", x: "lap", y: "lost", fill: "lap" }
              : { x: "sector", y: "lost", fill: "lap" },
          ),
          Plot.ruleY([0]),
        ],
      },
    };
  },
});

function tick(d: number): string {
  return d % 5 === 0 || d === 1 ? String(d) : "";
}
