/**
 * The readable output of `deno task analyze FILE`.
 *
 * @module
 */

import type { AnalyzeJson, CornerJson } from "./analyze_json.ts";

/** Formats seconds as `m:ss.mmm`. */
export function formatLapTime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - 60 * m;
  return `${m}:${s.toFixed(3).padStart(6, "0")}`;
}

const fixed = (x: number | null, digits: number, width: number) =>
  (x === null ? "—" : x.toFixed(digits)).padStart(width);

/** One line per corner: where it is, brake point, minimum speed and throttle commit. */
export function renderCornerTable(corners: readonly CornerJson[]): string[] {
  const lines = [
    " Corner   Dir    Apex m  Brake m  Peak g  Min km/h  at m    Throttle m  Apex     Time s  Name",
  ];
  for (const c of corners) {
    lines.push(
      [
        ` ${c.label.padEnd(7)}`,
        c.direction.padEnd(5),
        fixed(c.apex_m, 0, 7),
        fixed(c.brake_point_m, 0, 8),
        fixed(c.peak_brake_g, 2, 7),
        fixed(c.min_speed_kmh, 1, 9),
        fixed(c.min_speed_m, 0, 6),
        fixed(c.throttle_commit_m, 0, 11),
        ` ${(c.apex_type ?? "—").padEnd(8)}`,
        fixed(c.time_in_corner_s, 2, 6),
        ` ${c.name ?? ""}`,
      ].join(" ").trimEnd(),
    );
  }
  return lines;
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
    if (doc.theoretical_best_s !== null) {
      out.push(`Theoretical best (best corners and straights): ${formatLapTime(doc.theoretical_best_s)}`);
    }
    if (best && doc.corners.length > 0 && doc.selected_lap?.number !== best.number) {
      out.push("", `Corners of lap ${best.number} (best):`, ...renderCornerTable(doc.corners));
    }
    if (doc.selected_lap) {
      out.push(
        "",
        `Corners of lap ${doc.selected_lap.number}:`,
        ...renderCornerTable(doc.selected_lap.corners),
      );
    }
  } else {
    out.push("No laps found.");
  }
  if (doc.optimal_lap_time_s !== null) {
    out.push(`Physics-optimal lap: ${formatLapTime(doc.optimal_lap_time_s)}`);
  }
  if (doc.gps_quality) {
    const { score, grade, reasons } = doc.gps_quality;
    out.push(`GPS quality: ${score}/100 (${grade})`, ...reasons.map((r) => `  ${r}`));
  }
  for (const [plugin, artifacts] of Object.entries(doc.plugin_artifacts)) {
    const ids = Object.keys(artifacts);
    out.push(
      `Plugin ${plugin} (from a folder): ${
        ids.length > 0 ? `produced ${ids.join(", ")}` : "produced nothing"
      }`,
    );
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
