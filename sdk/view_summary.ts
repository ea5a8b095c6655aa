/**
 * A session at a glance, the same way on every page that shows someone
 * else's session read-only (a shared link, a student's, an organization
 * member's): metric tiles, the headline tiles of a {@linkcode SessionSummary}
 * as routes send it (snake_case), and the lap table. Units come from the
 * page's context; nothing is computed beyond unit conversion.
 *
 * @module
 */

import type { VNode } from "preact";
import type { HtmlTag, Units } from "./views.ts";

/** `SessionSummary` (see `session_summary.ts`) as JSON from a route. */
export interface SessionSummaryJson {
  timed_laps: number;
  distance_m: number;
  best_lap_s: number | null;
  best_lap_number: number | null;
  consistency_score: number | null;
  consistency_provisional: boolean;
  clean_laps: number[];
  mistake_laps: number[];
}

/** One lap as routes that show a session read-only send it. */
export interface LapRowJson {
  number: number;
  time_s: number | null;
  kind: string;
  included: boolean;
  tags: string[];
}

const MI_PER_KM = 0.621371192;

/** A distance in km (or miles when the user chose feet), one decimal. */
export function formatLongDistance(units: Units, metres: number): string {
  const km = metres / 1000;
  return units.distance === "ft" ? `${(km * MI_PER_KM).toFixed(1)} mi` : `${km.toFixed(1)} km`;
}

/** One tile: a label, a big value and an optional note. */
export function metricTile(html: HtmlTag, label: string, value: string, note = ""): VNode {
  return html`
    <div
      class="metric"><div class="metric-label">${label}</div><div class="metric-value">${value}</div>${note &&
        html`<div class="metric-note">${note}</div>`}</div>
  `;
}

/** The summary's tiles: best lap, timed and clean laps, distance, consistency. */
export function summaryTiles(html: HtmlTag, units: Units, summary: SessionSummaryJson): VNode {
  const score = summary.consistency_score;
  return html`<div class="metrics">
    ${
    metricTile(
      html,
      "Best lap",
      units.formatLapTime(summary.best_lap_s),
      summary.best_lap_number === null ? "" : `lap ${summary.best_lap_number}`,
    )
  }
    ${metricTile(html, "Timed laps", String(summary.timed_laps), `${summary.clean_laps.length} clean`)}
    ${metricTile(html, "Distance", formatLongDistance(units, summary.distance_m))}
    ${
    metricTile(
      html,
      "Consistency",
      score === null ? "—" : `${Math.round(score)}/100`,
      score !== null && summary.consistency_provisional ? "few laps: provisional" : "",
    )
  }
  </div>`;
}

/** The laps as a table: number (the best marked), time, kind (wide screens) and tags. */
export function lapsTable(
  html: HtmlTag,
  units: Units,
  laps: readonly LapRowJson[],
  bestLap: number | null,
): VNode {
  return html`
    <div class="table-wrap">
      <table class="data" data-laps>
        <thead>
          <tr>
            <th scope="col">Lap</th>
            <th scope="col">Time</th>
            <th scope="col" class="wide-only">Kind</th>
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>${laps.map((lap) =>
          html`
            <tr key=${lap.number} data-lap=${lap.number} class=${lap.included ? "" : "muted"}>
              <td>${lap.number}${lap.number === bestLap
                ? html`
                  <span class="badge ok">Best</span>
                `
                : ""}</td>
              <td>${units.formatLapTime(lap.time_s)}</td>
              <td class="wide-only">${lap.kind}${lap.included ? "" : " (not counted)"}</td>
              <td class="wrap">${lap.tags.join(", ") || "—"}</td>
            </tr>
          `
        )}</tbody>
      </table>
    </div>
  `;
}
