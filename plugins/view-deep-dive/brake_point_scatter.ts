/**
 * Where braking starts for each corner on every lap, relative to the
 * corner's entry (negative = before it).
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";
import { cornerScatter } from "./_corner_scatter.ts";

export default defineChart({
  axis: "plain",
  height: 240,
  figure: (ctx) =>
    cornerScatter(
      ctx,
      (k, entryM) => (k.brakePointM === null ? null : ctx.units.toDistance(k.brakePointM - entryM)),
      `Brake point vs corner entry (${ctx.units.distanceLabel})`,
    ),
});
