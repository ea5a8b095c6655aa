/**
 * Turns scanned columns into a {@linkcode Session}: orders time, drops
 * repeated samples, reports gaps, applies the GPS quality filter. Every
 * format plugin ends its `parse` with {@linkcode buildSession}, so all
 * formats clean data the same way.
 *
 * @module
 */

import { DataError } from "./errors.ts";
import { dropImplausibleRows } from "./implausible_rows.ts";
import { limitedReporter } from "./report_limit.ts";
import type { ParseContext } from "./format.ts";
import {
  type Channels,
  type DroppedSpan,
  droppedSpanUse,
  type LapMarker,
  type Session,
  type SpeedSamples,
} from "./session.ts";

/** Raw columns as a format read them, before cleaning. */
export interface RawSession {
  /** Id of the format. */
  format: string;
  /**
   * Channels, all of one length. `timeS` may be on any axis (unix time,
   * seconds of day): it is shifted so the first kept sample is at 0.
   */
  channels: Channels;
  /** 1-based file line of each row. */
  lines: Int32Array;
  /** Unix time of `timeS = 0` on the raw axis, or `null` when unknown; shifted like `timeS`. */
  unixOffsetS: number | null;
  /** Circuit name from the file, if any. */
  trackNameHint: string | null;
  /** The logger's own start/finish crossings, on the raw time axis. */
  lapMarkers: LapMarker[];
  /** Preamble key/values. */
  metadata: Record<string, string>;
}

/** A pause longer than this many typical sample periods (and at least 1 s) is reported as a dropout. */
const GAP_FACTOR = 5;
/** A jump ahead in time is a glitch when the clock comes back within this many rows after it. */
const OUTLIER_LOOKAHEAD_ROWS = 50;
/** At most this many first rows far ahead of the rest are glitches. */
const MAX_LEADING_OUTLIERS = 3;

/**
 * Cleans raw columns into a session.
 *
 * - rows whose time does not increase are dropped (a repeated timestamp is
 *   reported as `duplicate_timestamp`, a step back as `time_backwards`);
 *   rows whose time is `NaN` are dropped unreported (the format reports why
 *   it could not read the time);
 * - a row whose time jumps ahead after which the clock comes back (within
 *   50 rows) nearer to where it was than to the jump is a glitched
 *   timestamp, and so is a first row far ahead of the rows after it: it is
 *   dropped as `time_outlier`, so one bad row never makes the rest of the
 *   file look like it goes back in time;
 * - a pause of more than 5 sample periods (≥ 1 s) is reported as `gps_dropout`
 *   at the first line after it;
 * - rows no car could log are dropped, one warning per run: a position
 *   hundreds of kilometres from the rest of the session (`position_outlier`:
 *   a logger's `0, 0` without a fix, a corrupted value) or a speed below 0
 *   or above 540 km/h (`speed_outlier`; see `implausible_rows.ts`);
 * - samples failing the GPS quality filter (`ctx.settings.gps`) are dropped,
 *   one `gps_quality` warning per contiguous stretch; their ground speeds
 *   are kept with the stretch (`speedSamples`), since Doppler speed does not
 *   depend on the position fix;
 * - every kind of stretch is listed in the session's `droppedSpans`;
 * - of each kind of warning, the first 20 are listed with their lines and
 *   the rest counted in one more;
 * - throws {@linkcode DataError} when no usable row is left.
 *
 * The session takes over the raw arrays: rows are dropped by compacting
 * each column in place, and the session's channels and `sourceLine` are
 * views of them, so the raw columns must not be used afterwards.
 */
export function buildSession(raw: RawSession, parseContext: ParseContext): Session {
  // A file with thousands of bad rows lists the first of each kind and counts the rest.
  const limited = limitedReporter(parseContext.report, parseContext.file);
  const ctx: ParseContext = { ...parseContext, report: limited.report };
  const { timeS } = raw.channels;
  const n = timeS.length;
  const keep = new Uint8Array(n);
  const period = typicalPeriod(timeS);
  const gapS = Math.max(1, GAP_FACTOR * period);
  const dropped: DroppedSpan[] = [];
  let last = -Infinity;
  let lastRow = -1;
  const leading = leadingOutliers(timeS, gapS);
  for (let i = 0; i < n; i++) {
    const t = timeS[i];
    if (i < leading && !Number.isNaN(t)) {
      ctx.report({
        severity: "warning",
        code: "time_outlier",
        file: ctx.file,
        line: raw.lines[i],
        message: "time is far ahead of the rows after it; row skipped",
      });
      continue;
    }
    if (t > last) {
      if (lastRow >= 0 && t - last > gapS && clockComesBack(timeS, i, last)) {
        ctx.report({
          severity: "warning",
          code: "time_outlier",
          file: ctx.file,
          line: raw.lines[i],
          message: `time jumps ${(t - last).toFixed(2)} s ahead of line ${
            raw.lines[lastRow]
          } and the next rows carry on from before the jump; row skipped`,
        });
        continue;
      }
      if (lastRow >= 0 && t - last > gapS) {
        dropped.push({ startS: last, endS: t, rows: 0, reason: "dropout" });
        ctx.report({
          severity: "warning",
          code: "gps_dropout",
          file: ctx.file,
          line: raw.lines[i],
          message: `${(t - last).toFixed(2)} s without data before this line (after line ${
            raw.lines[lastRow]
          })`,
        });
      }
      keep[i] = 1;
      last = t;
      lastRow = i;
    } else if (!Number.isNaN(t)) {
      const repeated = t === last;
      ctx.report({
        severity: "warning",
        code: repeated ? "duplicate_timestamp" : "time_backwards",
        file: ctx.file,
        line: raw.lines[i],
        message: repeated
          ? `timestamp repeats line ${raw.lines[lastRow]}; row skipped`
          : `time goes back ${(last - t).toFixed(3)} s; row skipped`,
      });
    }
  }
  dropImplausibleRows(raw, keep, ctx, dropped);
  filterGpsQuality(raw, keep, ctx, dropped);
  limited.summarise();
  let rows = 0;
  for (let i = 0; i < n; i++) rows += keep[i];
  if (rows < 2) {
    throw new DataError(`no usable data rows (${n} read, ${rows} left after cleaning)`, {
      file: ctx.file,
    });
  }
  const runs = keptRuns(keep);
  const t0 = timeS[runs[0]];
  const channels = {} as Channels;
  for (const [name, column] of Object.entries(raw.channels)) {
    if (column) channels[name] = compact(column, runs, rows);
  }
  const time = channels.timeS;
  for (let j = 0; j < rows; j++) time[j] -= t0;
  return {
    file: ctx.file,
    format: raw.format,
    rows,
    channels,
    sourceLine: compact(raw.lines, runs, rows),
    startUnixS: raw.unixOffsetS === null ? null : raw.unixOffsetS + t0,
    trackNameHint: raw.trackNameHint,
    lapMarkers: raw.lapMarkers.map((m) => ({ timeS: m.timeS - t0, uncertaintyS: m.uncertaintyS })),
    metadata: raw.metadata,
    droppedSpans: dropped
      .sort((a, b) => a.startS - b.startS)
      .map((span) => ({
        ...span,
        startS: span.startS - t0,
        endS: span.endS - t0,
        ...(span.speedSamples ? { speedSamples: shifted(span.speedSamples, t0) } : {}),
      })),
  };
}

/**
 * Whether, within {@linkcode OUTLIER_LOOKAHEAD_ROWS} rows after row `i`
 * (which jumps ahead of `last`), a row's time lies after `last` and nearer
 * to it than to row `i`'s: the clock carries on from before the jump.
 */
function clockComesBack(timeS: Float64Array, i: number, last: number): boolean {
  const jumped = timeS[i];
  const end = Math.min(timeS.length, i + 1 + OUTLIER_LOOKAHEAD_ROWS);
  for (let j = i + 1; j < end; j++) {
    const t = timeS[j];
    if (t > last && t - last < jumped - t) return true;
  }
  return false;
}

/**
 * How many of the first rows carry glitched timestamps: rows whose time lies
 * more than `gapS` ahead of a later row's within
 * {@linkcode OUTLIER_LOOKAHEAD_ROWS} (a first row has no earlier one for
 * the clock to come back to). More than {@linkcode MAX_LEADING_OUTLIERS}
 * such rows are a recording of their own, not a glitch: none is counted.
 */
function leadingOutliers(timeS: Float64Array, gapS: number): number {
  let i = 0;
  for (; i < timeS.length && i <= MAX_LEADING_OUTLIERS; i++) {
    const t = timeS[i];
    if (Number.isNaN(t)) continue;
    let ahead = false;
    for (let j = i + 1; j < Math.min(timeS.length, i + 1 + OUTLIER_LOOKAHEAD_ROWS) && !ahead; j++) {
      ahead = timeS[j] < t - gapS;
    }
    if (!ahead) break;
  }
  return i > MAX_LEADING_OUTLIERS ? 0 : i;
}

/** `samples` with their times moved `t0` earlier. */
function shifted(samples: SpeedSamples, t0: number): SpeedSamples {
  return { timeS: samples.timeS.map((t) => t - t0), speedMps: samples.speedMps };
}

/** The stretches of kept rows, as `[start, end)` pairs of row indexes, in order. */
function keptRuns(keep: Uint8Array): number[] {
  const runs: number[] = [];
  for (let i = keep.indexOf(1); i >= 0;) {
    const end = keep.indexOf(0, i);
    runs.push(i, end < 0 ? keep.length : end);
    i = end < 0 ? -1 : keep.indexOf(1, end);
  }
  return runs;
}

/**
 * Moves the kept rows of a column to its front, in order (one block move per
 * stretch, none for a stretch already in place), and returns them as a view.
 */
function compact<T extends Float64Array | Int32Array>(column: T, runs: readonly number[], rows: number): T {
  let to = 0;
  for (let k = 0; k < runs.length; k += 2) {
    if (runs[k] !== to) column.copyWithin(to, runs[k], runs[k + 1]);
    to += runs[k + 1] - runs[k];
  }
  return column.subarray(0, rows) as T;
}

function typicalPeriod(timeS: Float64Array): number {
  const steps: number[] = [];
  const stride = Math.max(1, Math.floor(timeS.length / 2000));
  for (let i = stride; i < timeS.length; i += stride) {
    const dt = timeS[i] - timeS[i - 1];
    if (dt > 0) steps.push(dt);
  }
  if (steps.length === 0) return 0.1;
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1];
}

/**
 * Clears `keep` for samples failing the accuracy or satellite threshold,
 * reporting each stretch once and appending it to `dropped`.
 */
function filterGpsQuality(
  raw: RawSession,
  keep: Uint8Array,
  ctx: ParseContext,
  dropped: DroppedSpan[],
): void {
  const { accuracyM, satellites, timeS, speedMps } = raw.channels;
  const { maxAccuracyM, minSatellites } = ctx.settings.gps;
  if (!accuracyM && !satellites) return;
  let spanStart = -1;
  let lastBad = -1;
  let spanReason = "";
  let spanKind: DroppedSpan["reason"] = "accuracy";
  let spanRows = 0;
  let speedRows: number[] = [];
  const close = (end: number) => {
    if (spanStart < 0) return;
    const span: DroppedSpan = {
      startS: timeS[spanStart],
      endS: timeS[end],
      rows: spanRows,
      reason: spanKind,
    };
    if (speedRows.length > 0) {
      span.speedSamples = {
        timeS: Float64Array.from(speedRows, (i) => timeS[i]),
        speedMps: Float64Array.from(speedRows, (i) => speedMps[i]),
      };
    }
    dropped.push(span);
    ctx.report({
      severity: "warning",
      code: "gps_quality",
      file: ctx.file,
      line: raw.lines[spanStart],
      message: `lines ${raw.lines[spanStart]}–${raw.lines[end]} (${
        (timeS[end] - timeS[spanStart]).toFixed(2)
      } s): ${spanReason}; ${droppedSpanUse(span)}`,
    });
    spanStart = -1;
  };
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    const acc = accuracyM ? accuracyM[i] : NaN;
    const sats = satellites ? satellites[i] : NaN;
    const kind: DroppedSpan["reason"] | null = acc > maxAccuracyM
      ? "accuracy"
      : sats < minSatellites
      ? "satellites"
      : null;
    if (kind) {
      if (spanStart < 0) {
        spanStart = i;
        spanKind = kind;
        spanRows = 0;
        speedRows = [];
        spanReason = kind === "accuracy"
          ? `GPS accuracy worse than ${maxAccuracyM} m`
          : `fewer than ${minSatellites} satellites`;
      }
      spanRows++;
      if (Number.isFinite(speedMps[i]) && speedMps[i] >= 0) speedRows.push(i);
      keep[i] = 0;
      lastBad = i;
    } else if (spanStart >= 0) close(lastBad);
  }
  if (spanStart >= 0) close(lastBad);
}
