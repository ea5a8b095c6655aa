/**
 * What a test needs to call a format's `sniff` or `parse`, or a stage's
 * `run`, directly: the head a sniffer sees, and contexts collecting the
 * diagnostics reported.
 *
 * @module
 */

import {
  DEFAULT_SETTINGS,
  type DiagnosticInput,
  type ParseContext,
  type RunSettings,
  type StageContext,
} from "../mod.ts";

/** Settings that keep every sample: the GPS quality filter switched off. */
export const LAX_SETTINGS: RunSettings = {
  ...DEFAULT_SETTINGS,
  gps: { maxAccuracyM: Infinity, minSatellites: 0 },
};

/** A context whose diagnostics are kept in `diagnostics`, in the order reported. */
export type Collecting<C> = C & { diagnostics: DiagnosticInput[] };

/**
 * A parse context for `file`, collecting diagnostics.
 *
 * @example
 * ```ts
 * import { parseContext } from "./contexts.ts";
 * const ctx = parseContext("s.csv");
 * ctx.report({ severity: "info", message: "read normally" });
 * console.assert(ctx.diagnostics.length === 1);
 * ```
 */
export function parseContext(
  file: string,
  settings: RunSettings = DEFAULT_SETTINGS,
): Collecting<ParseContext> {
  const diagnostics: DiagnosticInput[] = [];
  return {
    file,
    settings,
    report: (d) => diagnostics.push(d),
    signal: new AbortController().signal,
    diagnostics,
  };
}

/** A stage context for stage `stage` of plugin `plugin`, collecting diagnostics. */
export function stageContext(
  plugin: string,
  stage: string,
  settings: RunSettings = DEFAULT_SETTINGS,
): Collecting<StageContext> {
  const diagnostics: DiagnosticInput[] = [];
  return {
    plugin,
    stage,
    settings,
    report: (d) => diagnostics.push(d),
    signal: new AbortController().signal,
    diagnostics,
  };
}

/** The first `length` bytes of a file as text without a byte-order mark: what a format's `sniff` receives. */
export function headOf(bytes: Uint8Array, length = 4096): string {
  const text = new TextDecoder().decode(bytes.subarray(0, length));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
