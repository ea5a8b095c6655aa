/**
 * The mini-sector map: the track split into equal-distance sectors, each
 * coloured by the lap that drove it fastest.
 *
 * @module
 */

import { SectorsKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";
import { selectedLaps } from "./_lap_traces.ts";

export default defineChart({
  axis: "map",
  height: 380,
  figure(ctx) {
    const sectors = ctx.data.artifact(SectorsKey);
    const [ref] = selectedLaps(ctx);
    if (!sectors || sectors.sectors.length === 0) {
      return { empty: "No mini-sectors (fewer than two counted laps)." };
    }
    if (!ref) return { empty: "No lap with GPS positions is selected." };
    const { Plot, kit } = ctx;
    const path = kit.trackPath(ref.trace, 2500);
    if (path.length === 0) return { empty: "This lap has no GPS positions." };
    const owner = new Array<string>(path.length);
    let s = 0;
    for (let k = 0; k < path.length; k++) {
      const m = path.distanceM[k];
      while (s < sectors.sectors.length - 1 && m >= sectors.sectors[s].endM) s++;
      owner[k] = `L${sectors.sectors[s].bestLap}`;
    }
    const owners = [...new Set(sectors.sectors.map((x) => `L${x.bestLap}`))].sort((a, b) =>
      Number(a.slice(1)) - Number(b.slice(1))
    );
    const boundaries = sectors.sectors.flatMap((x) => {
      const at = path.at(x.startM);
      return at ? [{ x: at[0], y: at[1] }] : [];
    });
    return {
      plot: {
        ...kit.mapScales(path, ctx.width, ctx.height, 20),
        color: {
          type: "ordinal",
          domain: owners,
          range: owners.map((_, i) => kit.lapColor(i + 2)),
          legend: true,
          label: "Fastest lap",
        },
        marks: [
          Plot.line({ length: path.length }, {
            x: path.x,
            y: path.y,
            stroke: owner,
            z: null,
            strokeWidth: 5,
          }),
          Plot.dot(boundaries, { x: "x", y: "y", r: 2, fill: "currentColor" }),
        ],
      },
      locate: (d) => path.at(d),
      nearest: (x, y) => path.nearest(x, y),
    };
  },
});
