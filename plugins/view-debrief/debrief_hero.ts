/**
 * The pit-lane hero card: best lap in large type, the gap to the previous
 * session on this circuit and to the theoretical best.
 *
 * @module
 */

import { GainsKey } from "../../sdk/keys.ts";
import { definePanel } from "../../sdk/views.ts";

export default definePanel({
  render(ctx) {
    const { html, data, units } = ctx;
    const best = data.session.bestLapTimeS;
    const sessions = data.trackSessions;
    const here = sessions.findIndex((s) => s.session.id === data.session.id);
    const previous = here > 0 ? sessions[here - 1].session : null;
    const gains = data.artifact(GainsKey);
    const change = best !== null && previous?.bestLapTimeS != null ? best - previous.bestLapTimeS : null;
    return html`<div class="hero debrief-hero">
      <div><div class="metric-label">Best lap</div><div class="big">${units.formatLapTime(best)}</div>
        <div class="muted">${
      data.session.bestLap !== null ? `lap ${data.session.bestLap} of ${data.laps.length}` : "no counted lap"
    }</div></div>
      ${
      change !== null && html`
        <div>
          <div class="metric-label">Against your previous session</div>
          <div class=${`big ${change <= 0 ? "good" : "bad"}`}>${units.formatDelta(change)}</div>
          <div class="muted">${previous!.date?.slice(0, 10)} best ${units.formatLapTime(
            previous!.bestLapTimeS,
          )}</div>
        </div>
      `
    }
      ${
      gains && html`
        <div>
          <div class="metric-label">Theoretical best</div>
          <div class="big">${units.formatLapTime(gains.theoreticalBestS)}</div>
          <div class="muted">${gains.compositeS.toFixed(2)} s in your own best segments</div>
        </div>
      `
    }
    </div>`;
  },
});
