/**
 * The text part of a VBOX `.vbo` file: the creation line and the
 * `[section]` blocks before `[data]`.
 *
 * @module
 */

import { DataError, hasBom, textLines } from "../../sdk/mod.ts";

/** The sections of a `.vbo` file and where its data rows start. */
export interface VboLayout {
  /** The first line when it is not a section (`File created on 14/06/2026 @ 14:05:00`), else `""`. */
  firstLine: string;
  /** Non-blank lines of each section before `[data]`, by lower-case section name (`"column names"`…), trimmed. */
  sections: Record<string, string[]>;
  /** Byte offset of the first data row (the line after `[data]`). */
  dataStart: number;
  /** 1-based line of the first data row. */
  dataLine: number;
  /** 1-based line of the `[column names]` heading, or of `[data]` when there is none. */
  columnNamesLine: number;
  /** The file starts with a UTF-8 byte-order mark. */
  bom: boolean;
}

/** How far `[data]` may be from the start of the file. */
const MAX_HEADER_LINES = 2000;
const MAX_HEADER_BYTES = 512 * 1024;

/** Reads everything before the data rows. Throws {@linkcode DataError} when there is no `[data]` section. */
export function readVboLayout(bytes: Uint8Array, file: string): VboLayout {
  const bom = hasBom(bytes);
  const sections: Record<string, string[]> = {};
  let firstLine = "";
  let current: string[] | null = null;
  let columnNamesLine = 0;
  for (const { text: raw, line, next } of textLines(bytes, bom ? 3 : 0, MAX_HEADER_LINES, MAX_HEADER_BYTES)) {
    const text = raw.trim();
    const heading = /^\[([^\]]+)\]$/.exec(text);
    if (heading) {
      const name = heading[1].trim().toLowerCase();
      if (name === "column names") columnNamesLine = line;
      if (name === "data") {
        return {
          firstLine,
          sections,
          dataStart: next,
          dataLine: line + 1,
          columnNamesLine: columnNamesLine || line,
          bom,
        };
      }
      current = sections[name] ??= [];
    } else if (line === 1) firstLine = text;
    else if (current && text !== "") current.push(text);
  }
  throw new DataError("no [data] section in the first part of the file; is this a VBOX .vbo file?", {
    file,
    line: 1,
  });
}
