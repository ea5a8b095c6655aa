/**
 * The Dashboard's header: circuit, date, file, laps and best lap, and what
 * the analysis reported about the file (bad rows, dropouts, skipped stages),
 * expandable.
 *
 * @module
 */

import { defineViewModule } from "../../sdk/views.ts";

export default defineViewModule({
  header(ctx) {
    const { html, units, data } = ctx;
    const s = data.session;
    const counted = data.laps.filter((l) => l.included && l.timeS !== null).length;
    const problems = data.diagnostics.filter((d) => d.severity !== "info");
    return html`<header class="card view-header">
      <div class="hero">
        <h1 class="hero-title">${s.trackName ?? "Unknown circuit"}</h1>
        <span class="hero-sub">${s.date ? new Date(s.date).toLocaleDateString() : ""} · ${s.fileName}</span>
        <span class="hero-sub" data-lap-count=${data.laps.length}>${data.laps.length} laps, ${counted} counted</span>
        <span class="hero-sub">Best <strong>${units.formatLapTime(s.bestLapTimeS)}</strong>${
      s.bestLap !== null ? ` (L${s.bestLap})` : ""
    }</span>
      </div>
      ${
      data.diagnostics.length > 0 && html`<details class="diagnostics">
        <summary>${
        problems.length > 0
          ? `${problems.length} problem${problems.length === 1 ? "" : "s"} in the file or the analysis`
          : `${data.diagnostics.length} notes`
      }</summary>
        <ul class="list">${
        data.diagnostics.slice(0, 200).map((d) =>
          html`<li class=${`diag ${d.severity}`}>${d.severity}: ${d.message}${
            d.line
              ? html`
                <span class="muted">(line ${d.line}${d.column ? `, ${d.column}` : ""})</span>
              `
              : ""
          }</li>`
        )
      }</ul>
        ${
        data.diagnostics.length > 200 &&
        html`<p class="muted">…and ${data.diagnostics.length - 200} more.</p>`
      }
      </details>`
    }
    </header>`;
  },
});
