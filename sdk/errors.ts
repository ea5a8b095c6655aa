/**
 * Errors that mean "the data cannot be used", as opposed to bugs.
 *
 * @module
 */

import type { DiagnosticInput } from "./diagnostics.ts";

/**
 * Thrown by a format or stage when the input cannot be used at all (no
 * usable rows, not this format). The kernel reports it as an `error`
 * diagnostic with its location; it is never shown as a crash.
 *
 * @example
 * ```ts
 * import { DataError } from "./errors.ts";
 * const error = new DataError("no usable data rows", { file: "s.csv", line: 13 });
 * console.assert(error.location.line === 13); // a format throws it: `throw error`
 * ```
 */
export class DataError extends Error {
  /** Where the problem is. */
  readonly location: Pick<DiagnosticInput, "file" | "line" | "column">;
  /** Creates a data error with an optional location. */
  constructor(message: string, location: Pick<DiagnosticInput, "file" | "line" | "column"> = {}) {
    super(message);
    this.name = "DataError";
    this.location = location;
  }
}
