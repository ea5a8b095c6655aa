/**
 * Corner mini-maps: each corner's line on the reference lap, centred on its
 * apex at one common scale, with the reference lap's brake point (red),
 * minimum speed (blue) and throttle commit (green). Click a corner to focus it.
 *
 * @module
 */

import type { CornerKpi } from "../../sdk/corners.ts";
import { CornerKpisKey, CornersKey } from "../../sdk/keys.ts";
import { defineChart, type JsonOf } from "../../sdk/views.ts";
import { selectedLaps } from "./_lap_traces.ts";

const LEAD_IN_M = 40;
const LEAD_OUT_M = 40;

interface Point {
  x: number;
  y: number;
  fx: number;
  fy: number;
  corner: number;
}

export default defineChart({
  axis: "plain",
  height: 300,
  figure(ctx) {
    const corners = ctx.data.artifact(CornersKey) ?? [];
    const [ref] = selectedLaps(ctx);
    if (!ref || corners.length === 0) {
      return { empty: "No corners or no GPS positions for the selected lap." };
    }
    const { Plot, kit } = ctx;
    const path = kit.trackPath(ref.trace, 20000);
    const kpis = new Map<number, JsonOf<CornerKpi>>(
      (ctx.data.artifact(CornerKpisKey) ?? []).find((l) => l.lap === ref.lap)?.corners.map((
        k,
      ) => [k.corner, k]) ?? [],
    );
    const cols = ctx.width > 760 ? 6 : ctx.width > 460 ? 4 : 3;
    const rows = Math.ceil(corners.length / cols);
    const line: Point[] = [],
      marks: (Point & { kind: string })[] = [],
      labels: (Point & { label: string })[] = [];
    let extent = 30;
    corners.forEach((c, i) => {
      const centre = path.at(c.apexM);
      if (!centre) return;
      const cell = { fx: i % cols, fy: Math.floor(i / cols), corner: c.number };
      const kpi = kpis.get(c.number);
      // From before the brake point to after the throttle commit, whichever reaches further.
      const from = Math.min(c.entryM, kpi?.brakePointM ?? Infinity) - LEAD_IN_M;
      const to = Math.max(c.exitM, kpi?.throttleCommitM ?? -Infinity) + LEAD_OUT_M;
      for (let k = 0; k < path.length; k++) {
        const m = path.distanceM[k];
        if (m < from || m > to) continue;
        const x = path.x[k] - centre[0], y = path.y[k] - centre[1];
        extent = Math.max(extent, Math.abs(x), Math.abs(y));
        line.push({ x, y, ...cell });
      }
      labels.push({ x: 0, y: 0, ...cell, label: c.label });
      const mark = (m: number | null | undefined, kind: string) => {
        const at = m === null || m === undefined ? null : path.at(m);
        if (at) marks.push({ x: at[0] - centre[0], y: at[1] - centre[1], ...cell, kind });
      };
      mark(kpi?.brakePointM, "brake");
      mark(kpi?.minSpeedM ?? c.apexM, "min speed");
      mark(kpi?.throttleCommitM, "throttle");
    });
    const cellW = ctx.width / cols;
    const half = extent * 1.08;
    return {
      plot: {
        height: Math.round(rows * cellW),
        marginTop: 4,
        marginBottom: 4,
        marginLeft: 4,
        marginRight: 4,
        x: { domain: [-half, half], axis: null },
        y: { domain: [-half, half], axis: null },
        fx: { axis: null, padding: 0.06 },
        fy: { axis: null, padding: 0.06 },
        color: {
          domain: ["brake", "min speed", "throttle"],
          range: ["#c92a2a", "#1f77d0", "#2b8a3e"],
          legend: true,
        },
        marks: [
          Plot.frame({ strokeOpacity: 0.15, rx: 6 }),
          Plot.line(line, {
            x: "x",
            y: "y",
            z: "corner",
            fx: "fx",
            fy: "fy",
            stroke: "currentColor",
            strokeWidth: 2.5,
            strokeOpacity: 0.8,
          }),
          Plot.dot(marks, { x: "x", y: "y", fx: "fx", fy: "fy", fill: "kind", r: 4 }),
          Plot.text(labels, {
            fx: "fx",
            fy: "fy",
            text: "label",
            frameAnchor: "top-left",
            dx: 6,
            dy: 6,
            fontWeight: 600,
          }),
        ],
      },
    };
  },
});
