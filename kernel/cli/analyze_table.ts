/**
 * The readable output of `deno task analyze FILE`.
 *
 * @module
 */

import type { AnalyzeJson } from "./analyze_json.ts";

/** Formats seconds as `m:ss.mmm`. */
export function formatLapTime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - 60 * m;
  return `${m}:${s.toFixed(3).padStart(6, "0")}`;
}

/** Renders the analysis as text for a terminal. At most `maxDiagnostics` problems are listed. */
export function renderAnalysisTable(doc: AnalyzeJson, maxDiagnostics = 12): string {
  const out: string[] = [];
  const trackText = doc.track ? `${doc.track.name} (${doc.track.length_m} m)` : "unknown circuit";
  out.push(`${doc.file}: ${doc.format ?? "unrecognised format"}, ${doc.rows} samples, ${trackText}`);
  if (doc.laps.length > 0) {
    out.push("");
    out.push(" Lap  Kind     Time        Distance  Note");
    for (const lap of doc.laps) {
      const time = lap.time_s === null ? "—" : formatLapTime(lap.time_s);
      const mark = lap.number === doc.best_lap ? "best" : lap.excluded_reason ?? "";
      out.push(
        `${String(lap.number).padStart(4)}  ${lap.kind.padEnd(7)}  ${time.padEnd(10)}  ${
          lap.distance_m.toFixed(0).padStart(6)
        } m  ${mark}`,
      );
    }
    const best = doc.laps.find((l) => l.number === doc.best_lap);
    out.push("");
    out.push(best ? `Best lap: ${best.number} in ${formatLapTime(best.time_s!)}` : "No complete flying lap.");
  } else {
    out.push("No laps found.");
  }
  if (doc.optimal_lap_time_s !== null) {
    out.push(`Physics-optimal lap: ${formatLapTime(doc.optimal_lap_time_s)}`);
  }
  const problems = doc.diagnostics.filter((d) => d.severity !== "info");
  if (problems.length > 0) {
    out.push("");
    out.push(`${problems.length} problem(s):`);
    for (const d of problems.slice(0, maxDiagnostics)) {
      const where = d.line !== undefined
        ? `${d.file ?? doc.file}:${d.line}${d.column ? `:${d.column}` : ""} `
        : "";
      out.push(`  ${d.severity} ${where}[${d.plugin}${d.stage ? `/${d.stage}` : ""}] ${d.message}`);
    }
    if (problems.length > maxDiagnostics) {
      out.push(`  … ${problems.length - maxDiagnostics} more (see --json)`);
    }
  }
  out.push("");
  out.push(`Analysed in ${doc.total_seconds.toFixed(3)} s.`);
  return out.join("\n");
}
