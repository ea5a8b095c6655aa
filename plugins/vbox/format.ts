/**
 * The VBOX `.vbo` format: sections read as text, space-separated data rows
 * scanned as bytes; latitude/longitude in minutes (longitude positive
 * west), velocity in km/h, time as UTC `HHMMSS.SS`.
 *
 * @module
 */

import {
  buildSession,
  type Channels,
  DataError,
  defineFormat,
  type FormatDefinition,
  type ParseContext,
  scanNumericTable,
  type Session,
} from "../../sdk/mod.ts";
import { planVboColumns } from "./columns.ts";
import { readVboLayout, type VboLayout } from "./sections.ts";
import {
  parseFileCreated,
  type SessionClock,
  sessionMidnightUnixS,
  toSessionSeconds,
} from "./time_of_day.ts";

/** Id of the format (and of the sessions it produces). */
export const VBOX_FORMAT_ID = "vbox";

/** True for the head of a `.vbo` file: a `[header]` section and a `[column names]` or `[data]` section. */
export function sniffVbox(head: string): boolean {
  return /^\s*\[header\]\s*$/im.test(head) && /^\s*\[(column names|data)\]\s*$/im.test(head);
}

/** Reads a VBOX `.vbo` file into a session (raw time axis: seconds after the first sample). */
export function parseVbox(bytes: Uint8Array, ctx: ParseContext): Session {
  ctx.signal.throwIfAborted();
  const layout = readVboLayout(bytes, ctx.file);
  if (layout.bom) {
    ctx.report({
      severity: "info",
      code: "bom",
      file: ctx.file,
      line: 1,
      message: "file starts with a UTF-8 byte-order mark (re-saved by another program?); read normally",
    });
  }
  const namesText = layout.sections["column names"]?.[0];
  if (!namesText) {
    throw new DataError("no [column names] section: the data columns cannot be identified", {
      file: ctx.file,
      line: layout.columnNamesLine,
    });
  }
  const names = namesText.split(/\s+/);
  const plan = planVboColumns(names, columnUnits(layout, names.length));
  if (plan.missing.length > 0) {
    throw new DataError(
      `VBOX [column names] lacks required column(s): ${
        plan.missing.join(", ")
      }; needs time, lat, long and velocity`,
      { file: ctx.file, line: layout.columnNamesLine + 1 },
    );
  }

  const table = scanNumericTable(bytes, {
    file: ctx.file,
    start: layout.dataStart,
    firstLine: layout.dataLine,
    separator: " ",
    columns: plan.columns.map((c) => ({ field: c.field, name: c.name, required: c.required })),
    fieldCount: names.length,
    report: ctx.report,
  });
  ctx.signal.throwIfAborted();
  if (table.rows === 0) {
    throw new DataError(
      `no usable data rows after [data] (line ${layout.dataLine} on): every row lacks a usable time, lat, long ` +
        `or velocity`,
      { file: ctx.file, line: layout.dataLine },
    );
  }

  let channels: Record<string, Float64Array> = {};
  let lines = table.lines;
  let clock: SessionClock = { firstTimeOfDayS: NaN, invalid: [] };
  plan.columns.forEach((c, k) => {
    const column = table.values[k];
    channels[c.channel] = column;
    if (c.conversion.kind === "timeOfDay") clock = toSessionSeconds(column);
    else if (c.conversion.kind === "satellites") {
      for (let i = 0; i < column.length; i++) column[i] %= 64;
    } else if (c.conversion.factor !== 1) {
      const factor = c.conversion.factor;
      for (let i = 0; i < column.length; i++) column[i] *= factor;
    }
  });
  const badTimes = clock.invalid;
  if (badTimes.length > 0) {
    for (const i of badTimes.slice(0, 20)) {
      ctx.report({
        severity: "warning",
        code: "bad_time",
        file: ctx.file,
        line: lines[i],
        column: "time",
        message: "time is not a HHMMSS.SS time of day; row skipped",
      });
    }
    if (badTimes.length > 20) {
      ctx.report({
        severity: "warning",
        code: "bad_time",
        file: ctx.file,
        message: `${badTimes.length - 20} more 'bad_time' problems not listed`,
      });
    }
    ({ channels, lines } = dropRows(channels, lines, badTimes));
    if (lines.length === 0) {
      throw new DataError("no row has a valid time of day", { file: ctx.file, line: layout.dataLine });
    }
  }

  const created = parseFileCreated(layout.firstLine);
  const metadata: Record<string, string> = {};
  if (layout.firstLine) metadata.fileCreatedLine = layout.firstLine;
  if (created) metadata.created = created.iso;
  else {
    ctx.report({
      severity: "info",
      code: "no_date",
      file: ctx.file,
      line: 1,
      message: "no 'File created on DD/MM/YYYY' line; the session's date and start time are unknown",
    });
  }
  const comments = layout.sections.comments ?? [];
  if (comments.length > 0) metadata.comments = comments.join("\n");
  const trackNameHint = trackFromComments(comments);
  if (trackNameHint) metadata.track = trackNameHint;

  return buildSession({
    format: VBOX_FORMAT_ID,
    channels: channels as Channels,
    lines,
    // The raw axis counts from the first sample; its unix time is its day's midnight plus its time of day.
    unixOffsetS: created
      ? sessionMidnightUnixS(created, clock.firstTimeOfDayS) + clock.firstTimeOfDayS
      : null,
    trackNameHint,
    lapMarkers: [],
    metadata,
  }, ctx);
}

/**
 * The unit text of each column: the `[channel units]` entries when there
 * is one per column, else the `[header]` channel descriptions (such as
 * `velocity kmh`) when there is one per column, else nothing.
 */
function columnUnits(layout: VboLayout, count: number): string[] {
  const units = layout.sections["channel units"] ?? [];
  if (units.length === count) return units;
  const header = layout.sections.header ?? [];
  if (header.length === count) return header;
  return new Array<string>(count).fill("");
}

/** `Track: Barber Motorsports Park` (or `Circuit:`, `Venue:`) in the comments. */
function trackFromComments(comments: readonly string[]): string | null {
  for (const line of comments) {
    const m = /^(?:track|circuit|venue)\s*[:=]\s*(.+)$/i.exec(line);
    if (m) return m[1].trim();
  }
  return null;
}

/** Removes the rows at `drop` (ascending indexes) from every column and the line numbers, in place. */
function dropRows(
  channels: Record<string, Float64Array>,
  lines: Int32Array,
  drop: readonly number[],
): { channels: Record<string, Float64Array>; lines: Int32Array } {
  const keep = new Uint8Array(lines.length).fill(1);
  for (const i of drop) keep[i] = 0;
  const compact = <T extends Float64Array | Int32Array>(column: T): T => {
    let j = 0;
    for (let i = 0; i < column.length; i++) if (keep[i]) column[j++] = column[i];
    return column.subarray(0, j) as T;
  };
  const out: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(channels)) out[name] = compact(column);
  return { channels: out, lines: compact(lines) };
}

/** VBOX `.vbo` text files (Racelogic). */
export const vboxFormat: FormatDefinition = defineFormat({
  id: VBOX_FORMAT_ID,
  name: "VBOX .vbo",
  extensions: [".vbo"],
  sniff: sniffVbox,
  parse: parseVbox,
});
