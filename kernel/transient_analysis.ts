/**
 * Analyses a file in memory without storing anything: the same run as the
 * analyze command and the analysis job ({@linkcode analyze}), for
 * workbench-wide plugins that compare a file nobody keeps (a friend's
 * session uploaded through a share link).
 *
 * @module
 */

import {
  type ArtifactReader,
  type Diagnostic,
  type RunSettings,
  SessionKey,
  TrackKey,
  type TransientAnalysis,
} from "../sdk/mod.ts";
import type { Registry } from "./registry.ts";
import { analyze } from "./run.ts";

/** Where a diagnostic points, e.g. ` (line 12, column 3)`, or "". */
function location(d: Diagnostic): string {
  if (!d.line) return "";
  return ` (line ${d.line}${d.column ? `, column ${d.column}` : ""})`;
}

/**
 * Runs the registry's whole pipeline on `bytes` with `settings`. Throws an error naming the
 * file, line and problem when no session can be read from it.
 */
export async function analyzeInMemory(
  registry: Registry,
  fileName: string,
  bytes: Uint8Array,
  settings: RunSettings,
): Promise<TransientAnalysis> {
  const result = await analyze(registry, { file: fileName, bytes, settings });
  if (!result.artifacts.get(SessionKey)) {
    const first = result.diagnostics.find((d) => d.severity === "error");
    if (!result.format) throw new Error(first?.message ?? `${fileName} is not a supported logger file`);
    throw new Error(
      `${fileName} cannot be read: ${first ? `${first.message}${location(first)}` : "no usable data"}`,
    );
  }
  const artifacts: ArtifactReader = { get: (key) => Promise.resolve(result.artifacts.get(key)) };
  return {
    trackSlug: result.artifacts.get(TrackKey)?.track.slug ?? null,
    artifacts,
    diagnostics: result.diagnostics
      .filter((d) => d.severity !== "info")
      .map((d) => ({ severity: d.severity, message: `${d.message}${location(d)}` })),
  };
}
