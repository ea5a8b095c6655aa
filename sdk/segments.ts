/**
 * The lap cut into corners and the straights between them, tiling the lap
 * from line to line with no gap and no overlap, so per-segment times (or
 * deltas) of a lap add up to the whole lap's.
 *
 * Naming: a corner segment takes the corner's label (`"T5"`); a straight is
 * `"S{a}-{b}"` from corner `a`'s exit to corner `b`'s entry, with `0` for the
 * start line and `fin` for the finish line (`"S0-1"` from the line to the
 * first corner, `"S12-fin"` from the last corner to the line; `"S0-fin"` when
 * there is no corner). A corner across the line is cut there: the part on the
 * apex's side keeps the label, the part on the other side of the line is
 * `"T1-entry"` (an entry before the line, at the end of the lap) or
 * `"T12-exit"` (an exit after the line, at the start of the lap).
 * Overlapping corners are clipped so that each metre belongs to one segment.
 *
 * @module
 */

import type { Corner } from "./corners.ts";
import type { Segment } from "./gains.ts";

/** A corner piece before straights are filled in. */
interface CornerPiece {
  id: string;
  corner: number;
  startM: number;
  endM: number;
}

/** Shorter gaps than this are not worth a straight of their own, m. */
const MIN_STRAIGHT_M = 1e-6;

/**
 * Segments tiling `0..lengthM`, in lap order. Corner distances are metres
 * from the line on a lap of `lengthM`; an entry before the line may be given
 * as a negative distance or as an entry after the exit (wrapped).
 *
 * @example
 * ```ts
 * import { lapSegments } from "./segments.ts";
 * const t1 = {
 *   number: 1, label: "T1", name: null, officialNumbers: [1], direction: "left" as const,
 *   entryM: 100, apexM: 150, exitM: 200, geometricApexM: 150, peakCurvature: 0.02, braking: true,
 * };
 * lapSegments([t1], 1000).map((s) => s.id); // ["S0-1", "T1", "S1-fin"]
 * ```
 */
export function lapSegments(corners: readonly Corner[], lengthM: number): Segment[] {
  const pieces = cornerPieces(corners, lengthM).sort((a, b) => a.startM - b.startM || a.corner - b.corner);
  const segments: Segment[] = [];
  let cursor = 0;
  let previousCorner = 0;
  const straightTo = (endM: number, next: number | null) => {
    if (endM - cursor <= MIN_STRAIGHT_M) return;
    segments.push({
      id: `S${previousCorner}-${next ?? "fin"}`,
      kind: "straight",
      corner: next,
      startM: cursor,
      endM,
    });
  };
  for (const piece of pieces) {
    const startM = Math.max(piece.startM, cursor);
    if (piece.endM - startM <= MIN_STRAIGHT_M) continue;
    straightTo(startM, piece.corner);
    segments.push({ id: piece.id, kind: "corner", corner: piece.corner, startM, endM: piece.endM });
    cursor = piece.endM;
    previousCorner = piece.corner;
  }
  straightTo(lengthM, null);
  return segments;
}

/** Each corner's stretch inside `0..lengthM`, cut at the line when it crosses it. */
function cornerPieces(corners: readonly Corner[], lengthM: number): CornerPiece[] {
  const pieces: CornerPiece[] = [];
  for (const corner of corners) {
    let { entryM, exitM } = corner;
    if (!Number.isFinite(entryM) || !Number.isFinite(exitM)) continue;
    if (entryM > exitM) {
      // Wrapped across the line: the apex says which side the corner belongs to.
      if (corner.apexM >= entryM) exitM += lengthM;
      else entryM -= lengthM;
    }
    const main = { corner: corner.number, startM: Math.max(0, entryM), endM: Math.min(lengthM, exitM) };
    pieces.push({ id: corner.label, ...main });
    if (entryM < 0) {
      pieces.push({
        id: `${corner.label}-entry`,
        corner: corner.number,
        startM: lengthM + entryM,
        endM: lengthM,
      });
    }
    if (exitM > lengthM) {
      pieces.push({ id: `${corner.label}-exit`, corner: corner.number, startM: 0, endM: exitM - lengthM });
    }
  }
  return pieces;
}
