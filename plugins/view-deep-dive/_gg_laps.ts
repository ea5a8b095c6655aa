/**
 * The g data of the selected laps from the `gg-diagram` artifact (lateral and
 * longitudinal g every few metres of each analysis lap).
 *
 * @module
 */

import type { LapGg } from "../../sdk/grip.ts";
import { GgDiagramKey } from "../../sdk/keys.ts";
import type { JsonOf, ViewContext } from "../../sdk/views.ts";

/** One selected lap's g data. */
export interface SelectedGg {
  /** Lap number. */
  lap: number;
  /** Its g data. */
  gg: JsonOf<LapGg>;
  /** Its colour. */
  color: string;
}

/** The reference and comparison laps that have g data, and the spacing of the points (m). */
export function selectedGg(ctx: ViewContext): { laps: SelectedGg[]; stepM: number } {
  const diagram = ctx.data.artifact(GgDiagramKey);
  const laps: SelectedGg[] = [];
  for (const [i, lap] of [ctx.laps.ref, ctx.laps.comp].entries()) {
    const gg = diagram?.laps.find((l) => l.lap === lap);
    if (lap !== null && gg) laps.push({ lap, gg, color: ctx.kit.lapColor(i) });
  }
  return { laps, stepM: diagram?.stepM ?? 1 };
}

/** The value at a distance (nearest point) of one of a lap's g series. */
export function ggAt(values: readonly number[], stepM: number, distanceM: number): number {
  const i = Math.round(distanceM / stepM);
  return i >= 0 && i < values.length ? values[i] : NaN;
}
