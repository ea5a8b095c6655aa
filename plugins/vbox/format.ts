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
  checkColumnPlan,
  DataError,
  defineFormat,
  limitedReporter,
  type ParseContext,
  reportResavedFile,
  scanChannels,
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
  reportResavedFile(ctx, layout, "VBOX");
  const namesText = layout.sections["column names"]?.[0];
  if (!namesText) {
    throw new DataError("no [column names] section: the data columns cannot be identified", {
      file: ctx.file,
      line: layout.columnNamesLine,
    });
  }
  const names = namesText.split(/\s+/);
  const plan = planVboColumns(names, columnUnits(layout, names.length));
  checkColumnPlan(ctx, plan, { line: layout.columnNamesLine + 1, needs: "time, lat, long and velocity" });

  const { channels, lines } = scanChannels(bytes, ctx, {
    start: layout.dataStart,
    firstLine: layout.dataLine,
    separator: " ",
    columns: plan.columns.map((c) => ({
      ...c,
      factor: c.conversion.kind === "scale" ? c.conversion.factor : 1,
    })),
    fieldCount: names.length,
  });
  const { satellites } = channels;
  if (satellites) { for (let i = 0; i < satellites.length; i++) satellites[i] %= 64; }
  const clock = toSessionSeconds(channels.timeS);
  reportBadTimes(clock, lines, ctx);
  if (clock.invalid.length + clock.glitches.length === lines.length) {
    throw new DataError("no row has a valid time of day", { file: ctx.file, line: layout.dataLine });
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

/**
 * Reports rows whose time could not be used (the first 20 of each kind by
 * line, then a count); {@linkcode buildSession} drops them, as their time
 * is `NaN`.
 */
function reportBadTimes(clock: SessionClock, lines: Int32Array, ctx: ParseContext): void {
  const limited = limitedReporter(ctx.report, ctx.file);
  const report = (rows: readonly number[], code: string, message: string) => {
    for (const i of rows) {
      limited.report({ severity: "warning", code, file: ctx.file, line: lines[i], column: "time", message });
    }
  };
  report(clock.invalid, "bad_time", "time is not a HHMMSS.SS time of day; row skipped");
  report(
    clock.glitches,
    "time_backwards",
    "time of day goes back more than 12 hours without passing midnight; row skipped",
  );
  limited.summarise();
}

/** VBOX `.vbo` text files (Racelogic). */
export const vboxFormat = defineFormat({
  id: VBOX_FORMAT_ID,
  name: "VBOX .vbo",
  extensions: [".vbo"],
  sniff: sniffVbox,
  parse: parseVbox,
});
