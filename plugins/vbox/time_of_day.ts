/**
 * VBOX time: `HHMMSS.SS` UTC time of day in every row, and the date in the
 * `File created on DD/MM/YYYY @ HH:MM:SS` line.
 *
 * @module
 */

const DAY_S = 86400;
/** A step back in time of day of more than this may be a pass through midnight. */
const WRAP_S = DAY_S / 2;
/** ...and is one when the step forward across midnight is at most this; otherwise the time is a glitch. */
const MIDNIGHT_STEP_S = 3600;

/**
 * `140500.04` → `50700040` (14:05:00.04 in whole milliseconds of the day);
 * `NaN` when it is not a time of day (hours 24+, minutes or seconds 60+).
 */
export function hhmmssToMs(value: number): number {
  if (!(value >= 0)) return NaN;
  const ms = Math.round(value * 1000); // HHMMSSsss
  const hours = Math.floor(ms / 10_000_000);
  const minutes = Math.floor(ms / 100_000) % 100;
  const secondsMs = ms % 100_000;
  if (hours >= 24 || minutes >= 60 || secondsMs >= 60_000) return NaN;
  return hours * 3_600_000 + minutes * 60_000 + secondsMs;
}

/** Where {@linkcode toSessionSeconds} put the time axis. */
export interface SessionClock {
  /** Seconds of day (UTC) of the first valid sample, which is `0` on the new axis; `NaN` when none is valid. */
  firstTimeOfDayS: number;
  /** Indexes of values that are not a time of day (set to `NaN`). */
  invalid: number[];
  /**
   * Indexes of times of day more than 12 hours before the previous sample's
   * without being the next step across midnight (a glitched clock; set to
   * `NaN`, so the rows after them keep their day).
   */
  glitches: number[];
}

/**
 * Converts a column of `HHMMSS.SS` values in place to seconds after the
 * first valid sample, computed in whole milliseconds so that steps come
 * out as clean decimals. When the time of day falls by more than 12 hours
 * and the step forward across midnight is at most an hour, the log has
 * passed midnight: that sample and every later one get another 86,400 s.
 * Any other fall of more than 12 hours is a glitched sample.
 */
export function toSessionSeconds(times: Float64Array): SessionClock {
  const invalid: number[] = [], glitches: number[] = [];
  let firstMs = NaN;
  let dayOffsetMs = 0;
  let lastMs = NaN;
  for (let i = 0; i < times.length; i++) {
    let ms = hhmmssToMs(times[i]);
    if (Number.isNaN(ms)) {
      invalid.push(i);
      times[i] = NaN;
      continue;
    }
    if (Number.isNaN(firstMs)) firstMs = ms;
    ms += dayOffsetMs;
    if (ms < lastMs - WRAP_S * 1000) {
      if (ms + DAY_S * 1000 - lastMs > MIDNIGHT_STEP_S * 1000) {
        glitches.push(i);
        times[i] = NaN;
        continue;
      }
      dayOffsetMs += DAY_S * 1000;
      ms += DAY_S * 1000;
    }
    times[i] = (ms - firstMs) / 1000;
    lastMs = ms;
  }
  return { firstTimeOfDayS: firstMs / 1000, invalid, glitches };
}

/** What the creation line says. */
export interface FileCreated {
  /** Unix time of 00:00 UTC on the creation date. */
  midnightUnixS: number;
  /** Seconds of day of the creation time (0 when the line gives no time). */
  timeOfDayS: number;
  /** The date and time in ISO 8601, e.g. `2026-06-14T14:05:00Z`. */
  iso: string;
}

/** Reads `File created on 14/06/2026 @ 14:05:00` (day first); `null` when there is no such date. */
export function parseFileCreated(line: string): FileCreated | null {
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*@?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(line);
  if (!m) return null;
  const day = Number(m[1]), month = Number(m[2]), year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const midnightMs = Date.UTC(year, month - 1, day);
  if (new Date(midnightMs).getUTCDate() !== day) return null; // 31/02 and the like
  const hh = Number(m[4] ?? 0), mm = Number(m[5] ?? 0), ss = Number(m[6] ?? 0);
  const timeOfDayS = hh * 3600 + mm * 60 + ss;
  return {
    midnightUnixS: midnightMs / 1000,
    timeOfDayS,
    iso: new Date(midnightMs + timeOfDayS * 1000).toISOString().replace(".000Z", "Z"),
  };
}

/**
 * Unix time of 00:00 UTC on the day of the first sample: the creation date,
 * or the day before when the first sample's time of day is more than 12
 * hours after the creation time (logging began before midnight).
 */
export function sessionMidnightUnixS(created: FileCreated, firstTimeOfDayS: number): number {
  return firstTimeOfDayS - created.timeOfDayS > WRAP_S
    ? created.midnightUnixS - DAY_S
    : created.midnightUnixS;
}
