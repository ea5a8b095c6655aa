/**
 * The `split-laps` stage: crossings, then laps.
 *
 * @module
 */

import { defineStage, LapsKey, SessionKey, TrackKey } from "../../sdk/mod.ts";
import { buildLaps } from "./build_laps.ts";
import { findCrossings } from "./crossings.ts";

/** Splits a session into laps at the start/finish line. */
export const splitLapsStage = defineStage({
  id: "split-laps",
  description:
    "Finds start/finish crossings (interpolated between samples), labels out, flying and in laps, and leaves out the laps the driver tagged traffic, off-line, experimental or cold-tires.",
  consumes: { session: SessionKey, track: TrackKey },
  produces: { laps: LapsKey },
  run(ctx, { session, track }) {
    const crossings = findCrossings(session, track, ctx.report);
    return { laps: buildLaps(session, crossings, ctx.report, ctx.settings.userLapTags) };
  },
});
