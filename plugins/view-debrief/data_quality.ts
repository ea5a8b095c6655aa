/**
 * Data quality: the GPS grade with the reasons behind it, and everything the
 * analysis reported about the file (bad rows with their line, dropouts,
 * stages that failed or were skipped).
 *
 * @module
 */

import { GpsQualityKey } from "../../sdk/keys.ts";
import { definePanel } from "../../sdk/views.ts";

const SHOWN = 100;

export default definePanel({
  render(ctx) {
    const { html, data } = ctx;
    const gps = data.artifact(GpsQualityKey);
    const diagnostics = data.diagnostics;
    return html`<div class="data-quality">
      ${
      gps &&
      html`<p><strong>GPS grade ${gps.grade}</strong> (${Math.round(gps.score)}/100)${
        gps.usable ? "" : ": too poor for corner and line analysis"
      }.</p>
        ${
        gps.reasons.length > 0 && html`<ul class="list">${gps.reasons.map((r) => html`<li>${r}</li>`)}</ul>`
      }`
    }
      <h4>${
      diagnostics.length === 0
        ? "The analysis reported no problem."
        : `${diagnostics.length} diagnostic${diagnostics.length === 1 ? "" : "s"}`
    }</h4>
      ${
      diagnostics.length > 0 &&
      html`<ul class="list diagnostics-list">${
        diagnostics.slice(0, SHOWN).map((d) =>
          html`<li class=${`diag ${d.severity}`}><strong>${d.severity}</strong> ${d.message}${
            d.line
              ? html`
                <span class="muted">(${d.file ?? "file"} line ${d.line}${d.column
                  ? `, column ${d.column}`
                  : ""})</span>
              `
              : ""
          }</li>`
        )
      }</ul>`
    }
      ${diagnostics.length > SHOWN && html`<p class="muted">…and ${diagnostics.length - SHOWN} more.</p>`}
    </div>`;
  },
});
