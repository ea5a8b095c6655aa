/**
 * Headline numbers: best lap, mean lap, theoretical best, optimal lap,
 * consistency and GPS grade (each shown when the session has it).
 *
 * @module
 */

import { ConsistencyKey, GainsKey, GpsQualityKey, PhysicsGainsKey } from "../../sdk/keys.ts";
import { definePanel } from "../../sdk/views.ts";

export default definePanel({
  render(ctx) {
    const { html, units, data } = ctx;
    const gains = data.artifact(GainsKey);
    const consistency = data.artifact(ConsistencyKey);
    const gps = data.artifact(GpsQualityKey);
    const physics = data.artifact(PhysicsGainsKey);
    const best = data.session.bestLapTimeS;
    const tiles: { label: string; value: string; note?: string }[] = [
      {
        label: "Best lap",
        value: units.formatLapTime(best),
        note: data.session.bestLap !== null ? `lap ${data.session.bestLap}` : "",
      },
    ];
    if (gains) {
      tiles.push({
        label: "Mean lap",
        value: units.formatLapTime(gains.meanLapTimeS),
        note: `${gains.laps.length} counted laps`,
      });
      tiles.push({
        label: "Theoretical best",
        value: units.formatLapTime(gains.theoreticalBestS),
        note: `${units.formatDelta(-gains.compositeS)} from best segments`,
      });
    }
    if (physics) {
      tiles.push({
        label: "Optimal lap",
        value: units.formatLapTime(physics.optimalLapTimeS),
        note: physics.vehicleSource === "given"
          ? "physics, for your car"
          : "physics, car estimated from this session (give yours under Car)",
      });
    }
    if (consistency) {
      tiles.push({
        label: "Consistency",
        value: `${Math.round(consistency.score)}/100`,
        note: `σ ${consistency.lapTimeStdS.toFixed(2)} s${consistency.provisional ? " · provisional" : ""}`,
      });
    }
    if (gps) tiles.push({ label: "GPS quality", value: gps.grade, note: `${Math.round(gps.score)}/100` });
    return html`<div class="metrics">${
      tiles.map((t) =>
        html`
          <div
            class="metric"><div class="metric-label">${t.label}</div><div class="metric-value">${t
              .value}</div>${t.note && html`<div class="metric-note">${t.note}</div>`}</div>
        `
      )
    }</div>`;
  },
});
