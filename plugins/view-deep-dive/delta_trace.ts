/**
 * Delta-T along the lap: where the comparison lap gains (below zero) or
 * loses (above) time against the reference. With no comparison lap, the
 * reference against the best lap, or the best lap against the theoretical
 * best. Only the selected pair is fetched, never every lap's delta.
 *
 * @module
 */

import type { LapDelta } from "../../sdk/delta.ts";
import { GRID_STEP_M } from "../../sdk/laps.ts";
import { defineChart, type JsonOf } from "../../sdk/views.ts";
import { cornerBands } from "./_lap_traces.ts";

/** What a delta compares, in words. */
function captionOf(delta: JsonOf<LapDelta>, best: number | null): string {
  if (delta.reference === "theoretical") return `L${delta.lap} against the theoretical best`;
  return `L${delta.lap} against L${delta.reference}${delta.reference === best ? " (best)" : ""}`;
}

export default defineChart({
  axis: "distance",
  height: 190,
  figure(ctx) {
    const delta = ctx.data.pairDelta();
    if (!delta) return { empty: "No delta for these laps (only counted laps have one): pick another lap." };
    const { Plot, kit, units } = ctx;
    const caption = captionOf(delta, ctx.data.session.bestLap);
    const s = kit.gridSeries(delta.deltaS, GRID_STEP_M, ctx.width);
    const gain = kit.deltaColor("gain"), loss = kit.deltaColor("loss");
    return {
      plot: {
        subtitle: `${caption}: ${units.formatDelta(delta.totalS)} at the line`,
        y: { label: "Delta (s)", grid: true },
        marks: [
          ...cornerBands(ctx),
          Plot.ruleY([0], { strokeOpacity: 0.5 }),
          Plot.areaY({ length: s.length }, {
            x: s.x,
            y: s.y.map((v) => Math.max(0, v)),
            fill: loss,
            fillOpacity: 0.25,
          }),
          Plot.areaY({ length: s.length }, {
            x: s.x,
            y: s.y.map((v) => Math.min(0, v)),
            fill: gain,
            fillOpacity: 0.25,
          }),
          Plot.line({ length: s.length }, { x: s.x, y: s.y, stroke: "currentColor", strokeWidth: 1.25 }),
        ],
      },
      readout(d) {
        const i = Math.round(d / GRID_STEP_M);
        const v = delta.deltaS[Math.min(delta.deltaS.length - 1, Math.max(0, i))];
        return Number.isFinite(v) ? units.formatDelta(v) : "—";
      },
    };
  },
});
