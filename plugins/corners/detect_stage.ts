/**
 * The `detect-corners` stage: the session's corners, numbered in lap order
 * and named from the matched circuit's official list when there is one.
 *
 * @module
 */

import { CornersKey, defineStage, DistanceLapsKey, LapsKey, TrackKey } from "../../sdk/mod.ts";
import { findCorners } from "./find_corners.ts";
import { griddedLaps } from "./lap_window.ts";
import { nameCorners, placeOfficialCorners } from "./official_corners.ts";
import { referenceTrace } from "./reference_trace.ts";

/** Finds the corners on the session's reference lap and names them. */
export const detectCornersStage = defineStage({
  id: "detect-corners",
  description:
    "Finds every corner where the driver slows for a bend (reference speed dips of 4 km/h or more where the line bends) and names them from the circuit's official list.",
  consumes: { track: TrackKey, laps: LapsKey, distanceLaps: DistanceLapsKey },
  produces: { corners: CornersKey },
  run(ctx, { track, laps, distanceLaps }) {
    const reference = referenceTrace(griddedLaps(laps, distanceLaps));
    if (!reference) {
      ctx.report({
        severity: "warning",
        code: "no_complete_lap",
        message: "no corners: the session has no complete lap to find them on",
      });
      return { corners: [] };
    }
    const found = findCorners(reference);
    if (found.length === 0) {
      ctx.report({
        severity: "info",
        code: "no_corners",
        message: "no corners found: the driver never slows by 4 km/h or more where the line bends",
      });
    }
    if (!track) return { corners: found };
    const lapM = reference.points * reference.stepM;
    return { corners: nameCorners(found, placeOfficialCorners(track, reference.fastest), lapM) };
  },
});
