/**
 * Picks the format plugin for a file by its content and runs it, turning
 * every failure into a diagnostic.
 *
 * @module
 */

import { DataError, type Diagnostic, type RunSettings, type Session } from "../sdk/mod.ts";
import type { RegisteredFormat } from "./registry.ts";

/** Bytes looked at to recognise a format. */
const SNIFF_BYTES = 4096;

/** The outcome of parsing: a session, or `null` with the reason among the diagnostics. */
export interface ParseOutcome {
  /** Id of the format that claimed the file, or `null` when none did. */
  format: string | null;
  /** The parsed session, or `null` when the file could not be used. */
  session: Session | null;
}

/** The text at the start of a file, without a UTF-8 byte-order mark. */
export function fileHead(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Finds the first registered format whose `sniff` accepts the file; a
 * throwing sniffer is reported and skipped. Sniffers may answer
 * asynchronously (a sandboxed format always does).
 */
export async function detectFormat(
  formats: readonly RegisteredFormat[],
  bytes: Uint8Array,
  report: (d: Diagnostic) => void,
): Promise<RegisteredFormat | null> {
  const head = fileHead(bytes);
  for (const f of formats) {
    try {
      if (await f.format.sniff(head)) return f;
    } catch (error) {
      report({
        severity: "error",
        plugin: f.plugin,
        stage: f.format.id,
        message: `format sniffer crashed: ${errorMessage(error)}`,
      });
    }
  }
  return null;
}

/** Parses a file with the matching format. Never rejects for bad data or a crashing format; only when cancelled. */
export async function parseFile(
  formats: readonly RegisteredFormat[],
  file: string,
  bytes: Uint8Array,
  settings: RunSettings,
  signal: AbortSignal,
  report: (d: Diagnostic) => void,
): Promise<ParseOutcome> {
  const chosen = await detectFormat(formats, bytes, report);
  if (!chosen) {
    const names = formats.map((f) => `${f.format.name} (${f.format.extensions.join(", ")})`).join("; ");
    report({
      severity: "error",
      plugin: "kernel",
      stage: "parse",
      file,
      line: 1,
      message: `${file} is not a supported logger file. Supported formats: ${names || "none registered"}`,
    });
    return { format: null, session: null };
  }
  const { plugin, format } = chosen;
  try {
    const session = await format.parse(bytes, {
      file,
      settings,
      signal,
      report: (d) => report({ ...d, file: d.file ?? file, plugin, stage: format.id }),
    });
    return { format: format.id, session };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const location = error instanceof DataError ? error.location : {};
    report({
      severity: "error",
      plugin,
      stage: format.id,
      file,
      ...location,
      message: error instanceof DataError
        ? error.message
        : `format "${format.id}" crashed while reading the file: ${errorMessage(error)}`,
    });
    return { format: format.id, session: null };
  }
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
