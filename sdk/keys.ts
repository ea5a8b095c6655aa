/**
 * Artifact keys of the built-in stages. A third-party stage consumes these
 * to build on the built-in analysis, or produces a key of its own.
 *
 * @module
 */

import { artifact } from "./artifact.ts";
import type { DistanceLap, Lap } from "./laps.ts";
import type { Session } from "./session.ts";
import type { TrackMatch } from "./track.ts";

/** The parsed logger file. Seeded by the kernel from the format plugin's `parse`. */
export const SessionKey = artifact<Session>("session", "The parsed logger file, one typed array per channel");

/** The circuit the session was driven on, or `null` on an unknown circuit. Producer: `tracks`. */
export const TrackKey = artifact<TrackMatch | null>(
  "track",
  "The matched circuit (reference line, official corners) or null",
);

/** Every lap of the session in lap order, with times and kinds. Producer: `laps`. */
export const LapsKey = artifact<Lap[]>("laps", "Laps: crossing times, lap times (s), kinds, row ranges");

/** Every lap on the 0.7 m distance grid, same order as {@linkcode LapsKey}. Producer: `resample`. */
export const DistanceLapsKey = artifact<DistanceLap[]>(
  "distance-laps",
  "Every lap resampled onto the 0.7 m distance grid",
);
