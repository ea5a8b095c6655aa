/**
 * The g-g diagram: lateral against longitudinal g of the selected laps, with
 * the session's envelope (the 99th percentile of combined g in each
 * direction) drawn around them.
 *
 * @module
 */

import { GgDiagramKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";
import { selectedGg } from "./_gg_laps.ts";

export default defineChart({
  axis: "plain",
  height: 360,
  figure(ctx) {
    const diagram = ctx.data.artifact(GgDiagramKey);
    const { laps } = selectedGg(ctx);
    if (!diagram || laps.length === 0) return { empty: "No g data for the selected laps." };
    const { Plot } = ctx;
    // The envelope's sectors are directions; close the polygon by repeating the first.
    const sectors = diagram.envelopeG.length;
    const envelope = Array.from({ length: sectors + 1 }, (_, k) => {
      const angle = ((k % sectors) + 0.5) * (2 * Math.PI / sectors);
      const g = diagram.envelopeG[k % sectors];
      return { lat: g * Math.cos(angle), long: g * Math.sin(angle) };
    });
    const limit = Math.max(1, ...diagram.envelopeG.map((g) => g * 1.1));
    const size = Math.min(ctx.width, ctx.height);
    return {
      plot: {
        width: size,
        height: size,
        x: { domain: [-limit, limit], label: "Lateral g (left +)", grid: true },
        y: { domain: [-limit, limit], label: "Longitudinal g (accel +)", grid: true },
        marks: [
          Plot.ruleX([0], { strokeOpacity: 0.4 }),
          Plot.ruleY([0], { strokeOpacity: 0.4 }),
          ...laps.map(({ gg, color }) =>
            Plot.dot({ length: gg.latG.length }, {
              x: gg.latG,
              y: gg.longG,
              r: 1.2,
              fill: color,
              fillOpacity: 0.35,
            })
          ),
          Plot.line(envelope, {
            x: "lat",
            y: "long",
            stroke: "currentColor",
            strokeWidth: 1.5,
            strokeDasharray: "5 3",
          }),
        ],
      },
    };
  },
});
