/**
 * The `lap-tags` stage: gathers the evidence (corner drops, line
 * excursions, unusual lifts, poor GPS) and tags every lap.
 *
 * @module
 */

import {
  analysisLaps,
  CornerKpisKey,
  CornersKey,
  defineStage,
  DistanceLapsKey,
  distanceLapsOf,
  GpsQualityKey,
  type Lap,
  LapsKey,
  LapTagsKey,
  median,
} from "../../sdk/mod.ts";
import { findCornerDrops } from "./corner_drops.ts";
import { findUnusualLifts } from "./lifts.ts";
import { findLineExcursions } from "./line_excursions.ts";
import { tagLaps } from "./tag_laps.ts";

/** Tags every lap: clean, traffic-suspect, off-track, mistake, cool-down, poor-gps. */
export const lapTagsStage = defineStage({
  id: "lap-tags",
  description:
    "Tags every lap clean, traffic-suspect, off-track, mistake, cool-down or poor-gps, each with its reason.",
  consumes: {
    laps: LapsKey,
    distanceLaps: DistanceLapsKey,
    corners: CornersKey,
    cornerKpis: CornerKpisKey,
    gpsQuality: GpsQualityKey,
  },
  produces: { lapTags: LapTagsKey },
  run(ctx, { laps, distanceLaps, corners, cornerKpis, gpsQuality }) {
    const analysis = analysisLaps(laps);
    const analysisGrids = distanceLapsOf(analysis, distanceLaps);
    const gridOf = new Map(distanceLaps.map((d) => [d.number, d]));
    const checked = laps.flatMap((lap) => {
      const grid = gridOf.get(lap.number);
      return lap.complete && lap.kind === "flying" && grid ? [{ lap, grid }] : [];
    });
    if (analysis.length < 3) {
      ctx.report({
        severity: "info",
        code: "lap_tags_few_laps",
        message:
          `only ${analysis.length} flying laps: laps are tagged for pace and GPS, not compared corner by corner`,
      });
    }
    const enough = analysis.length >= 3;
    const lapTags = tagLaps(laps, {
      medianLapTimeS: analysis.length > 0 ? median(analysis.map((l) => l.timeS!)) : null,
      drops: enough ? findCornerDrops(cornerKpis, new Set(analysis.map((l) => l.number))) : null,
      excursions: enough ? findLineExcursions(checked, analysisGrids, corners, gpsQuality.badSpans) : null,
      lifts: enough
        ? findUnusualLifts(
          checked,
          analysisGrids,
          corners,
          cornerKpis,
          gpsQuality.badSpans,
          lapsBeforeInLap(laps),
        )
        : null,
      badSpans: gpsQuality.badSpans,
      cornerLabels: new Map(corners.map((c) => [c.number, c.label])),
    });
    return { lapTags };
  },
});

/** Numbers of the laps followed by an in-lap (or by a lap that never reached the line). */
function lapsBeforeInLap(laps: readonly Lap[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < laps.length; i++) {
    if (laps[i + 1].kind === "in" || !laps[i + 1].complete) out.add(laps[i].number);
  }
  return out;
}
