/**
 * Per-corner delta-T from per-segment deltas: the corner itself, and the
 * straight its exit speed feeds (up to the next corner's entry). The
 * straight from the line to the first corner continues the last corner's
 * straight across the line, so it counts for the last corner, and every
 * metre of the lap counts for exactly one corner.
 *
 * @module
 */

import type { Corner, CornerDelta, Segment } from "../../sdk/mod.ts";

/**
 * Time lost per corner, in corner-number order, from the deltas of
 * `segments` (same order; from `lapSegments`). A corner with no segment
 * (clipped away by its neighbour) gets zeros.
 */
export function cornerDeltas(
  corners: readonly Corner[],
  segments: readonly Segment[],
  segmentDeltasS: Float64Array,
): CornerDelta[] {
  const numbers = [...new Set(corners.map((c) => c.number))].sort((a, b) => a - b);
  const byCorner = new Map(numbers.map((n) => [n, { corner: n, cornerS: 0, followingStraightS: 0 }]));
  let previous = segments.findLast((s) => s.kind === "corner")?.corner ?? null;
  segments.forEach((segment, k) => {
    if (segment.kind === "corner" && segment.corner !== null) {
      byCorner.get(segment.corner)!.cornerS += segmentDeltasS[k];
      previous = segment.corner;
    } else if (previous !== null) {
      byCorner.get(previous)!.followingStraightS += segmentDeltasS[k];
    }
  });
  return [...byCorner.values()];
}
