/**
 * The per-corner KPI table of the reference lap (minimum speed, brake point,
 * peak braking, throttle commit, apex type, time in the corner), the
 * comparison lap's difference, and a sparkline of the minimum speed over
 * the counted laps. A corner's button focuses it (distance charts zoom to it).
 *
 * @module
 */

import type { CornerKpi } from "../../sdk/corners.ts";
import { CornersKey } from "../../sdk/keys.ts";
import { definePanel, type JsonOf, type ViewContext } from "../../sdk/views.ts";
import { countedKpis } from "./_counted_kpis.ts";

const SPARK_W = 90;
const SPARK_H = 22;

/** A polyline of the values, highlighting the reference lap's point. */
function sparkline(ctx: ViewContext, values: { lap: number; v: number }[], refLap: number | null) {
  const { html } = ctx;
  if (values.length < 2) return html`<span class="muted">—</span>`;
  const vs = values.map((p) => p.v);
  const lo = Math.min(...vs), hi = Math.max(...vs), span = hi - lo || 1;
  const x = (i: number) => (i / (values.length - 1)) * (SPARK_W - 4) + 2;
  const y = (v: number) => SPARK_H - 2 - ((v - lo) / span) * (SPARK_H - 4);
  const points = values.map((p, i) => `${x(i).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  const refIndex = values.findIndex((p) => p.lap === refLap);
  return html`
    <svg class="sparkline" width=${SPARK_W} height=${SPARK_H} viewBox=${`0 0 ${SPARK_W} ${SPARK_H}`} role="img"
      aria-label=${`minimum speed from ${ctx.units.formatSpeed(lo)} to ${ctx.units.formatSpeed(hi)}`}>
        <polyline points=${points} fill="none" stroke="currentColor" stroke-width="1.2" opacity="0.7" />
        ${refIndex >= 0 &&
          html`<circle cx=${x(refIndex)} cy=${y(values[refIndex].v)} r="2.5" fill=${ctx.kit.lapColor(0)} />`}
      </svg>
  `;
}

export default definePanel({
  render(ctx) {
    const { html, units } = ctx;
    const corners = ctx.data.artifact(CornersKey) ?? [];
    const laps = countedKpis(ctx);
    if (corners.length === 0) return html`<p class="muted">No corners were found on this session.</p>`;
    const byLap = new Map(laps.map((l) => [l.lap, new Map(l.corners.map((k) => [k.corner, k]))]));
    const ref = byLap.get(ctx.laps.ref ?? -1);
    const comp = ctx.laps.comp === null ? undefined : byLap.get(ctx.laps.comp);
    const dist = (
      m: number | null | undefined,
    ) => (m === null || m === undefined ? "—" : units.formatDistance(m));
    const diff = (k: JsonOf<CornerKpi> | undefined, c: JsonOf<CornerKpi> | undefined) => {
      if (!k || !c) return "";
      const d = units.toSpeed(c.minSpeedMps) - units.toSpeed(k.minSpeedMps);
      return html`<span class=${d >= 0 ? "good" : "bad"}>${d >= 0 ? "+" : "−"}${
        Math.abs(d).toFixed(1)
      }</span>`;
    };
    return html`
      <div class="table-wrap">
        <table class="data corner-table">
          <thead>
            <tr>
              <th scope="col">Corner</th><th scope="col">Min speed (${units.speedLabel})</th>
              ${comp && html`<th scope="col">L${ctx.laps.comp} Δ</th>`}
              <th scope="col">Brake point</th><th scope="col">Peak brake</th><th scope="col">Throttle</th>
              <th scope="col">Apex</th><th scope="col">Time</th><th scope="col">Min speed, all laps</th>
            </tr>
          </thead>
          <tbody>${corners.map((c) => {
            const k = ref?.get(c.number);
            const trend = laps.flatMap((l) => {
              const v = byLap.get(l.lap)?.get(c.number)?.minSpeedMps;
              return v === undefined ? [] : [{ lap: l.lap, v }];
            });
            return html`<tr class=${c.number === ctx.corner.selected ? "focus" : ""}>
          <td><button type="button" class="link" title=${c.name ?? ""} aria-pressed=${
              c.number === ctx.corner.selected
            }
            onClick=${() =>
              ctx.corner.select(c.number === ctx.corner.selected ? null : c.number)}>${c.label}</button>
            ${c.name && html`<span class="muted corner-name">${c.name}</span>`}</td>
          <td>${k ? units.toSpeed(k.minSpeedMps).toFixed(1) : "—"}</td>
          ${comp && html`<td>${diff(k, comp.get(c.number))}</td>`}
          <td>${dist(k?.brakePointM)}</td>
          <td>${
              k?.peakBrakeG === null || k?.peakBrakeG === undefined ? "—" : `${k.peakBrakeG.toFixed(2)} g`
            }</td>
          <td>${dist(k?.throttleCommitM)}</td>
          <td>${k?.apexType ?? "—"}</td>
          <td>${k ? `${k.timeInCornerS.toFixed(2)} s` : "—"}</td>
          <td>${sparkline(ctx, trend.map((p) => ({ lap: p.lap, v: units.toSpeed(p.v) })), ctx.laps.ref)}</td>
        </tr>`;
          })}</tbody>
        </table>
      </div>
    `;
  },
});
