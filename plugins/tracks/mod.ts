/**
 * The `tracks` plugin: known circuits (reference lines, official corners) and
 * the `match-track` stage that recognises which one a session was driven on.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { matchTrackStage } from "./match_track.ts";

export { type CircuitCatalog, type CircuitSummary, listCircuits, loadCircuits } from "./circuits.ts";
export { createMatchTrackStage, matchTrack, matchTrackStage } from "./match_track.ts";

export default definePlugin({
  id: "tracks",
  version: "1.0.0",
  sdk: "^1.0",
  description:
    "Known circuits and the match-track stage, which recognises the circuit from the GPS trace's shape.",
  stages: [matchTrackStage],
});
