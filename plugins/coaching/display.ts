/**
 * How numbers are written in the prompt context and in the offline coach's
 * text: one precision per quantity, so a number quoted in a report can be
 * traced back to the context (see `number_check.ts`).
 *
 * @module
 */

/** Seconds, 2 decimals: `0.43`. */
export const seconds = (s: number): string => s.toFixed(2);
/** Lap time, s, 2 decimals: `103.06`. */
export const lapTime = (s: number): string => s.toFixed(2);
/** Speed, km/h, 1 decimal: `95.2`. */
export const kmh = (v: number): string => v.toFixed(1);
/** Position along the lap, m, whole metres: `412`. */
export const metres = (m: number): string => m.toFixed(0);
/** A spread (standard deviation) or a gap, m or km/h, 1 decimal: `4.2`. */
export const spread = (x: number): string => x.toFixed(1);
/** Acceleration, g, 2 decimals: `0.85`. */
export const gForce = (g: number): string => g.toFixed(2);
/** A 0..100 score, whole: `78`. */
export const score = (x: number): string => x.toFixed(0);
/** A signed gap with its sign: `+4.9`, `-5.0`. */
export const signed = (x: number, digits = 1): string =>
  `${x >= 0 ? "+" : "-"}${Math.abs(x).toFixed(digits)}`;
/** A value or `-` when missing. */
export const orDash = <T>(value: T | null | undefined, write: (v: T) => string): string =>
  value === null || value === undefined ? "-" : write(value);
