/**
 * The AiM Race Studio CSV format: quoted metadata and header rows read as
 * text, quoted data rows scanned as bytes, columns mapped by name and unit,
 * beacon markers turned into lap markers.
 *
 * @module
 */

import {
  buildSession,
  type Channels,
  checkColumnPlan,
  defineFormat,
  type LapMarker,
  type ParseContext,
  reportResavedFile,
  scanChannels,
  type Session,
} from "../../sdk/mod.ts";
import { planAimColumns } from "./columns.ts";
import { aimStartUnixS } from "./date_time.ts";
import { readAimHeader } from "./header.ts";

/** Id of the format (and of the sessions it produces). */
export const AIM_FORMAT_ID = "aim";

/** Half-width of a beacon marker's interval, s: AiM writes them to the millisecond. */
const BEACON_UNCERTAINTY_S = 0.0005;

/**
 * True for the head of an AiM CSV export: a `"Format","AiM CSV File"` row,
 * or a quoted header row starting with `"Time"` that names `"GPS Latitude"`.
 */
export function sniffAim(head: string): boolean {
  // Any separator: a file saved with another one is claimed, to be refused with the reason.
  return /^"Format"\s*[,;\t]\s*"AiM CSV File"/im.test(head) ||
    /^"Time"\s*[,;\t][^\n]*"GPS Latitude"/im.test(head);
}

/** Reads an AiM CSV export into a session (raw time axis: the `Time` column, s). */
export function parseAim(bytes: Uint8Array, ctx: ParseContext): Session {
  ctx.signal.throwIfAborted();
  const header = readAimHeader(bytes, ctx.file);
  reportResavedFile(ctx, header, "Race Studio");
  const plan = planAimColumns(header.names, header.units);
  checkColumnPlan(ctx, plan, {
    line: header.headerLine,
    needs: "Time, GPS Latitude, GPS Longitude and GPS Speed",
  });

  const { channels, lines } = scanChannels(bytes, ctx, {
    start: header.dataStart,
    firstLine: header.dataLine,
    separator: ",",
    columns: plan.columns,
    fieldCount: header.names.length,
  });
  const timeFactor = plan.columns[0].factor; // the Time rule comes first
  const lapMarkers = beaconMarkers(
    header.metadataValues["Beacon Markers"] ?? [],
    timeFactor,
    header.metadataLines["Beacon Markers"],
    ctx,
  );

  const startUnixS = aimStartUnixS(header.metadata.Date, header.metadata.Time);
  if (startUnixS === null) {
    ctx.report({
      severity: "info",
      code: "no_date",
      file: ctx.file,
      line: 1,
      message: `Date '${header.metadata.Date ?? ""}' / Time '${header.metadata.Time ?? ""}' not readable; ` +
        `the session's start time is unknown`,
    });
  }
  const metadata = { ...header.metadata };
  if (startUnixS !== null) metadata.start = new Date(startUnixS * 1000).toISOString().replace(".000Z", "Z");

  return buildSession({
    format: AIM_FORMAT_ID,
    channels: channels as Channels,
    lines,
    // `Date` and `Time` give the start of the log, where the Time column is 0.
    unixOffsetS: startUnixS,
    trackNameHint: trackName(header.metadata),
    lapMarkers,
    metadata,
  }, ctx);
}

/** Beacon marker times (session seconds, in the Time column's unit) as exact lap markers; unreadable ones are reported. */
function beaconMarkers(
  values: readonly string[],
  timeFactor: number,
  line: number | undefined,
  ctx: ParseContext,
): LapMarker[] {
  const markers: LapMarker[] = [];
  for (const value of values) {
    const t = Number(value);
    if (value.trim() === "" || !Number.isFinite(t)) {
      ctx.report({
        severity: "warning",
        code: "bad_beacon",
        file: ctx.file,
        line,
        message: `beacon marker '${value}' is not a time; ignored`,
      });
      continue;
    }
    markers.push({ timeS: t * timeFactor, uncertaintyS: BEACON_UNCERTAINTY_S });
  }
  return markers;
}

/** The circuit from `Venue` (or `Track`, `Circuit`), else from `Comment`, where exports often put it. */
function trackName(metadata: Record<string, string>): string | null {
  for (const key of ["Venue", "Track", "Circuit", "Comment"]) {
    const value = metadata[key]?.trim();
    if (value) return value;
  }
  return null;
}

/** AiM Race Studio CSV exports. */
export const aimFormat = defineFormat({
  id: AIM_FORMAT_ID,
  name: "AiM Race Studio CSV",
  extensions: [".csv"],
  sniff: sniffAim,
  parse: parseAim,
});
