/**
 * Delta-T between any two laps, composed from the stored deltas. The
 * analysis stores every counted lap against the best lap on the best lap's
 * grid; the delta of lap B against lap A at a point of that grid is then
 * (B − best) − (A − best), and the same subtraction holds for the total and
 * for every corner and straight. So any pair the user picks is answered
 * without running the analysis again.
 *
 * @module
 */

import type { LapDelta } from "../../sdk/mod.ts";

/** A composed delta: a {@linkcode LapDelta} plus the lap whose grid it runs on. */
export interface ComposedDelta extends LapDelta {
  /** The lap whose distance grid `deltaS` follows (the common reference of the stored deltas). */
  gridLap: number;
}

/**
 * Lap `comp` against lap `ref` from `stored` (each lap against one common
 * reference lap), or null when either lap has no stored delta against it.
 */
export function composeLapDelta(
  stored: readonly LapDelta[],
  ref: number,
  comp: number,
): ComposedDelta | null {
  const common = stored.find((d) => typeof d.reference === "number")?.reference;
  if (typeof common !== "number") return null;
  const against = (lap: number): LapDelta | null =>
    lap === common ? null : stored.find((d) => d.lap === lap && d.reference === common) ?? null;
  const a = against(ref), b = against(comp);
  if ((ref !== common && !a) || (comp !== common && !b)) return null;
  const shape = a ?? b ?? stored.find((d) => d.reference === common)!;
  const n = shape.deltaS.length;
  const deltaS = new Float64Array(n);
  for (let i = 0; i < n; i++) deltaS[i] = (b ? b.deltaS[i] : 0) - (a ? a.deltaS[i] : 0);
  const aCorners = new Map(a?.corners.map((c) => [c.corner, c]));
  const bCorners = new Map(b?.corners.map((c) => [c.corner, c]));
  return {
    lap: comp,
    reference: ref,
    gridLap: common,
    deltaS,
    totalS: (b?.totalS ?? 0) - (a?.totalS ?? 0),
    corners: shape.corners.map(({ corner }) => ({
      corner,
      cornerS: (bCorners.get(corner)?.cornerS ?? 0) - (aCorners.get(corner)?.cornerS ?? 0),
      followingStraightS: (bCorners.get(corner)?.followingStraightS ?? 0) -
        (aCorners.get(corner)?.followingStraightS ?? 0),
    })),
  };
}
