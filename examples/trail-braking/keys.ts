/**
 * The trail-braking artifact: one entry per corner.
 *
 * @module
 */

import { artifact } from "../../sdk/artifact.ts";

/** The trail-braking index of one corner. */
export interface TrailBrakingCorner {
  /** Corner number (as in the `corners` artifact). */
  corner: number;
  /** Display label, e.g. `"T5"`. */
  label: string;
  /** Mean index over the laps that brake for it, 0..1; null when no lap brakes there. */
  index: number | null;
  /** Per analysed lap: its index, or null when it does not brake for the corner. */
  laps: { lap: number; index: number | null }[];
}

/** Trail-braking index per corner, 0 (all braking done straight) .. 1 (all braking done while turning). */
export const TrailBrakingKey = artifact<TrailBrakingCorner[]>(
  "trail-braking",
  "Trail-braking index per corner, 0..1: share of the braking done while the car is also turning",
);
