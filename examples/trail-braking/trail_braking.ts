/**
 * The trail-braking index per corner.
 *
 * Our loggers record no brake pressure, so trail braking is read from the
 * two accelerations: a driver trail-brakes when deceleration and lateral
 * load overlap at corner entry, i.e. the brakes are still on while the car
 * already turns. On each analysed lap, from `lookBackM` before the corner's
 * entry (where the line starts to bend) to its speed apex:
 *
 * - braking `b` = deceleration where it exceeds `brakeThresholdG` (else 0),
 *   from speed (`longitudinalG`, so every logger gives it);
 * - lateral load `l` = |v² × curvature of the GPS path| (`lateral_g.ts`);
 * - index = Σ min(b, l) / Σ b over the grid points of that stretch.
 *
 * 0: every bit of braking done in a straight line before turning in;
 * towards 1: the braking is carried into the turn (with as much lateral as
 * longitudinal g). A lap that does not brake for the corner has no index
 * (null); the corner's index is the mean over the laps that brake.
 *
 * @module
 */

import {
  analysisLaps,
  CornersKey,
  defineStage,
  DistanceLapsKey,
  distanceLapsOf,
  LapsKey,
  longitudinalG,
  settingsOf,
} from "../../sdk/mod.ts";
import { type TrailBrakingCorner, TrailBrakingKey } from "./keys.ts";
import { lateralG } from "./lateral_g.ts";
import { trailBrakingSettings } from "./settings.ts";

/** Computes {@linkcode TrailBrakingKey} from the corners and the analysed laps on the distance grid. */
export const trailBrakingStage = defineStage({
  id: "trail-braking-index",
  description: "Trail-braking index per corner: how much of the braking overlaps with turning.",
  consumes: { corners: CornersKey, laps: LapsKey, distanceLaps: DistanceLapsKey },
  produces: { trailBraking: TrailBrakingKey },
  run(ctx, { corners, laps, distanceLaps }) {
    const { lookBackM, brakeThresholdG } = settingsOf(ctx, trailBrakingSettings);
    const grids = distanceLapsOf(analysisLaps(laps), distanceLaps);
    if (corners.length === 0 || grids.length === 0) {
      ctx.report({ severity: "info", message: "no corners or no complete laps: no trail-braking index" });
      return { trailBraking: [] };
    }
    const perCorner: TrailBrakingCorner[] = corners.map((c) => ({
      corner: c.number,
      label: c.label,
      index: null,
      laps: [],
    }));
    for (const lap of grids) {
      ctx.signal.throwIfAborted();
      const long = longitudinalG(lap);
      const lat = lateralG(lap);
      corners.forEach((c, k) => {
        const from = Math.max(0, Math.round((c.entryM - lookBackM) / lap.stepM));
        const to = Math.min(lap.points - 1, Math.round(c.apexM / lap.stepM));
        let braking = 0, overlap = 0;
        for (let i = from; i <= to; i++) {
          const b = -long[i];
          if (b <= brakeThresholdG) continue;
          braking += b;
          overlap += Math.min(b, lat[i]);
        }
        perCorner[k].laps.push({ lap: lap.number, index: braking > 0 ? overlap / braking : null });
      });
    }
    for (const c of perCorner) {
      const values = c.laps.flatMap((l) => l.index ?? []);
      c.index = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
    }
    return { trailBraking: perCorner };
  },
});
