/**
 * The corner KPIs of the laps that count (complete flying laps the analysis
 * uses), plus the selected laps whatever they are, so an out-lap's crawl
 * does not squash the scale of every per-corner chart.
 *
 * @module
 */

import type { LapCornerKpis } from "../../sdk/corners.ts";
import { CornerKpisKey } from "../../sdk/keys.ts";
import type { JsonOf, ViewContext } from "../../sdk/views.ts";

/** KPIs of the counted and the selected laps, in lap order. */
export function countedKpis(ctx: ViewContext): JsonOf<LapCornerKpis>[] {
  const counted = new Set(ctx.data.laps.filter((l) => l.included).map((l) => l.number));
  for (const lap of [ctx.laps.ref, ctx.laps.comp]) if (lap !== null) counted.add(lap);
  return (ctx.data.artifact(CornerKpisKey) ?? []).filter((l) => counted.has(l.lap));
}
