/**
 * The text part of a RaceChrono CSV v3 export: the key/value preamble and
 * the three header rows (channel names, units, sources).
 *
 * @module
 */

import {
  DataError,
  hasBom,
  looksLikeDataRow,
  splitCsvLine,
  type TextLine,
  textLines,
} from "../../sdk/mod.ts";

/** What the preamble and header rows say, and where the data rows start. */
export interface RaceChronoHeader {
  /** Preamble key/values as written (`"Track name"`, `"Created"`…), plus `racechronoVersion` and `created` (ISO). */
  metadata: Record<string, string>;
  /** The preamble's `Track name`, or `null` when absent or empty. */
  trackName: string | null;
  /** Channel names, one per column (names repeat). */
  names: string[];
  /** Units, one per column (`""` when the file has no units row or leaves it empty). */
  units: string[];
  /** Sources (`"100: gps"`, `"calc"`…), one per column (`""` when not given). */
  sources: string[];
  /** 1-based line of the channel-name row. */
  headerLine: number;
  /** Byte offset of the first data row. */
  dataStart: number;
  /** 1-based line of the first data row. */
  dataLine: number;
  /** The file starts with a UTF-8 byte-order mark. */
  bom: boolean;
  /** The header uses CRLF line ends. */
  crlf: boolean;
}

/** Channel names that mark the channel-name row: it has at least two of them. */
const HEADER_MARKERS = new Set([
  "timestamp",
  "fragment_id",
  "lap_number",
  "elapsed_time",
  "distance_traveled",
  "accuracy",
  "altitude",
  "bearing",
  "latitude",
  "longitude",
  "satellites",
  "speed",
]);
/** How far the header may be from the start of the file. */
const MAX_HEADER_LINES = 200;
const MAX_HEADER_BYTES = 256 * 1024;

/**
 * Reads the preamble and the header rows. Throws {@linkcode DataError}
 * when no channel-name row is found near the start of the file.
 */
export function readRaceChronoHeader(bytes: Uint8Array, file: string): RaceChronoHeader {
  const bom = hasBom(bytes);
  const metadata: Record<string, string> = {};
  let trackName: string | null = null;
  const lines = textLines(bytes, bom ? 3 : 0, MAX_HEADER_LINES, MAX_HEADER_BYTES);
  let header: TextLine | null = null;
  // A channel-name row with another separator: the file was re-saved by a spreadsheet in another locale.
  let foreign: { line: number; separator: string } | null = null;
  let first = true;
  let crlf = false;
  for (const line of lines) {
    if (first) crlf = line.crlf;
    const fields = splitCsvLine(line.text).map((f) => f.trim());
    if (fields.filter((f) => HEADER_MARKERS.has(f.toLowerCase())).length >= 2) {
      header = line;
      break;
    }
    const otherSeparator = /^timestamp\s*([;\t|])/i.exec(line.text);
    if (otherSeparator && !foreign) foreign = { line: line.line, separator: otherSeparator[1] };
    if (first) {
      const version = /RaceChrono\s+v?(\d+(?:\.\d+)*)/i.exec(line.text);
      if (version) metadata.racechronoVersion = version[1];
      first = false;
      if (version || fields.length < 2) continue;
    }
    const [key, ...rest] = fields;
    const value = rest.filter((f) => f !== "").join(",");
    if (!key || !value) continue;
    metadata[key] = value;
    if (key.toLowerCase() === "track name") trackName = value;
    if (key.toLowerCase() === "created") {
      const iso = createdIso(rest);
      if (iso) metadata.created = iso;
    }
  }
  if (!header && foreign) {
    const name = foreign.separator === "\t" ? "tabs" : `'${foreign.separator}'`;
    throw new DataError(
      `the channel names are separated by ${name}, not commas: RaceChrono CSV v3 uses ',' between fields and '.' ` +
        "in numbers (a spreadsheet may have saved it in another locale); export the session from RaceChrono again",
      { file, line: foreign.line },
    );
  }
  if (!header) {
    throw new DataError(
      `no RaceChrono channel-name row (timestamp, latitude, longitude, speed…) in the first ${MAX_HEADER_LINES} lines`,
      { file, line: 1 },
    );
  }
  const names = splitCsvLine(header.text).map((f) => f.trim());
  // The units and sources rows follow; tolerate a file that lacks them (data straight after the names).
  const rest: TextLine[] = [];
  for (const line of textLines(bytes, header.next, 2, MAX_HEADER_BYTES)) {
    if (looksLikeDataRow(line.text)) break;
    rest.push(line);
  }
  const units = padded(rest[0] ? splitCsvLine(rest[0].text) : [], names.length);
  const sources = padded(rest[1] ? splitCsvLine(rest[1].text) : [], names.length);
  const last = rest.length > 0 ? rest[rest.length - 1] : header;
  return {
    metadata,
    trackName,
    names,
    units,
    sources,
    headerLine: header.line,
    dataStart: last.next,
    dataLine: header.line + rest.length + 1,
    bom,
    crlf,
  };
}

/** `["14/06/2026", "14:05"]` (RaceChrono writes DD/MM/YYYY) → `"2026-06-14T14:05"`, or `null`. */
export function createdIso(parts: readonly string[]): string | null {
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(parts[0]?.trim() ?? "");
  if (!date) return null;
  const [, dd, mm, yyyy] = date;
  const day = Number(dd), month = Number(mm);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  let iso = `${yyyy}-${mm.padStart(2, "0")}-${dd.padStart(2, "0")}`;
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(parts[1]?.trim() ?? "");
  if (time) iso += `T${time[1].padStart(2, "0")}:${time[2]}${time[3] ? `:${time[3]}` : ""}`;
  return iso;
}

function padded(fields: string[], length: number): string[] {
  const out = fields.slice(0, length).map((f) => f.trim());
  while (out.length < length) out.push("");
  return out;
}
