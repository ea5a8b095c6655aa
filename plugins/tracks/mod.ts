/**
 * The `tracks` plugin: known circuits (reference lines, official corners),
 * circuits drivers add from their sessions on circuits it does not know
 * (routes, the Circuit card and the Circuits page), and the `match-track`
 * stage that
 * recognises which one a session was driven on.
 *
 * @module
 */

import { definePlugin, LapsKey } from "../../sdk/mod.ts";
import { CIRCUITS_COLLECTION, forgetVanishedCircuit, tracksAnalysisData } from "./added_circuits.ts";
import { circuitRoutes } from "./circuit_routes.ts";
import { matchTrackStage } from "./match_track.ts";

export { buildCircuit, type CircuitFile, circuitSlug, CircuitSourceError } from "./circuit_builder.ts";
export {
  type CircuitCatalog,
  type CircuitSummary,
  defaultCircuitsDir,
  listCircuits,
  loadCircuits,
  parseCircuit,
} from "./circuits.ts";
export { createMatchTrackStage, matchTrack, matchTrackStage } from "./match_track.ts";

export default definePlugin({
  id: "tracks",
  version: "1.1.0",
  sdk: "^1.1",
  description: "Known circuits, circuits drivers add from their sessions, and the match-track stage, " +
    "which recognises the circuit from the GPS trace's shape.",
  stages: [matchTrackStage],
  appRoutes: circuitRoutes,
  analysisData: tracksAnalysisData,
  portableRecords: [CIRCUITS_COLLECTION],
  onSessionDeleted: forgetVanishedCircuit,
  views: [
    {
      kind: "panel",
      id: "circuit",
      title: "Circuit",
      description: "Where this session's circuit comes from; add it when the workbench does not know it.",
      in: ["dashboard"],
      order: 95,
      size: "half",
      needs: [LapsKey],
      module: "./circuit_panel.ts",
    },
    {
      kind: "view",
      id: "circuits",
      title: "Circuits",
      description: "Every circuit the workbench knows, built-in and added by drivers",
      scope: "app",
      order: 65,
      needs: [],
      module: "./circuits_page.ts",
    },
  ],
});
