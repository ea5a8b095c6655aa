/**
 * The RaceChrono CSV v3 format: preamble and header rows read as text,
 * data rows scanned as bytes, columns mapped by (name, unit, source).
 *
 * @module
 */

import {
  buildSession,
  type Channels,
  checkColumnPlan,
  DataError,
  defineFormat,
  type ParseContext,
  reportResavedFile,
  scanChannels,
  type Session,
} from "../../sdk/mod.ts";
import { planColumns } from "./columns.ts";
import { readRaceChronoHeader } from "./header.ts";
import { lapMarkersFromLapNumbers } from "./lap_markers.ts";

/** Id of the format (and of the sessions it produces). */
export const RACECHRONO_FORMAT_ID = "racechrono";

/**
 * True for the head of a RaceChrono CSV: the first line names RaceChrono,
 * or a `Format,3` preamble line is followed by a header naming
 * `timestamp` and `latitude`.
 */
export function sniffRaceChrono(head: string): boolean {
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  if (/racechrono/i.test(firstLine)) return true;
  return /^Format,3\s*$/m.test(head) && /^timestamp,(?:[^\n]*,)?latitude(?:,|\s*$)/m.test(head);
}

/** Reads a RaceChrono CSV v3 export into a session (raw time axis: unix time less a whole-second base). */
export function parseRaceChrono(bytes: Uint8Array, ctx: ParseContext): Session {
  ctx.signal.throwIfAborted();
  const header = readRaceChronoHeader(bytes, ctx.file);
  reportResavedFile(ctx, header, "RaceChrono");
  const plan = planColumns(header.names, header.units, header.sources);
  checkColumnPlan(ctx, plan, { line: header.headerLine, needs: "timestamp, latitude, longitude and speed" });
  const speed = plan.columns.find((c) => c.channel === "speedMps")!;
  if (!speed.source.toLowerCase().includes("gps")) {
    ctx.report({
      severity: "info",
      code: "speed_source",
      file: ctx.file,
      line: header.headerLine + 2,
      message: `no GPS speed column; speed taken from source '${speed.source || "unknown"}'`,
    });
  }
  if (header.dataStart >= bytes.length) {
    throw new DataError("the file ends after its header: no data rows", {
      file: ctx.file,
      line: header.headerLine,
    });
  }

  const { channels, lines } = scanChannels(bytes, ctx, {
    start: header.dataStart,
    firstLine: header.dataLine,
    separator: ",",
    columns: plan.columns,
    fieldCount: header.names.length,
  });
  const lapNumber = channels.lapNumber;
  delete channels.lapNumber;
  const unixBaseS = toSecondsAfterBase(channels.timeS);
  const lapMarkers = lapNumber ? lapMarkersFromLapNumbers(channels.timeS, lapNumber) : [];

  return buildSession({
    format: RACECHRONO_FORMAT_ID,
    channels: channels as Channels,
    lines,
    unixOffsetS: unixBaseS,
    trackNameHint: header.trackName,
    lapMarkers,
    metadata: header.metadata,
  }, ctx);
}

/**
 * Turns unix timestamps into seconds after the whole second of the first
 * one, rounded to the microsecond: a double near 1.8e9 carries about 1e-7 s
 * of rounding, which would otherwise show in every time (0.0399999… for
 * 0.04). Returns the base, the unix time of `0` on the new axis.
 */
function toSecondsAfterBase(timeS: Float64Array): number {
  const base = Math.floor(timeS[0]);
  for (let i = 0; i < timeS.length; i++) timeS[i] = Math.round((timeS[i] - base) * 1e6) / 1e6;
  return base;
}

/** RaceChrono CSV v3, as exported by the RaceChrono app. */
export const raceChronoFormat = defineFormat({
  id: RACECHRONO_FORMAT_ID,
  name: "RaceChrono CSV v3",
  extensions: [".csv"],
  sniff: sniffRaceChrono,
  parse: parseRaceChrono,
});
