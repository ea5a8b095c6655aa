/**
 * Minimum speed in each corner on every lap.
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";
import { cornerScatter } from "./_corner_scatter.ts";

export default defineChart({
  axis: "plain",
  height: 240,
  figure: (ctx) =>
    cornerScatter(ctx, (k) => ctx.units.toSpeed(k.minSpeedMps), `Min speed (${ctx.units.speedLabel})`),
});
