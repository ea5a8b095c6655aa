/**
 * Logger formats: how a plugin teaches the workbench to read a new file type.
 *
 * @module
 */

import type { Reporter } from "./diagnostics.ts";
import type { Session } from "./session.ts";
import type { RunSettings } from "./settings.ts";

/** What a format's `parse` receives besides the bytes. */
export interface ParseContext {
  /** File name as uploaded, for diagnostics. */
  readonly file: string;
  /** Run settings (GPS quality thresholds...). */
  readonly settings: RunSettings;
  /** Records a diagnostic (bad row, odd header...); the run goes on. */
  readonly report: Reporter;
  /** Aborted when the caller cancels the run. */
  readonly signal: AbortSignal;
}

/** A logger file format. */
export interface FormatDefinition {
  /** Unique id, kebab-case, e.g. `"racechrono"`. */
  readonly id: string;
  /** Human name, e.g. `"RaceChrono CSV v3"`. */
  readonly name: string;
  /** Usual file name extensions, for documentation only (detection uses the content). */
  readonly extensions: readonly string[];
  /**
   * True when the text at the start of a file (up to 4 KiB, BOM removed)
   * looks like this format. May be async.
   */
  sniff(head: string): boolean | Promise<boolean>;
  /**
   * Reads a whole file. Reports bad rows through `ctx.report` and skips them;
   * throws {@linkcode DataError} only when nothing usable is left. May be
   * async (e.g. to decompress the file first).
   */
  parse(bytes: Uint8Array, ctx: ParseContext): Session | Promise<Session>;
}

/**
 * Declares a format. Returns its argument, typed as written (a synchronous
 * `parse` stays synchronous for its tests); exists for type inference.
 *
 * @example
 * ```ts
 * import { defineFormat } from "./format.ts";
 * export const csvFormat = defineFormat({
 *   id: "my-logger", name: "My Logger CSV", extensions: [".csv"],
 *   sniff: (head) => head.startsWith("MyLogger"),
 *   parse: () => { throw new Error("not yet"); },
 * });
 * ```
 */
export function defineFormat<F extends FormatDefinition>(format: F): F {
  return format;
}
