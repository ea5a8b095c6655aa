/**
 * Grip the car showed in a session (the g-g envelope by speed, friction
 * circle, braking and traction limits, acceleration curve) and the g-g
 * diagram data for the UI.
 *
 * Accelerations are in g. Lateral is positive to the left (the sign of the
 * line's curvature); longitudinal is positive when accelerating.
 *
 * @module
 */

/** Grip shown in one speed band. Percentiles ignore bands with fewer than 50 points (null). */
export interface SpeedBandGrip {
  /** Lower edge of the band, m/s (inclusive). */
  fromMps: number;
  /** Upper edge, m/s (exclusive). */
  toMps: number;
  /** Points in the band over the laps used (one every 2.8 m). */
  points: number;
  /** 99th percentile of |lateral| g. */
  lateralG: number | null;
  /** 99th percentile of deceleration, g (positive), while nearly straight (|lateral| < 0.2 g). */
  brakingG: number | null;
  /**
   * 99th percentile of acceleration (averaged over 40 m), g, while nearly
   * straight (|lateral| < 0.2 g): the power- and traction-limited
   * acceleration curve, net of drag.
   */
  accelerationG: number | null;
  /** 99th percentile of combined g, √(lat² + long²). */
  combinedG: number | null;
}

/** The grip a session demonstrates, measured over its analysis laps. */
export interface GripEstimate {
  /** Laps measured. */
  laps: number[];
  /** Points measured: one every 2.8 m of every lap, moving faster than 5 m/s. */
  points: number;
  /** 99th percentile of |lateral| g. */
  lateralG: number;
  /** 99th percentile of deceleration while nearly straight, g. */
  brakingG: number;
  /** Highest band value of the acceleration curve: the traction limit shown, g. */
  tractionG: number;
  /** 99th percentile of combined g: the friction circle. */
  frictionCircleG: number;
  /** The g-g envelope by speed band (5 m/s bands from 5 m/s), including the acceleration curve. */
  bands: SpeedBandGrip[];
}

/** The g-g points of one lap. */
export interface LapGg {
  /** The lap's number. */
  lap: number;
  /** Lateral g at every {@linkcode GgDiagram.stepM} metres from the line. */
  latG: Float32Array;
  /** Longitudinal g at the same points. */
  longG: Float32Array;
  /** Speed at the same points, m/s (for colouring). */
  speedMps: Float32Array;
  /** The lap's envelope: largest combined g per direction sector (see {@linkcode GgDiagram.sectors}). */
  envelopeG: Float32Array;
}

/**
 * A g-g diagram of the session. Direction sector k of `sectors` covers the
 * angles [k, k + 1) · 360° / sectors of atan2(longG, latG), counter-clockwise
 * from +lateral (left): sector 0 starts at pure left cornering, a quarter of
 * the way round is pure acceleration.
 */
export interface GgDiagram {
  /** Spacing of the points along the lap, m. */
  stepM: number;
  /** Number of direction sectors of every envelope. */
  sectors: number;
  /** The session's envelope: 99th percentile of combined g per sector over every lap. */
  envelopeG: Float32Array;
  /** Per analysis lap, in lap order. */
  laps: LapGg[];
}
