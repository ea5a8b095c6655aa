/**
 * The visitor's half of the shared-session page: a drop zone for their own
 * session of the same circuit, sent to `POST /shared/{token}/compare`
 * (analysed in memory, never stored), then the two best laps side by side,
 * a chart of who is quicker through each corner and the corner-by-corner
 * table. A file of another circuit, a file that is not a logger export and
 * one without a timed lap each get their own message.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { useAction } from "../../sdk/view_requests.ts";
import { metricTile } from "../../sdk/view_summary.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { driverColors, PlotFigure } from "./plot_figure.ts";
import { seconds } from "./shared_summary.ts";

type Faster = "viewer" | "sharer" | "even";

interface RunJson {
  min_speed_kmh: number;
  brake_point_m: number | null;
  corner_time_s: number;
}

/** A comparison as `POST /shared/{token}/compare` returns it. */
export interface ComparisonJson {
  file_name: string;
  sharer: { lap: number; time_s: number };
  viewer: { lap: number; time_s: number };
  lap_delta_s: number;
  faster: Faster;
  corners: {
    label: string;
    name: string | null;
    sharer: RunJson;
    viewer: RunJson;
    time_delta_s: number;
    min_speed_delta_kmh: number;
    brake_point_delta_m: number | null;
    faster: Faster;
  }[];
  unmatched: string[];
}

/** What a refusal of the upload means for the visitor, by the server's code. */
const REFUSALS: Record<string, string> = {
  different_track: "That session is from another circuit",
  unreadable_file: "That is not a telemetry file the workbench can read",
  no_timed_lap: "That session has no complete timed lap",
  file_too_large: "That file is too large",
  empty_file: "That file is empty",
  unsupported_media_type: "The file could not be sent",
};

const WHO = { viewer: "You", sharer: "Them", even: "Even" } as const;
const KMH_PER_MPS = 3.6;

function verdict(c: ComparisonJson, formatDelta: (s: number) => string): string {
  if (c.faster === "even") return "Your best laps are level.";
  const by = formatDelta(Math.abs(c.lap_delta_s)).replace(/^[+−-]/, "");
  return c.faster === "viewer" ? `You are ${by} quicker.` : `You are ${by} slower.`;
}

function CornerChart({ ctx, comparison }: { ctx: AppPageContext; comparison: ComparisonJson }) {
  const { Plot, hooks, theme, html } = ctx;
  const options = hooks.useCallback((width: number) => {
    const colors = driverColors(theme);
    const rows = comparison.corners.map((c) => ({
      label: c.label,
      delta: c.time_delta_s,
      who: WHO[c.faster],
    }));
    return {
      height: 40 + rows.length * 24,
      marginLeft: 48,
      marginRight: width < 480 ? 12 : 24,
      x: { label: "You − them through the corner (s) → you lose time", grid: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      color: { domain: ["You", "Them", "Even"], range: [colors.you, colors.them, colors.even], legend: true },
      marks: [
        Plot.barX(rows, {
          y: "label",
          x: "delta",
          fill: "who",
          title: (r: typeof rows[number]) =>
            `${r.label}: ${r.who === "Even" ? "even" : `${r.who} quicker`} (${r.delta.toFixed(2)} s)`,
        }),
        Plot.ruleX([0]),
      ],
    };
  }, [comparison, theme]);
  return html`
    <${PlotFigure} ctx=${ctx} options=${options}
      label="Bar per corner: your time through it minus theirs; bars left of zero are corners where you are quicker" />
  `;
}

function Result({ ctx, comparison }: { ctx: AppPageContext; comparison: ComparisonJson }): VNode {
  const { html, units } = ctx;
  const speed = (kmh: number) => units.formatSpeed(kmh / KMH_PER_MPS);
  const speedDelta = (kmh: number) => {
    const shown = units.formatSpeed(Math.abs(kmh) / KMH_PER_MPS);
    return /^0\.0 /.test(shown) ? "same" : `${kmh > 0 ? "+" : "−"}${shown}`;
  };
  const brakeDelta = (m: number | null) => {
    if (m === null) return "—";
    const shown = units.formatDistance(Math.abs(m));
    return /^0 /.test(shown) ? "same" : `${shown} ${m > 0 ? "later" : "earlier"}`;
  };
  const quicker = comparison.corners.filter((c) => c.faster === "viewer").length;
  return html`
    <div class="compare-result page" data-comparison>
      <div class="metrics">
        ${metricTile(
          html,
          "Their best",
          units.formatLapTime(comparison.sharer.time_s),
          `lap ${comparison.sharer.lap}`,
        )}
        ${metricTile(
          html,
          "Your best",
          units.formatLapTime(comparison.viewer.time_s),
          `lap ${comparison.viewer.lap} of ${comparison.file_name}`,
        )}
        <div class="metric">
          <div class="metric-label">Difference</div>
          <div class=${`metric-value ${
            comparison.faster === "viewer" ? "good" : comparison.faster === "sharer" ? "bad" : ""
          }`}
            data-lap-delta>${units.formatDelta(comparison.lap_delta_s)}</div>
          <div class="metric-note">${verdict(comparison, units.formatDelta)}</div>
        </div>
      </div>
      <p>You are quicker in ${quicker} of ${comparison.corners
        .length} corners.${comparison.unmatched.length > 0
        ? ` Not compared (not found in your session): ${comparison.unmatched.join(", ")}.`
        : ""}</p>
      <${CornerChart} ctx=${ctx} comparison=${comparison} />
      <div class="table-wrap">
        <table class="data" data-compare-corners>
          <thead>
            <tr>
              <th scope="col">Corner</th>
              <th scope="col" class="wide-only">Them</th>
              <th scope="col" class="wide-only">You</th>
              <th scope="col">Δ time</th>
              <th scope="col" class="wide-only">Min speed (them / you)</th>
              <th scope="col">Min speed Δ</th>
              <th scope="col" class="wide-only">Brake point</th>
              <th scope="col" class="wide-only">Quicker</th>
            </tr>
          </thead>
          <tbody>${comparison.corners.map((c) =>
            html`
              <tr key=${c.label} data-faster=${c.faster}>
                <td class="wrap">${c.label}${c.name
                  ? html`<span class="name-line">${c.name}</span>`
                  : ""}</td>
                <td class="wide-only">${seconds(c.sharer.corner_time_s)}</td>
                <td class="wide-only">${seconds(c.viewer.corner_time_s)}</td>
                <td class=${c.faster === "viewer"
                  ? "good"
                  : c.faster === "sharer"
                  ? "bad"
                  : ""}>${c.faster === "even" ? "even" : units.formatDelta(c.time_delta_s)}</td>
                <td class="wide-only">${speed(c.sharer.min_speed_kmh)} / ${speed(c.viewer.min_speed_kmh)}</td>
                <td>${speedDelta(c.min_speed_delta_kmh)}</td>
                <td class="wide-only">${brakeDelta(c.brake_point_delta_m)}</td>
                <td class="wide-only">${WHO[c.faster]}</td>
              </tr>
            `
          )}</tbody>
        </table>
      </div>
    </div>
  `;
}

/** The drop zone and, once a file is compared, the comparison. */
export function FriendCompare(
  { ctx, token, trackName }: { ctx: AppPageContext; token: string; trackName: string | null },
): VNode {
  const { html, hooks, api } = ctx;
  const [over, setOver] = hooks.useState(false);
  const [fileName, setFileName] = hooks.useState<string | null>(null);
  const [comparison, setComparison] = hooks.useState<ComparisonJson | null>(null);
  const upload = useAction(hooks);
  const send = (file: File) => {
    setFileName(file.name);
    setComparison(null);
    void upload.run(async () => {
      setComparison(await api<ComparisonJson>(`/shared/${token}/compare`, { method: "POST", file }));
    });
  };
  const error = upload.error;
  return html`<section class="card" aria-labelledby="compare-title" data-compare>
    <h2 id="compare-title" class="card-title">Compare your laps</h2>
    <p class="muted">Drop your own session from ${
    trackName ??
      "the same circuit"
  } to see, corner by corner, where you are quicker. It is analysed in memory and not stored.</p>
    <label class=${`dropzone ${over ? "over" : ""}`} onDragOver=${(e: DragEvent) => {
    e.preventDefault();
    setOver(true);
  }} onDragLeave=${() => setOver(false)} onDrop=${(e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer?.files[0];
    if (file) send(file);
  }}>
      <input type="file" class="visually-hidden" aria-label="Choose your session file to compare"
        disabled=${upload.pending} onChange=${(e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (file) send(file);
  }} />
      <span class="dropzone-text">
        <strong>Drop your session file here</strong> or <span class="link">choose a file</span>
        <small>RaceChrono CSV v3, VBOX .vbo or AiM CSV from ${trackName ?? "the same circuit"}</small>
      </span>
    </label>
    <div aria-live="polite">
      ${
    upload.pending &&
    html`
      <p class="muted"
        data-compare-status="analysing"><progress aria-label="Analysing"></progress>Analysing ${fileName}…</p>
    `
  }
      ${
    error && html`<div class="inline-error" role="alert" data-compare-error=${error.code}>
        <strong>${REFUSALS[error.code] ?? "The comparison failed"}.</strong> ${error.message}
      </div>`
  }
    </div>
    ${comparison && html`<${Result} ctx=${ctx} comparison=${comparison} />`}
  </section>`;
}
