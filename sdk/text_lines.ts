/**
 * Text helpers for the preamble and header of a logger file, for format
 * authors: line iteration over raw bytes, byte-order-mark detection, CSV
 * field splitting, and the notice for a file another program re-saved.
 * Data rows never go through here (`scanNumericTable` reads them as bytes).
 *
 * @module
 */

import type { ParseContext } from "./format.ts";

/** One line of text and where it sits in the file. */
export interface TextLine {
  /** The line without its line end (CR or CRLF removed). */
  text: string;
  /** 1-based line number, counted from the line at `start` of {@linkcode textLines}. */
  line: number;
  /** Byte offset of the line's first byte. */
  start: number;
  /** Byte offset just after the line end (the next line's start). */
  next: number;
  /** Whether the line ended with CRLF. */
  crlf: boolean;
}

const LF = 10;
const CR = 13;
const decoder = new TextDecoder();

/**
 * Whether the bytes start with a UTF-8 byte-order mark (3 bytes; a format
 * starts reading after it).
 *
 * @example
 * ```ts
 * import { hasBom } from "./text_lines.ts";
 * console.assert(hasBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])));
 * ```
 */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Yields the lines from byte `start` on, decoded as UTF-8, stopping after
 * `maxLines` lines or once `maxBytes` bytes have been read. Use
 * `line.next` as the byte offset where the data rows start.
 *
 * @example
 * ```ts
 * import { textLines } from "./text_lines.ts";
 * const bytes = new TextEncoder().encode("name,unit\r\ntime,s\r\n0,1\r\n");
 * const [first, second] = textLines(bytes, 0, 2, 4096);
 * console.assert(first.text === "name,unit" && first.crlf && second.next === 19);
 * ```
 */
export function* textLines(
  bytes: Uint8Array,
  start: number,
  maxLines: number,
  maxBytes: number,
): Generator<TextLine> {
  let pos = start;
  const stop = Math.min(bytes.length, start + maxBytes);
  for (let line = 1; line <= maxLines && pos < stop; line++) {
    let end = bytes.indexOf(LF, pos);
    const next = end === -1 ? bytes.length : end + 1;
    if (end === -1) end = bytes.length;
    const crlf = end > pos && bytes[end - 1] === CR;
    const text = decoder.decode(bytes.subarray(pos, crlf ? end - 1 : end));
    yield { text, line, start: pos, next, crlf };
    pos = next;
  }
}

/**
 * Splits one CSV line into fields. Double-quoted fields may hold commas;
 * `""` inside quotes is a literal quote. Fields are not trimmed.
 *
 * @example
 * ```ts
 * import { splitCsvLine } from "./text_lines.ts";
 * const fields = splitCsvLine('"Venue","Barber, AL",3');
 * console.assert(fields.length === 3 && fields[1] === "Barber, AL");
 * ```
 */
export function splitCsvLine(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Whether a line is a data row rather than a header row: its first field
 * (quoted or not) is a plain number. A header row's first field is a name,
 * a unit or empty; a sources row such as `102: gyro` is not a number
 * either.
 *
 * @example
 * ```ts
 * import { looksLikeDataRow } from "./text_lines.ts";
 * console.assert(looksLikeDataRow('"0.04","12.5"') && looksLikeDataRow("1781446514.64,0"));
 * console.assert(!looksLikeDataRow("102: gyro,calc") && !looksLikeDataRow(",100: gps") && !looksLikeDataRow('"s","km/h"'));
 * ```
 */
export function looksLikeDataRow(text: string): boolean {
  return /^\s*"?[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"?\s*([,;\t ]|$)/.test(text);
}

/** What a format found at the start of a file. */
export interface ResavedSigns {
  /** The file starts with a UTF-8 byte-order mark. */
  bom: boolean;
  /** The file has CRLF line ends although the logger writes LF (leave out for loggers that write CRLF). */
  crlf?: boolean;
}

/**
 * Reports the signs found, if any, as one `info` at line 1 (code `bom`,
 * `crlf` or `bom_crlf`): the file is read normally, but the driver may want
 * to know it is not the logger's original. `logger` names the program that
 * writes the format, e.g. `"RaceChrono"`.
 *
 * @example
 * ```ts
 * import { reportResavedFile } from "./text_lines.ts";
 * import { DEFAULT_SETTINGS } from "./settings.ts";
 * const codes: (string | undefined)[] = [];
 * const ctx = {
 *   file: "s.csv", settings: DEFAULT_SETTINGS, signal: new AbortController().signal,
 *   report: (d: { code?: string }) => codes.push(d.code),
 * };
 * reportResavedFile(ctx, { bom: true, crlf: true }, "RaceChrono");
 * console.assert(codes[0] === "bom_crlf");
 * ```
 */
export function reportResavedFile(ctx: ParseContext, signs: ResavedSigns, logger: string): void {
  const { bom, crlf = false } = signs;
  if (!bom && !crlf) return;
  const found = [bom && "a UTF-8 byte-order mark", crlf && "CRLF line ends"].filter(Boolean).join(" and ");
  ctx.report({
    severity: "info",
    code: bom && crlf ? "bom_crlf" : bom ? "bom" : "crlf",
    file: ctx.file,
    line: 1,
    message: `file has ${found} (not what ${logger} writes; re-saved by another program?); read normally`,
  });
}
