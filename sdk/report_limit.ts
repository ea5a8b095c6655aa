/**
 * Keeps a file with thousands of bad rows from burying its reader in
 * thousands of warnings: the first few of each kind are passed on, with
 * their lines, and the rest are counted in one closing warning.
 *
 * @module
 */

import type { DiagnosticInput, Reporter } from "./diagnostics.ts";

/** Diagnostics of one code passed on before the rest are only counted. */
export const REPORTS_PER_CODE = 20;

/** A {@linkcode Reporter} that passes on the first diagnostics of each code, and what it held back. */
export interface LimitedReporter {
  /** Passes the diagnostic on, or counts it when its code has had its share. */
  report: Reporter;
  /** Reports, per code held back, how many were not listed (`"380 more 'time_backwards' problems not listed"`). */
  summarise(): void;
}

/**
 * Wraps `report`: at most `perCode` diagnostics of each code go through
 * (diagnostics without a code always do); {@linkcode LimitedReporter.summarise}
 * then reports the rest of each code as one warning for `file`.
 *
 * @example
 * ```ts
 * import { limitedReporter } from "./report_limit.ts";
 * const seen: string[] = [];
 * const limited = limitedReporter((d) => seen.push(d.message), "x.csv", 1);
 * for (const line of [5, 6, 7]) limited.report({ severity: "warning", code: "bad", line, message: `line ${line}` });
 * limited.summarise();
 * console.assert(seen.join("; ") === "line 5; 2 more 'bad' problems not listed");
 * ```
 */
export function limitedReporter(report: Reporter, file: string, perCode = REPORTS_PER_CODE): LimitedReporter {
  const counts = new Map<string, number>();
  return {
    report(diagnostic: DiagnosticInput) {
      const { code } = diagnostic;
      if (code === undefined) return report(diagnostic);
      const count = (counts.get(code) ?? 0) + 1;
      counts.set(code, count);
      if (count <= perCode) report(diagnostic);
    },
    summarise() {
      for (const [code, count] of counts) {
        if (count > perCode) {
          report({
            severity: "warning",
            code,
            file,
            message: `${count - perCode} more '${code}' problems not listed`,
          });
        }
      }
    },
  };
}
