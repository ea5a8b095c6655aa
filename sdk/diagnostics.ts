/**
 * Diagnostics: problems found in data or code, reported as values with a location.
 *
 * Parsers and stages do not throw because data is bad; they report a
 * diagnostic and return what they can. Exceptions are bugs: the kernel turns
 * them into a diagnostic naming the plugin and stage.
 *
 * @module
 */

/** How bad a diagnostic is. `error`: a result is missing; `warning`: a result may be degraded; `info`: worth knowing. */
export type Severity = "error" | "warning" | "info";

/** A diagnostic as a plugin reports it; the kernel fills in `plugin` and `stage`. */
export interface DiagnosticInput {
  /** How bad it is. */
  severity: Severity;
  /** One sentence a driver can act on, e.g. `"latitude is empty; row skipped"`. */
  message: string;
  /** Short machine-readable kind, e.g. `"empty_field"`, `"gps_dropout"`. */
  code?: string;
  /** The file the problem is in (its name as uploaded). */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** 1-based column (field number) or the column's name. */
  column?: number | string;
}

/** A diagnostic as the kernel records it. */
export interface Diagnostic extends DiagnosticInput {
  /** Id of the plugin that reported it (or failed). */
  plugin: string;
  /** Id of the stage or format that reported it, when there is one. */
  stage?: string;
}

/** A function that records a diagnostic. */
export type Reporter = (diagnostic: DiagnosticInput) => void;
