/**
 * One value per corner and lap as a strip of dots per corner: every counted
 * lap in grey, the reference and comparison laps in their colours.
 *
 * @module
 */

import type { CornerKpi } from "../../sdk/corners.ts";
import { CornersKey } from "../../sdk/keys.ts";
import type { ChartContext, ChartEmpty, ChartFigure, JsonOf } from "../../sdk/views.ts";
import { countedKpis } from "./_counted_kpis.ts";

/** The figure for `value(kpi, cornerEntryM)` (null = no value) with the y label. */
export function cornerScatter(
  ctx: ChartContext,
  value: (kpi: JsonOf<CornerKpi>, entryM: number) => number | null,
  yLabel: string,
): ChartFigure | ChartEmpty {
  const corners = ctx.data.artifact(CornersKey) ?? [];
  const laps = countedKpis(ctx);
  if (corners.length === 0 || laps.length === 0) return { empty: "No corner data for this session." };
  const entry = new Map(corners.map((c) => [c.number, c]));
  const rows = laps.flatMap((l) =>
    l.corners.flatMap((k) => {
      const c = entry.get(k.corner);
      const v = c ? value(k, c.entryM) : null;
      if (!c || v === null || !Number.isFinite(v)) return [];
      const role = l.lap === ctx.laps.ref ? "ref" : l.lap === ctx.laps.comp ? "comp" : "other";
      return [{ corner: c.label, value: v, lap: l.lap, role }];
    })
  );
  if (rows.length === 0) return { empty: "No lap has this value in any corner." };
  const { Plot, kit } = ctx;
  const order = corners.map((c) => c.label);
  return {
    plot: {
      x: { domain: order, label: null, tickRotate: ctx.width < 500 ? -60 : 0 },
      y: { label: yLabel, grid: true },
      marginBottom: ctx.width < 500 ? 40 : 30,
      color: { domain: ["other", "ref", "comp"], range: ["#8b93a1", kit.lapColor(0), kit.lapColor(1)] },
      marks: [
        Plot.dot(rows.filter((r) => r.role === "other"), {
          x: "corner",
          y: "value",
          fill: "role",
          r: 2.5,
          fillOpacity: 0.55,
          tip: true,
          title: (r: { lap: number }) => `L${r.lap}`,
        }),
        Plot.dot(rows.filter((r) => r.role !== "other"), {
          x: "corner",
          y: "value",
          fill: "role",
          r: 4.5,
          stroke: kit.surface,
        }),
      ],
    },
  };
}
