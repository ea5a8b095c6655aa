/**
 * The three corners with the most time on the table (composite plus
 * consistency gain, or the optimal comparison's cost when larger), with a
 * link into the Deep Dive focused on each.
 *
 * @module
 */

import { CornersKey, GainsKey, PhysicsGainsKey } from "../../sdk/keys.ts";
import { definePanel } from "../../sdk/views.ts";

const SHOWN = 3;

export default definePanel({
  render(ctx) {
    const { html, data, units } = ctx;
    const gains = data.artifact(GainsKey);
    const physics = data.artifact(PhysicsGainsKey);
    const corners = data.artifact(CornersKey) ?? [];
    if (!gains) return html`<p class="muted">Needs at least two counted laps.</p>`;
    const cost = new Map(physics?.corners.map((c) => [c.corner, c]) ?? []);
    const ranked = gains.segments
      .filter((s) => s.segment.kind === "corner" && s.segment.corner !== null)
      .map((s) => ({ s, total: s.compositeS + s.consistencyS }))
      .sort((a, b) => b.total - a.total)
      .slice(0, SHOWN);
    if (ranked.length === 0) return html`<p class="muted">No corners were found on this session.</p>`;
    return html`<ol class="focus-list">${
      ranked.map(({ s }) => {
        const corner = corners.find((c) => c.number === s.segment.corner);
        const target = cost.get(s.segment.corner!);
        const optimal = target && target.speedGapMps !== null
          ? ` Optimal minimum speed ${units.formatSpeed(target.targetMinSpeedMps)} vs your ${
            units.formatSpeed(target.driverMinSpeedMps ?? 0)
          }.`
          : "";
        const text = `: ${s.compositeS.toFixed(2)} s on your best lap (lap ${s.bestLap} was fastest here), ${
          s.consistencyS.toFixed(2)
        } s on an average lap.${optimal} `;
        return html`<li>
          <strong>${s.segment.id}${corner?.name ? ` ${corner.name}` : ""}</strong>${text}<button
            type="button" class="link" onClick=${() => ctx.open("deep-dive", { corner: s.segment.corner! })}
          >Deep dive →</button>
        </li>`;
      })
    }</ol>`;
  },
});
