/**
 * Segments (corners and the straights between them) and the first two tiers
 * of time on the table: consistency and composite (theoretical best). The
 * third tier, physics, is the velocity-profile plugin's own artifact.
 *
 * @module
 */

/** A stretch of the lap: a corner (entry..exit) or the straight between two corners. */
export interface Segment {
  /** `"T5"`-style corner label, or `"S5-6"` for the straight from corner 5's exit to corner 6's entry. */
  id: string;
  /** Corner or straight. */
  kind: "corner" | "straight";
  /** {@linkcode Corner.number} for a corner; for a straight, the corner it leads into (null at the lap's end). */
  corner: number | null;
  /** Start, m from the line. */
  startM: number;
  /** End, m. */
  endM: number;
}

/** Time on the table in one segment. */
export interface SegmentGain {
  /** The segment. */
  segment: Segment;
  /** Fastest time through it over the analysed laps, s. */
  bestS: number;
  /** Lap that set it. */
  bestLap: number;
  /** Mean time over the analysed laps, s. */
  meanS: number;
  /** The best lap's time through it, s. */
  bestLapS: number;
  /** Tier 1: mean − best, s. */
  consistencyS: number;
  /** Tier 2: best lap's time − best, s. */
  compositeS: number;
}

/** Tiers 1 and 2 of the gains for a session. */
export interface Gains {
  /** Laps analysed (complete, included laps). */
  laps: number[];
  /** Per segment, in lap order; segments tile 0..lap length. */
  segments: SegmentGain[];
  /** Best lap's number and time, s. */
  bestLap: number;
  /** Best lap's time, s. */
  bestLapTimeS: number;
  /** Mean lap time of the analysed laps, s. */
  meanLapTimeS: number;
  /** Tier 1 total: Σ consistency gains, s. */
  consistencyS: number;
  /** Sum of the best segment times = the theoretical best lap, s. */
  theoreticalBestS: number;
  /** Tier 2 total: best lap time − theoretical best, s (never negative). */
  compositeS: number;
}

/** The theoretical best lap: each segment taken from the lap fastest there, on the best lap's grid. */
export interface TheoreticalLap {
  /** Elapsed time at each grid point of the best lap, s; ends at {@linkcode Gains.theoreticalBestS}. */
  timeS: Float64Array;
  /** Speed at each grid point, m/s (from the owning lap). */
  speedMps: Float64Array;
  /** The lap owning each segment, in segment order. */
  owners: number[];
}
