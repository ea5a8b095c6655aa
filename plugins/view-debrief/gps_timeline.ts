/**
 * GPS quality along the session: the laps as bands on the session's clock
 * and the stretches where the signal was poor in red, with their reason.
 *
 * @module
 */

import { GpsQualityKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 150,
  figure(ctx) {
    const gps = ctx.data.artifact(GpsQualityKey);
    if (!gps) return { empty: "No GPS quality for this session." };
    const { Plot, kit } = ctx;
    const laps = ctx.data.laps.map((l) => ({
      start: l.startTimeS / 60,
      end: (l.startTimeS + (l.timeS ?? 0)) / 60,
      label: `L${l.number}`,
      odd: l.number % 2 === 1,
    })).filter((l) => l.end > l.start);
    const bad = gps.badSpans.map((s) => ({
      start: s.startS / 60,
      end: Math.max(s.endS, s.startS + 0.5) / 60,
      reason: s.reason,
    }));
    return {
      plot: {
        subtitle: `Grade ${gps.grade} · ${Math.round(gps.score)}/100 · ${bad.length} poor stretch${
          bad.length === 1 ? "" : "es"
        }`,
        x: { label: "Session time (min)" },
        y: { axis: null, domain: [0, 2] },
        marks: [
          Plot.rectX(laps, {
            x1: "start",
            x2: "end",
            y1: 0,
            y2: 1,
            fill: (l: { odd: boolean }) => (l.odd ? kit.lapColor(0) : kit.lapColor(5)),
            fillOpacity: 0.25,
            inset: 0.5,
          }),
          Plot.text(laps, {
            x: (l: { start: number; end: number }) => (l.start + l.end) / 2,
            y: 0.5,
            text: "label",
            fontSize: 9,
          }),
          Plot.rectX(bad, {
            x1: "start",
            x2: "end",
            y1: 1.1,
            y2: 1.9,
            fill: kit.deltaColor("loss"),
            tip: true,
            title: "reason",
          }),
        ],
      },
    };
  },
});
