/**
 * Next-session focus: at most three things to work on, each tied to a
 * corner and a number from the analysis (the biggest composite gain, the
 * least repeatable brake point, the largest speed gap to the optimal lap).
 *
 * @module
 */

import { ConsistencyKey, CornersKey, GainsKey, PhysicsGainsKey } from "../../sdk/keys.ts";
import { definePanel } from "../../sdk/views.ts";

export default definePanel({
  render(ctx) {
    const { html, data, units } = ctx;
    const gains = data.artifact(GainsKey);
    const consistency = data.artifact(ConsistencyKey);
    const physics = data.artifact(PhysicsGainsKey);
    const corners = data.artifact(CornersKey) ?? [];
    const label = (n: number | null) => corners.find((c) => c.number === n)?.label ?? `corner ${n}`;
    const items: { corner: number; text: string }[] = [];
    const topGain = gains?.segments.filter((s) => s.segment.kind === "corner").sort((a, b) =>
      b.compositeS - a.compositeS
    )[0];
    if (topGain && topGain.compositeS > 0.05) {
      items.push({
        corner: topGain.segment.corner!,
        text: `${topGain.segment.id}: you have already done it ${
          topGain.compositeS.toFixed(2)
        } s faster than on your best lap (lap ${topGain.bestLap}). Repeat that lap's entry.`,
      });
    }
    const loose = consistency?.corners.filter((c) => c.brakePointStdM !== null).sort((a, b) =>
      b.brakePointStdM! - a.brakePointStdM!
    )[0];
    if (loose && loose.brakePointStdM! > 5 && !items.some((i) => i.corner === loose.corner)) {
      items.push({
        corner: loose.corner,
        text: `${label(loose.corner)}: your brake point moves by ±${
          units.formatDistance(loose.brakePointStdM!)
        } from lap to lap. Pick a marker and brake at it every lap.`,
      });
    }
    const gap = physics?.corners.filter((c) => c.speedGapMps !== null).sort((a, b) =>
      b.timeCostS - a.timeCostS
    )[0];
    if (gap && gap.speedGapMps! > 1 && !items.some((i) => i.corner === gap.corner)) {
      items.push({
        corner: gap.corner,
        text: `${gap.label}: the car can carry ${
          units.formatSpeed(gap.targetMinSpeedMps)
        } at the apex; you carried ${units.formatSpeed(gap.driverMinSpeedMps!)}.`,
      });
    }
    if (items.length === 0) {
      return html`<p class="muted">Nothing stands out: the laps are close to your best everywhere.</p>`;
    }
    return html`<ol class="focus-list">${
      items.slice(0, 3).map((i) =>
        html`<li>${i.text} <button type="button" class="link" onClick=${() =>
          ctx.open("deep-dive", { corner: i.corner })}>See it →</button></li>`
      )
    }</ol>`;
  },
});
