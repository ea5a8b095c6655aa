/**
 * The read-only part of the shared-session page: who shared which session
 * and until when, its headline numbers, its laps, the best lap corner by
 * corner and the circuit's outline, all as `GET /shared/{token}` sends them.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { formatDay, formatDayTime } from "../../sdk/view_dates.ts";
import { formatLongDistance, type LapRowJson, lapsTable, metricTile } from "../../sdk/view_summary.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { driverColors, PlotFigure } from "./plot_figure.ts";

/** A shared session as `GET /shared/{token}` returns it. */
export interface SharedJson {
  expires_at: string;
  shared_by: string;
  session: { track_name: string | null; track_slug: string | null; date: string | null };
  summary: {
    best_lap_s: number | null;
    best_lap_number: number | null;
    timed_laps: number;
    clean_laps: number;
    distance_km: number;
    consistency_score: number | null;
    gps_grade: string | null;
  };
  laps: LapRowJson[];
  corners: {
    label: string;
    name: string | null;
    direction: string | null;
    min_speed_kmh: number | null;
    brake_point_m: number | null;
    corner_time_s: number | null;
    apex_type: string | null;
  }[];
  outline: { x: number[]; y: number[] } | null;
}

const KMH_PER_MPS = 3.6;
/** The outline is a thumbnail, px. */
const OUTLINE_MAX_PX = 360;

/** Seconds with two decimals, or "—". */
export const seconds = (s: number | null) => (s === null ? "—" : `${s.toFixed(2)} s`);

function Outline({ ctx, outline }: { ctx: AppPageContext; outline: NonNullable<SharedJson["outline"]> }) {
  const { Plot, hooks, theme, html } = ctx;
  const options = hooks.useCallback((width: number) => {
    const span = (v: number[]) => [Math.min(...v), Math.max(...v)] as [number, number];
    const [x, y] = [span(outline.x), span(outline.y)];
    const scale = (width - 20) / Math.max(x[1] - x[0], y[1] - y[0], 1);
    const height = Math.min(width, Math.ceil((y[1] - y[0]) * scale) + 20);
    return {
      height,
      margin: 10,
      x: { domain: x, axis: null },
      y: { domain: y, axis: null },
      marks: [
        Plot.line({ length: outline.x.length }, {
          x: outline.x,
          y: outline.y,
          stroke: driverColors(theme).them,
          strokeWidth: 3,
        }),
        Plot.dot([0], { x: [outline.x[0]], y: [outline.y[0]], r: 5, fill: "currentColor" }),
      ],
    };
  }, [outline, theme]);
  return html`
    <${PlotFigure} ctx=${ctx} options=${options} maxWidthPx=${OUTLINE_MAX_PX}
      label="Outline of the circuit; the dot marks the start/finish line" />
  `;
}

/** The shared session, read-only. */
export function SharedSummary({ ctx, shared }: { ctx: AppPageContext; shared: SharedJson }): VNode {
  const { html, units } = ctx;
  const { summary, session } = shared;
  const speed = (kmh: number | null) => (kmh === null ? "—" : units.formatSpeed(kmh / KMH_PER_MPS));
  const metric = (label: string, value: string, note = "") => metricTile(html, label, value, note);
  return html`
    <header class="page-head">
      <p class="eyebrow">Shared session · read-only</p>
      <h1>${session.track_name ?? "Unknown circuit"}</h1>
      <p class="muted">Shared by ${shared.shared_by} · driven ${formatDay(
        session.date,
      )} · link valid until ${formatDayTime(shared.expires_at)}</p>
    </header>
    <div class="grid">
      <section class="card size-half" aria-labelledby="shared-numbers">
        <h2 id="shared-numbers" class="card-title">The session</h2>
        <div class="metrics">
          ${metric(
            "Best lap",
            units.formatLapTime(summary.best_lap_s),
            summary.best_lap_number === null ? "" : `lap ${summary.best_lap_number}`,
          )}
          ${metric("Timed laps", String(summary.timed_laps), `${summary.clean_laps} clean`)}
          ${metric("Distance", formatLongDistance(units, summary.distance_km * 1000))}
          ${metric(
            "Consistency",
            summary.consistency_score === null ? "—" : `${Math.round(summary.consistency_score)}/100`,
          )}
          ${metric("GPS quality", summary.gps_grade ?? "—")}
        </div>
      </section>
      <section class="card size-half" aria-labelledby="shared-outline">
        <h2 id="shared-outline" class="card-title">Circuit</h2>
        ${shared.outline
          ? html`<${Outline} ctx=${ctx} outline=${shared.outline} />`
          : html`<p class="muted">No outline: the circuit is not one the workbench knows.</p>`}
      </section>
      <section class="card size-half" aria-labelledby="shared-laps">
        <h2 id="shared-laps" class="card-title">Lap times</h2>
        ${lapsTable(html, units, shared.laps, summary.best_lap_number)}
      </section>
      <section class="card size-half" aria-labelledby="shared-corners">
        <h2 id="shared-corners" class="card-title">Best lap, corner by corner</h2>
        ${shared.corners.length === 0
          ? html`<p class="muted">No corners were found on this session.</p>`
          : html`
            <div class="table-wrap">
              <table class="data" data-shared-corners>
                <thead>
                  <tr>
                    <th scope="col">Corner</th>
                    <th scope="col">Min speed</th>
                    <th scope="col">Brake point</th>
                    <th scope="col" class="wide-only">Time</th>
                  </tr>
                </thead>
                <tbody>${shared.corners.map((c) =>
                  html`
                    <tr key=${c.label}>
                      <td class="wrap">${c.label}${c.name
                        ? html`<span class="name-line">${c.name}</span>`
                        : ""}</td>
                      <td>${speed(c.min_speed_kmh)}</td>
                      <td>${c.brake_point_m === null
                        ? "no braking"
                        : units.formatDistance(c.brake_point_m)}</td>
                      <td class="wide-only">${seconds(c.corner_time_s)}</td>
                    </tr>
                  `
                )}</tbody>
              </table>
            </div>
          `}
      </section>
    </div>
  `;
}
