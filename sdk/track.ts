/**
 * Circuits: the reference line, start/finish and official corners of a known track.
 *
 * @module
 */

/** One corner of a circuit's official list. */
export interface OfficialCorner {
  /** Official turn number (T1 = 1). */
  number: number;
  /** Name, e.g. `"Charlotte's Web"`. */
  name: string;
  /** Approximate apex, metres along the reference line from start/finish. */
  apexM: number;
  /** Turn direction. */
  direction: "left" | "right" | null;
  /** Corner type as published (hairpin, sweeper, kink, esses, chicane...). */
  type: string | null;
  /** `"flat"`, `"lift"` or `"brake"` when known. */
  character: string | null;
}

/** A stretch of a circuit whose road is tilted across its width. */
export interface BankedSection {
  /** Start, metres along the reference line from start/finish. */
  fromM: number;
  /** End, metres along the reference line (after `fromM`). */
  toM: number;
  /** Angle, degrees: positive tilts the road towards the inside of the bend, negative is off-camber. */
  deg: number;
}

/** A known circuit, as loaded from a track data file. */
export interface Track {
  /** Stable id, e.g. `"barber-motorsports-park"`. */
  slug: string;
  /** Display name. */
  name: string;
  /** Length of the reference line, m. */
  lengthM: number;
  /** Where the reference line comes from (`averaged-gps-laps`, `gpx-track`, `osm-centre-line`). */
  lineSource: string;
  /** Reference line latitudes, degrees; point 0 is on the start/finish line, points in driving order. */
  latDeg: Float64Array;
  /** Reference line longitudes, degrees. */
  lonDeg: Float64Array;
  /** Optional elevation per line point, m. */
  elevationM: Float64Array | null;
  /** Banked or off-camber stretches in lap order, where known (absent or empty: a level road). */
  banking?: readonly BankedSection[];
  /** Official corners in lap order. */
  corners: OfficialCorner[];
}

/** The circuit a session was matched to, with how well it fits. */
export interface TrackMatch {
  /** The circuit. */
  track: Track;
  /** How it was chosen: by the GPS trace or by the user's `--track` override. */
  method: "gps-trace" | "override";
  /** Fraction of the session's moving samples within a few metres of the line, 0..1. */
  fit: number;
  /** Fraction of the reference line the session drove over, 0..1. */
  coverage: number;
}
