/**
 * Corners of the optimal lap: where the fastest possible car must slow.
 * A corner is a local minimum of the optimal speed at least 4 km/h below
 * the lower of its two neighbouring maxima (shallower minima are merged
 * away, shallowest first); its zone runs from the speed maximum before it
 * to the one after, so the zones tile the lap and their time costs add up
 * to the best lap's gap to the optimal lap. The target brake point follows
 * the corner KPIs' rule for a driver's lap, so the two compare directly:
 * on the longitudinal g averaged over 10 m, go back from the apex to the
 * last point above +0.05 g; the brake point is the first point after it
 * decelerating beyond 0.1 g (none: the optimal lap only lifts).
 *
 * Better than the original: time costs are signed (a corner where the
 * driver beats the model shows as negative, not zero) and include the
 * braking zone, where most time is lost.
 *
 * @module
 */

import { elapsedAt, G, type LapClock, type OptimalCorner } from "../../sdk/mod.ts";

/** A corner's minimum must lie this far below both neighbouring maxima, m/s. */
const MIN_DROP_MPS = 4 / 3.6;
/** Braking is a deceleration beyond this, g. */
const BRAKING_G = 0.1;
/** Acceleration above this ends the search back from the apex, g. */
const ACCELERATING_G = 0.05;
/** Speeds within this of a minimum hold it, m/s. */
const PLATEAU_MPS = 1e-6;
/** Longitudinal g is averaged over this distance, m. */
const LONGITUDINAL_WINDOW_M = 10;

/**
 * The corners of an optimal lap given by its `speedMps` on a closed grid
 * and its clock `optimal`; `reference` is the best lap's clock on the same
 * grid, for the time costs.
 */
export function optimalCorners(
  speedMps: Float64Array,
  optimal: LapClock,
  reference: LapClock,
): OptimalCorner[] {
  const minima = significantMinima(speedMps);
  const stepM = optimal.stepM;
  const longG = closedLongitudinalG(speedMps, stepM);
  /** Time from grid point `from` forward to `to` (round the line if need be; once round if equal). */
  const time = (clock: LapClock, from: number, to: number) => {
    const start = elapsedAt(clock, from * stepM), end = elapsedAt(clock, to * stepM);
    return to > from ? end - start : end + clock.lapTimeS - start;
  };
  const n = speedMps.length;
  return minima.map(({ apex: last, before, after }, k) => {
    // A minimum held over a stretch (a constant-radius arc at the limit): its first point starts the
    // search for the brake point, its middle is the apex.
    let first = last;
    for (let s = 0; s < n && speedMps[(first - 1 + n) % n] <= speedMps[last] + PLATEAU_MPS; s++) {
      first = (first - 1 + n) % n;
    }
    const held = last >= first ? last - first : last + n - first;
    const apex = (first + (held >> 1)) % n;
    const brake = brakePoint(longG, first, before);
    const optimalS = time(optimal, before, after);
    const bestLapS = time(reference, before, after);
    return {
      number: k + 1,
      apexM: apex * stepM,
      minSpeedMps: speedMps[apex],
      brakePointM: brake === null ? null : brake * stepM,
      zoneStartM: before * stepM,
      zoneEndM: after * stepM,
      optimalS,
      bestLapS,
      timeCostS: bestLapS - optimalS,
    };
  });
}

/** A kept minimum and the maxima either side (grid indices; `before` > `apex` when it lies across the line). */
interface Minimum {
  apex: number;
  before: number;
  after: number;
}

/** Minima at least {@linkcode MIN_DROP_MPS} deep, in lap order, with their neighbouring maxima. */
function significantMinima(v: Float64Array): Minimum[] {
  const n = v.length;
  const at = (i: number) => v[(i + n) % n];
  const mins: number[] = [];
  for (let i = 0; i < n; i++) if (at(i) <= at(i - 1) && at(i) < at(i + 1)) mins.push(i);
  if (mins.length === 0) return [];
  // peaks[j]: index of the highest point from mins[j] to mins[j + 1] (cyclic)
  let peaks = mins.map((from, j) => highestBetween(v, from, mins[(j + 1) % mins.length]));
  let kept = mins;
  while (kept.length > 1) {
    let weakest = -1, weakestDrop = Infinity;
    for (let j = 0; j < kept.length; j++) {
      const left = peaks[(j - 1 + kept.length) % kept.length], right = peaks[j];
      const drop = Math.min(v[left], v[right]) - v[kept[j]];
      if (drop < weakestDrop) {
        weakestDrop = drop;
        weakest = j;
      }
    }
    if (weakestDrop >= MIN_DROP_MPS) break;
    const left = (weakest - 1 + kept.length) % kept.length;
    const merged = v[peaks[left]] >= v[peaks[weakest]] ? peaks[left] : peaks[weakest];
    peaks = peaks.map((p, j) => (j === left ? merged : p)).filter((_, j) => j !== weakest);
    kept = kept.filter((_, j) => j !== weakest);
  }
  if (kept.length === 1) {
    const only = kept[0], peak = peaks[0];
    if (v[peak] - v[only] < MIN_DROP_MPS) return [];
    return [{ apex: only, before: peak, after: peak }];
  }
  return kept.map((apex, j) => ({
    apex,
    before: peaks[(j - 1 + kept.length) % kept.length],
    after: peaks[j],
  }));
}

/** Index of the highest speed going forward from `from` to `to` on the closed lap. */
function highestBetween(v: Float64Array, from: number, to: number): number {
  const n = v.length;
  const span = to > from ? to - from : to + n - from;
  let best = from;
  for (let s = 1; s <= span; s++) {
    const i = (from + s) % n;
    if (v[i] > v[best]) best = i;
  }
  return best;
}

/**
 * Longitudinal g of a closed speed trace, averaged over 10 m: Δ(v²/2)/Δs
 * across the window, wrapping over the line.
 */
function closedLongitudinalG(v: Float64Array, stepM: number): Float64Array {
  const n = v.length;
  const h = Math.max(1, Math.round(LONGITUDINAL_WINDOW_M / 2 / stepM));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ahead = v[(i + h) % n], behind = v[(i - h + n) % n];
    out[i] = (ahead * ahead - behind * behind) / (2 * 2 * h * stepM * G);
  }
  return out;
}

/**
 * The brake point for the minimum at `apex` (grid index): back from the
 * apex, at most to the zone's start `limit`, to the last point above
 * +0.05 g; then the first point decelerating beyond 0.1 g. Null without one.
 */
function brakePoint(longG: Float64Array, apex: number, limit: number): number | null {
  const n = longG.length;
  const span = apex >= limit ? apex - limit : apex + n - limit;
  let back = 0;
  while (back < span && longG[(apex - back - 1 + n) % n] <= ACCELERATING_G) back++;
  for (let k = back; k >= 0; k--) {
    const i = (apex - k + n) % n;
    if (longG[i] < -BRAKING_G) return i;
  }
  return null;
}
