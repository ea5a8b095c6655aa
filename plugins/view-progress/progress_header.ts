/**
 * The Progress view's header: the circuit and how many analysed sessions
 * there are on it.
 *
 * @module
 */

import { defineViewModule } from "../../sdk/views.ts";

export default defineViewModule({
  header(ctx) {
    const { html, data, units } = ctx;
    const sessions = data.trackSessions;
    const bests = sessions.map((s) => s.session.bestLapTimeS).filter((t): t is number => t !== null);
    return html`
      <header class="card view-header">
        <div class="hero">
            <h1 class="hero-title">Progress at ${data.session.trackName ?? "this circuit"}</h1>
            <span class="hero-sub">${sessions.length} analysed session${sessions.length === 1
              ? ""
              : "s"}</span>
            ${bests.length > 0 &&
              html`<span class="hero-sub">Personal best <strong>${
                units.formatLapTime(Math.min(...bests))
              }</strong></span>`}
            ${sessions.length < 2 &&
              html`<span class="hero-sub">Upload at least two sessions at this circuit to see trends across sessions.</span>`}
          </div>
      </header>
    `;
  },
});
