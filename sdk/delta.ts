/**
 * Delta-T: where on the lap one lap gains or loses time against another.
 *
 * @module
 */

/** Time lost or gained in one corner. */
export interface CornerDelta {
  /** {@linkcode Corner.number}. */
  corner: number;
  /** Time lost from entry to exit, s (positive = the lap is slower there). */
  cornerS: number;
  /** Time lost from exit to the next corner's entry (the straight the exit speed feeds), s. */
  followingStraightS: number;
}

/** One lap against a reference lap on the distance grid. */
export interface LapDelta {
  /** The compared lap's number. */
  lap: number;
  /** The reference: a lap number, or `"theoretical"` for the stitched best segments. */
  reference: number | "theoretical";
  /**
   * Delta at each grid point of the reference, s: compared lap's elapsed time
   * minus the reference's at the same distance (positive = slower). Ends at
   * the lap-time difference.
   */
  deltaS: Float64Array;
  /** Lap time difference, s. */
  totalS: number;
  /** Per-corner time lost/gained. */
  corners: CornerDelta[];
}
