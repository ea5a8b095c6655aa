/**
 * The `gps-quality` stage: measures the fixes and the laps' line scatter,
 * scores them, and lists the poor stretches.
 *
 * @module
 */

import {
  analysisLaps,
  defineStage,
  DistanceLapsKey,
  distanceLapsOf,
  GpsQualityKey,
  LapsKey,
  SessionKey,
} from "../../sdk/mod.ts";
import { readFixes } from "./fixes.ts";
import { lineScatterP90M } from "./scatter.ts";
import { scoreMetrics } from "./scoring.ts";
import { findBadSpans } from "./spans.ts";

/** Scores the session's GPS 0..100 with the reasons and the poor stretches. */
export const gpsQualityStage = defineStage({
  id: "gps-quality",
  description:
    "Scores GPS quality 0..100 from line scatter, lost fixes, spikes, accuracy, satellites and fix rate, and lists poor stretches.",
  consumes: { session: SessionKey, laps: LapsKey, distanceLaps: DistanceLapsKey },
  produces: { gpsQuality: GpsQualityKey },
  run(ctx, { session, laps, distanceLaps }) {
    const fixes = readFixes(session);
    const scatterM = lineScatterP90M(distanceLapsOf(analysisLaps(laps), distanceLaps));
    if (scatterM === null) {
      ctx.report({
        severity: "info",
        code: "gps_scatter_unmeasured",
        message: "line scatter not measured: it needs at least 3 complete flying laps",
      });
    }
    const values = {
      "line-scatter-p90": scatterM,
      "no-fix-time": fixes.durationS > 0 ? (100 * fixes.gapSeconds) / fixes.durationS : null,
      "spikes-per-km": fixes.distanceKm > 0.5 ? fixes.spikes.length / fixes.distanceKm : null,
      "accuracy-p90": fixes.accuracyP90M,
      "satellites-p10": fixes.satellitesP10,
      "fix-rate": fixes.epochs.length > 1 ? 1 / fixes.periodS : null,
    };
    const scored = scoreMetrics(values);
    if (!scored.usable) {
      ctx.report({
        severity: "warning",
        code: "gps_poor",
        message:
          `GPS quality ${scored.score} (grade ${scored.grade}): corner and line figures are unreliable`,
      });
    }
    return { gpsQuality: { ...scored, badSpans: findBadSpans(session, fixes, ctx.settings.gps) } };
  },
});
