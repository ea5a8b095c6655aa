/**
 * The text part of an AiM Race Studio CSV export: the quoted metadata rows
 * (`"Format","AiM CSV File"`, `"Date"`, `"Beacon Markers"`…), the channel
 * header row and its units row.
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

/** What the metadata and header rows say, and where the data rows start. */
export interface AimHeader {
  /** Metadata rows as key → value (several values joined with `,`). */
  metadata: Record<string, string>;
  /** Every value of each metadata row, by key (`"Beacon Markers"` → `["19.382", …]`). */
  metadataValues: Record<string, string[]>;
  /** 1-based line of each metadata row, by key. */
  metadataLines: Record<string, number>;
  /** Channel names, one per column. */
  names: string[];
  /** Units, one per column (`""` when there is no units row). */
  units: string[];
  /** 1-based line of the channel-name row. */
  headerLine: number;
  /** Byte offset of the first data row. */
  dataStart: number;
  /** 1-based line of the first data row. */
  dataLine: number;
  /** The file starts with a UTF-8 byte-order mark. */
  bom: boolean;
}

const MAX_HEADER_LINES = 500;
const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * Reads the metadata and header rows. The header is the first row of at
 * least three fields starting with `Time`, or naming `GPS Latitude`.
 * Throws {@linkcode DataError} when there is none.
 */
export function readAimHeader(bytes: Uint8Array, file: string): AimHeader {
  const bom = hasBom(bytes);
  const metadata: Record<string, string> = {};
  const metadataValues: Record<string, string[]> = {};
  const metadataLines: Record<string, number> = {};
  let header: TextLine | null = null;
  let names: string[] = [];
  for (const line of textLines(bytes, bom ? 3 : 0, MAX_HEADER_LINES, MAX_HEADER_BYTES)) {
    const otherSeparator = /^"[^"]*"\s*([;\t])\s*"/.exec(line.text);
    if (otherSeparator) {
      const name = otherSeparator[1] === "\t" ? "tabs" : `'${otherSeparator[1]}'`;
      throw new DataError(
        `the fields are separated by ${name}, not commas: this reader takes Race Studio's CSV export with ',' ` +
          "between fields and '.' in numbers; export it again with those settings",
        { file, line: line.line },
      );
    }
    const fields = splitCsvLine(line.text).map((f) => f.trim());
    if (
      fields.length >= 3 &&
      (fields[0].toLowerCase() === "time" || fields.some((f) => f.toLowerCase() === "gps latitude"))
    ) {
      header = line;
      names = fields;
      break;
    }
    const [key, ...values] = fields;
    if (!key) continue;
    const kept = values.filter((v) => v !== "");
    metadataValues[key] = kept;
    metadataLines[key] = line.line;
    if (kept.length > 0) metadata[key] = kept.join(",");
  }
  if (!header) {
    throw new DataError(
      `no AiM channel header row ("Time","GPS Speed",…) in the first ${MAX_HEADER_LINES} lines`,
      { file, line: 1 },
    );
  }
  // The units row follows (possibly after blank lines); the data rows come after it.
  let units: string[] = names.map(() => "");
  let dataStart = header.next;
  let dataLine = header.line + 1;
  for (const line of textLines(bytes, header.next, 20, MAX_HEADER_BYTES)) {
    if (line.text.trim() === "") continue;
    if (!looksLikeDataRow(line.text)) {
      units = splitCsvLine(line.text).map((u) => u.trim());
      while (units.length < names.length) units.push("");
      dataStart = line.next;
      dataLine = header.line + line.line + 1;
    }
    break;
  }
  return {
    metadata,
    metadataValues,
    metadataLines,
    names,
    units,
    headerLine: header.line,
    dataStart,
    dataLine,
    bom,
  };
}
