/**
 * How repeatable each corner was: spread of the minimum speed, brake point
 * and throttle commit across laps, and the corner's 0–100 score.
 *
 * @module
 */

import { ConsistencyKey, CornersKey } from "../../sdk/keys.ts";
import { definePanel } from "../../sdk/views.ts";

export default definePanel({
  render(ctx) {
    const { html, data, units } = ctx;
    const consistency = data.artifact(ConsistencyKey);
    const corners = data.artifact(CornersKey) ?? [];
    if (!consistency || consistency.corners.length === 0) {
      return html`<p class="muted">Needs at least two counted laps with corners.</p>`;
    }
    const label = (n: number) => corners.find((c) => c.number === n)?.label ?? `C${n}`;
    const kmhToSpeed = (kmh: number) => units.toSpeed(kmh / 3.6);
    const dist = (m: number | null) => (m === null ? "—" : `±${units.formatDistance(m)}`);
    return html`
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Corner</th>
              <th scope="col">Min speed σ (${units.speedLabel})</th>
              <th scope="col">Range</th>
              <th scope="col">Brake point σ</th>
              <th scope="col">Throttle σ</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>${consistency.corners.map((c) =>
            html`
              <tr>
                <td><button type="button" class="link" onClick=${() =>
                  ctx.open("deep-dive", { corner: c.corner })}>${label(c.corner)}</button></td>
                <td>${kmhToSpeed(c.minSpeedStdKmh).toFixed(1)}</td>
                <td>${kmhToSpeed(c.minSpeedRangeKmh).toFixed(1)}</td>
                <td>${dist(c.brakePointStdM)}</td>
                <td>${dist(c.throttleCommitStdM)}</td>
                <td><strong class=${c.score >= 70 ? "good" : c.score < 40 ? "bad" : ""}>${Math.round(
                  c.score,
                )}</strong></td>
              </tr>
            `
          )}</tbody>
        </table>
      </div>
    `;
  },
});
