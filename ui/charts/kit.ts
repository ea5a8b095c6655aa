/**
 * The chart kit handed to every view module: decimation to pixel width on the
 * shared zoom, track paths and the palette.
 *
 * @module
 */

import type { ChartKit, CursorStore, MapScales, TrackPath, Units } from "../../sdk/views.ts";
import { decimateGrid } from "./decimate.ts";
import { trackPathOf } from "./track_path.ts";

/** Reference lap, comparison lap, then further series (colour-blind safe, readable on both themes). */
const LAP_COLORS = ["#1f77d0", "#e8590c", "#2b8a3e", "#9c36b5", "#c92a2a", "#0b7285", "#5c940d", "#862e9c"];

/** Card background per theme (same as `--card` in styles.css). */
const SURFACE = { light: "#ffffff", dark: "#1a2029" };

/** Builds the kit for the current units, zoom and theme. */
export function createChartKit(units: Units, cursor: CursorStore, theme: "light" | "dark"): ChartKit {
  const gridSeries: ChartKit["gridSeries"] = (values, stepM, widthPx, mapY = identity) => {
    const zoom = cursor.zoom();
    const last = values.length - 1;
    const i0 = zoom ? clamp(Math.floor(zoom[0] / stepM), 0, last) : 0;
    const i1 = zoom ? clamp(Math.ceil(zoom[1] / stepM), 0, last) : last;
    return decimateGrid(values, i0, i1, widthPx, (i) => units.toDistance(i * stepM), mapY);
  };
  return {
    gridSeries,
    distanceSeries(trace, channel, widthPx, mapY) {
      const values = trace.channels[channel];
      if (!values) return { x: new Float64Array(0), y: new Float64Array(0), length: 0 };
      return gridSeries(values, trace.stepM, widthPx, mapY);
    },
    trackPath: (trace, maxPoints) => trackPathOf(trace, maxPoints),
    lapColor: (index) => LAP_COLORS[index % LAP_COLORS.length],
    deltaColor: (sign) => (sign === "gain" ? "#2b8a3e" : "#c92a2a"),
    mapScales,
    surface: SURFACE[theme],
  };
}

/** Domains padded so that one metre is as many pixels on x as on y; the height shrinks to fit a wide track. */
function mapScales(path: TrackPath, widthPx: number, maxHeightPx: number, marginPx = 16): MapScales {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let k = 0; k < path.length; k++) {
    const x = path.x[k], y = path.y[k];
    if (x !== x || y !== y) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!(x1 > x0) || !(y1 > y0)) [x0, x1, y0, y1] = [-1, 1, -1, 1];
  const innerW = Math.max(1, widthPx - 2 * marginPx);
  const fitH = Math.ceil((innerW * (y1 - y0)) / (x1 - x0)) + 2 * marginPx;
  const heightPx = Math.max(Math.min(maxHeightPx, fitH), Math.min(maxHeightPx, 160));
  const innerH = Math.max(1, heightPx - 2 * marginPx);
  const mPerPx = Math.max((x1 - x0) / innerW, (y1 - y0) / innerH);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const halfW = (mPerPx * innerW) / 2, halfH = (mPerPx * innerH) / 2;
  return {
    margin: marginPx,
    height: heightPx,
    x: { domain: [cx - halfW, cx + halfW], axis: null },
    y: { domain: [cy - halfH, cy + halfH], axis: null },
  };
}

function identity(v: number): number {
  return v;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
