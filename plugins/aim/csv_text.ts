/**
 * Text helpers for the metadata and header rows of an AiM CSV: line
 * iteration over raw bytes and CSV field splitting. Data rows never go
 * through here (they are scanned as bytes).
 *
 * @module
 */

/** One line of text and where it sits in the file. */
export interface TextLine {
  /** The line without its line end (CR or CRLF removed). */
  text: string;
  /** 1-based line number. */
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

/** Whether the bytes start with a UTF-8 byte-order mark. */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Yields the lines from byte `start` on, decoded as UTF-8, stopping after
 * `maxLines` lines or once `maxBytes` bytes have been read.
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
