/**
 * Equal-distance mini-sectors: per-lap times, best per sector and who owns it.
 *
 * @module
 */

/** One mini-sector. */
export interface Sector {
  /** 1-based index. */
  index: number;
  /** Start, m from the line. */
  startM: number;
  /** End, m. */
  endM: number;
  /** Fastest time over the analysed laps, s. */
  bestS: number;
  /** Lap that owns it. */
  bestLap: number;
}

/** Mini-sectors of a session. */
export interface Sectors {
  /** The sectors, in lap order. */
  sectors: Sector[];
  /** Per analysed lap, its time in each sector, s (same order as `sectors`). */
  laps: { lap: number; timesS: number[] }[];
  /** Σ best sector times, s. */
  theoreticalBestS: number;
}
