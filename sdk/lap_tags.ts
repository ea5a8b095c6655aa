/**
 * Automatic lap tags: which laps are clean and why the others are not.
 *
 * @module
 */

/** Tags the built-in lap-tags stage assigns. Users may add free-form tags of their own. */
export type AutoLapTag = "clean" | "traffic-suspect" | "off-track" | "mistake" | "cool-down" | "poor-gps";

/** The tags of one lap, each with the reason it was given. */
export interface LapTagging {
  /** The lap's number. */
  lap: number;
  /** Tags, `"clean"` alone when nothing was found. */
  tags: AutoLapTag[];
  /** One human-readable reason per tag, same order. */
  reasons: string[];
}
