/**
 * The track map: the reference lap's line coloured by speed, by where time
 * is lost (per corner and following straight, from the delta) or by braking
 * and accelerating, with the corners numbered and a dot at the shared cursor.
 * Colours come in bands (quantized scales): they read better than a
 * continuous ramp, and their legend draws without a canvas.
 *
 * @module
 */

import type { Corner } from "../../sdk/corners.ts";
import type { LapDelta } from "../../sdk/delta.ts";
import { CornersKey } from "../../sdk/keys.ts";
import { defineChart, type JsonOf, type TrackPath } from "../../sdk/views.ts";
import { selectedLaps, valueAt } from "./_lap_traces.ts";

/** Time lost per metre of path from the per-corner deltas: each corner, then the straight after it. */
function deltaColours(
  path: TrackPath,
  corners: readonly JsonOf<Corner>[],
  delta: JsonOf<LapDelta>,
): Float64Array {
  const out = new Float64Array(path.length).fill(NaN);
  const byCorner = new Map(delta.corners.map((c) => [c.corner, c]));
  for (const [i, corner] of corners.entries()) {
    const d = byCorner.get(corner.number);
    if (!d) continue;
    const next = corners[i + 1]?.entryM ?? Infinity;
    for (let k = 0; k < path.length; k++) {
      const m = path.distanceM[k];
      if (m >= corner.entryM && m < corner.exitM) out[k] = d.cornerS;
      else if (m >= corner.exitM && m < next) out[k] = d.followingStraightS;
    }
  }
  return out;
}

export default defineChart({
  axis: "map",
  height: 420,
  modes: [{ id: "speed", label: "Speed" }, { id: "delta", label: "Time lost" }, {
    id: "braking",
    label: "Braking",
  }],
  figure(ctx) {
    const [ref] = selectedLaps(ctx);
    if (!ref) return { empty: "No lap with GPS positions is selected." };
    const { Plot, kit, units } = ctx;
    // ~700 segments colour a circuit smoothly at any card size; more only cost drawing time.
    const path = kit.trackPath(ref.trace, 700);
    if (path.length === 0) return { empty: "This lap has no GPS positions." };
    const corners = ctx.data.artifact(CornersKey) ?? [];
    const scales = kit.mapScales(path, ctx.width, ctx.height, 24);
    let colour: Float64Array;
    let color: Record<string, unknown>;
    if (ctx.mode === "delta") {
      const delta = ctx.data.pairDelta();
      if (!delta || corners.length === 0) {
        return { empty: "Time lost needs corners and a delta for the selected laps." };
      }
      colour = deltaColours(path, corners, delta);
      const extent = Math.max(0.05, ...Array.from(colour).filter(Number.isFinite).map(Math.abs));
      color = {
        type: "quantize",
        n: 9,
        scheme: "RdYlGn",
        reverse: true,
        domain: [-extent, extent],
        legend: true,
        label: `Time lost, s (L${delta.lap} vs ${
          delta.reference === "theoretical" ? "theoretical" : `L${delta.reference}`
        })`,
      };
    } else if (ctx.mode === "braking") {
      if (!ref.trace.channels.longG) return { empty: "No longitudinal g for this lap." };
      colour = Float64Array.from(path.distanceM, (m) => valueAt(ref.trace, "longG", m));
      color = {
        type: "quantize",
        n: 9,
        scheme: "RdYlGn",
        domain: [-1.2, 1.2],
        legend: true,
        label: "Longitudinal g (braking −)",
      };
    } else {
      colour = Float64Array.from(path.distanceM, (m) => units.toSpeed(valueAt(ref.trace, "speedMps", m)));
      color = { type: "quantize", n: 8, scheme: "turbo", legend: true, label: `Speed (${units.speedLabel})` };
    }
    const labelled = corners.flatMap((c) => {
      const at = path.at(c.apexM);
      return at ? [{ x: at[0], y: at[1], label: c.label, focus: c.number === ctx.corner.selected }] : [];
    });
    const start = path.at(0);
    return {
      plot: {
        ...scales,
        color,
        marks: [
          Plot.line({ length: path.length }, {
            x: path.x,
            y: path.y,
            stroke: "currentColor",
            strokeOpacity: 0.12,
            strokeWidth: 9,
          }),
          Plot.line({ length: path.length }, {
            x: path.x,
            y: path.y,
            stroke: colour,
            z: null,
            strokeWidth: 4,
          }),
          ...(start
            ? [
              Plot.dot([start], {
                x: (p: number[]) => p[0],
                y: (p: number[]) => p[1],
                symbol: "square",
                r: 5,
                fill: "currentColor",
              }),
            ]
            : []),
          Plot.text(labelled, {
            x: "x",
            y: "y",
            text: "label",
            fontSize: (d: { focus: boolean }) => (d.focus ? 13 : 10),
            fontWeight: 700,
            stroke: kit.surface,
            strokeWidth: 3,
            fill: "currentColor",
          }),
        ],
      },
      locate: (d) => path.at(d),
      nearest: (x, y) => path.nearest(x, y),
    };
  },
});
