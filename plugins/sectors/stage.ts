/**
 * The `sectors` stage: mini-sectors over the best lap's length.
 *
 * @module
 */

import { clockedAnalysisLaps, defineStage, DistanceLapsKey, LapsKey, SectorsKey } from "../../sdk/mod.ts";
import { miniSectors } from "./mini_sectors.ts";
import { sectorCount } from "./sector_count.ts";

/** N equal-distance mini-sectors (setting `plugins.sectors.count`, default 20) over the best lap's length. */
export const sectorsStage = defineStage({
  id: "sectors",
  description:
    "Cuts the lap into equal-distance mini-sectors and finds each lap's time in each, the best per sector and who set it.",
  consumes: { laps: LapsKey, distanceLaps: DistanceLapsKey },
  produces: { sectors: SectorsKey },
  run(ctx, { laps, distanceLaps }) {
    const count = sectorCount(ctx.settings, ctx.report);
    const { laps: analysed, bestIndex } = clockedAnalysisLaps(laps, distanceLaps);
    const best = analysed[bestIndex];
    if (!best) {
      ctx.report({
        severity: "info",
        code: "no_best_lap",
        message: "no complete counted lap, so there are no mini-sectors to show",
      });
      return { sectors: null };
    }
    return { sectors: miniSectors(analysed, best.clock.lengthM, count) };
  },
});
