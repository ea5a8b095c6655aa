/**
 * From a file's columns to session channels: checking the columns a format
 * chose from the header, then reading the data rows straight into
 * channels, converted to their units. The usual middle of a format's
 * `parse`, between reading the header and {@linkcode buildSession}.
 *
 * @module
 */

import { DataError } from "./errors.ts";
import type { ParseContext } from "./format.ts";
import { type ColumnSpec, scanNumericTable, type TableSpec } from "./table_scanner.ts";

/** A column of the data rows and the session channel it feeds. */
export interface ChannelColumn extends ColumnSpec {
  /** Channel name, e.g. `"speedMps"` (`factor` converts the file's unit to the channel's). */
  channel: string;
}

/** The columns a format chose from a file's header, and what it could not find. */
export interface ColumnPlan {
  /** The chosen columns. */
  columns: readonly ChannelColumn[];
  /** Required channels without a usable column, each with the reason, e.g. `"speed (no such column)"`. */
  missing: readonly string[];
  /** Columns present in a unit the format does not convert, e.g. `"speed in 'furlongs'"`. */
  unknownUnits?: readonly string[];
}

/** Where the header is, for {@linkcode checkColumnPlan}. */
export interface HeaderPlace {
  /** 1-based line naming the columns; a units row, if any, is the line after. */
  line: number;
  /** The required columns in words, e.g. `"timestamp, latitude, longitude and speed"`. */
  needs: string;
}

/**
 * Throws {@linkcode DataError} at the header line when a required column is
 * missing, naming each one and what the format needs; reports each column
 * in an unknown unit as a warning (`unknown_unit`) at the units row.
 */
export function checkColumnPlan(ctx: ParseContext, plan: ColumnPlan, header: HeaderPlace): void {
  if (plan.missing.length > 0) {
    throw new DataError(
      `the header lacks required column(s): ${plan.missing.join(", ")}; needs ${header.needs}`,
      { file: ctx.file, line: header.line },
    );
  }
  for (const note of plan.unknownUnits ?? []) {
    ctx.report({
      severity: "warning",
      code: "unknown_unit",
      file: ctx.file,
      line: header.line + 1,
      message: `column ${note}: unit not understood; channel not read`,
    });
  }
}

/** Where the data rows are and which channels to read from them (file and reporter come from the context). */
export interface ChannelTableSpec extends Omit<TableSpec, "columns" | "file" | "report"> {
  /** One entry per channel; the `required` ones name the channels a row cannot do without. */
  columns: readonly ChannelColumn[];
}

/** The channels read, all `rows` long. */
export interface ChannelTable {
  /** Number of rows kept. */
  rows: number;
  /** Each column's values times its factor, by channel name. */
  channels: Record<string, Float64Array>;
  /** 1-based file line of each kept row. */
  lines: Int32Array;
}

/**
 * Scans the data rows with {@linkcode scanNumericTable}, reporting bad
 * fields through `ctx`, and returns the columns by channel name, already
 * converted (value × `factor`). Throws {@linkcode DataError} at the first
 * data line when no row is usable, and the signal's reason when the run was
 * cancelled meanwhile.
 *
 * @example
 * ```ts
 * import { scanChannels } from "./channel_table.ts";
 * import { DEFAULT_SETTINGS } from "./settings.ts";
 * const ctx = { file: "x.csv", settings: DEFAULT_SETTINGS, report: () => {}, signal: new AbortController().signal };
 * const bytes = new TextEncoder().encode("t,kmh\n0,36\n0.1,72\n");
 * const table = scanChannels(bytes, ctx, {
 *   start: 6, firstLine: 2, separator: ",",
 *   columns: [
 *     { field: 0, name: "t", channel: "timeS", required: true },
 *     { field: 1, name: "kmh", channel: "speedMps", factor: 1 / 3.6, required: true },
 *   ],
 * });
 * console.assert(table.rows === 2 && table.channels.speedMps[1] === 20);
 * ```
 */
export function scanChannels(bytes: Uint8Array, ctx: ParseContext, spec: ChannelTableSpec): ChannelTable {
  const table = scanNumericTable(bytes, { ...spec, file: ctx.file, report: ctx.report });
  ctx.signal.throwIfAborted();
  if (table.rows === 0) {
    const required = spec.columns.filter((c) => c.required).map((c) => c.name);
    const wanted = required.length > 1
      ? `${required.slice(0, -1).join(", ")} or ${required[required.length - 1]}`
      : required[0] ?? "value";
    throw new DataError(
      `no usable data rows from line ${spec.firstLine} on: every row lacks a usable ${wanted} ` +
        `(see the warnings above)`,
      { file: ctx.file, line: spec.firstLine },
    );
  }
  const channels: Record<string, Float64Array> = {};
  spec.columns.forEach((c, k) => (channels[c.channel] = table.values[k]));
  return { rows: table.rows, channels, lines: table.lines };
}
