/**
 * A lap's path for the track map: latitude and longitude projected to local
 * metres around the path's centre (equirectangular; exact enough over a
 * circuit's few kilometres), thinned to a few thousand points.
 *
 * @module
 */

import type { LapTrace, TrackPath } from "../../sdk/views.ts";

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;

/** The path of a lap whose trace carries `latDeg` and `lonDeg`; empty without them. */
export function trackPathOf(trace: LapTrace, maxPoints = 2000): TrackPath {
  const lat = trace.channels.latDeg, lon = trace.channels.lonDeg;
  if (!lat || !lon || trace.points === 0) return emptyPath();
  const stride = Math.max(1, Math.ceil(trace.points / maxPoints));
  const n = Math.ceil(trace.points / stride);
  let latSum = 0, lonSum = 0, used = 0;
  for (let i = 0; i < trace.points; i += stride) {
    if (lat[i] === lat[i] && lon[i] === lon[i]) {
      latSum += lat[i];
      lonSum += lon[i];
      used++;
    }
  }
  if (used === 0) return emptyPath();
  const lat0 = latSum / used, lon0 = lonSum / used;
  const kx = M_PER_DEG_LON_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
  const x = new Float64Array(n), y = new Float64Array(n), distanceM = new Float64Array(n);
  for (let k = 0, i = 0; k < n; k++, i += stride) {
    x[k] = (lon[i] - lon0) * kx;
    y[k] = (lat[i] - lat0) * M_PER_DEG_LAT;
    distanceM[k] = i * trace.stepM;
  }
  const spacingM = stride * trace.stepM;
  return {
    x,
    y,
    distanceM,
    length: n,
    at(d) {
      if (!(d >= 0) || d > distanceM[n - 1] + spacingM) return null;
      const k = Math.min(n - 1, Math.round(d / spacingM));
      return x[k] === x[k] ? [x[k], y[k]] : null;
    },
    nearest(px, py) {
      let best = 0, bestD2 = Infinity;
      for (let k = 0; k < n; k++) {
        const dx = x[k] - px, dy = y[k] - py, d2 = dx * dx + dy * dy;
        if (d2 < bestD2) {
          bestD2 = d2;
          best = k;
        }
      }
      return distanceM[best];
    },
  };
}

function emptyPath(): TrackPath {
  const none = new Float64Array(0);
  return { x: none, y: none, distanceM: none, length: 0, at: () => null, nearest: () => 0 };
}
