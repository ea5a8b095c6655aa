/**
 * Helpers shared by this plugin's distance charts: the selected laps with
 * their traces and colours, the corner bands drawn behind every trace, and
 * values at a distance for the cursor readout.
 *
 * @module
 */

import type { Markish } from "@observablehq/plot";
import type { Corner } from "../../sdk/corners.ts";
import { CornersKey } from "../../sdk/keys.ts";
import type { ChartContext, JsonOf, LapTrace, ViewContext } from "../../sdk/views.ts";

/** A selected lap with its trace. */
export interface SelectedLap {
  /** Lap number. */
  lap: number;
  /** Its channels. */
  trace: LapTrace;
  /** Its colour. */
  color: string;
}

/** The reference lap, then the comparison lap, for those whose trace is loaded. */
export function selectedLaps(ctx: ViewContext): SelectedLap[] {
  const out: SelectedLap[] = [];
  for (const [i, lap] of [ctx.laps.ref, ctx.laps.comp].entries()) {
    const trace = lap === null ? undefined : ctx.data.trace(lap);
    if (lap !== null && trace) out.push({ lap, trace, color: ctx.kit.lapColor(i) });
  }
  return out;
}

/** Value of a channel at a distance (nearest grid point), or NaN outside the lap. */
export function valueAt(trace: LapTrace, channel: string, distanceM: number): number {
  const values = trace.channels[channel];
  const i = Math.round(distanceM / trace.stepM);
  return values && i >= 0 && i < values.length ? values[i] : NaN;
}

/** Smallest gap between two corner labels, px. */
const LABEL_GAP_PX = 30;

/**
 * Light bands over each corner (stronger for the focused one) with the
 * corner labels on top, leaving out a label that would overlap the one
 * before it at this chart width.
 */
export function cornerBands(ctx: ChartContext): Markish[] {
  const corners = ctx.data.artifact(CornersKey) as JsonOf<Corner>[] | undefined;
  if (!corners?.length) return [];
  const { Plot, units } = ctx;
  const focused = ctx.corner.selected;
  const [from, to] = ctx.cursor.zoom() ?? [0, corners[corners.length - 1].exitM * 1.05];
  const pxPerM = ctx.width / Math.max(1, to - from);
  let lastPx = -Infinity;
  const labelled = corners.filter((c) => {
    const px = (c.apexM - from) * pxPerM;
    if (px - lastPx < LABEL_GAP_PX && c.number !== focused) return false;
    lastPx = px;
    return true;
  });
  return [
    Plot.rectX(corners, {
      x1: (c: Corner) => units.toDistance(c.entryM),
      x2: (c: Corner) => units.toDistance(c.exitM),
      fill: "currentColor",
      fillOpacity: (c: Corner) => (c.number === focused ? 0.16 : 0.06),
    }),
    Plot.text(labelled, {
      x: (c: Corner) => units.toDistance(c.apexM),
      text: "label",
      frameAnchor: "top",
      dy: 3,
      fontSize: 10,
      fillOpacity: 0.7,
    }),
  ];
}

/** `"L8 112.3 · L7 110.9 km/h"`-style readout of one channel for the selected laps. */
export function lapsReadout(
  laps: readonly SelectedLap[],
  channel: string,
  distanceM: number,
  format: (v: number) => string,
): string {
  return laps
    .map(({ lap, trace }) => {
      const v = valueAt(trace, channel, distanceM);
      return `L${lap} ${Number.isFinite(v) ? format(v) : "—"}`;
    })
    .join(" · ");
}
