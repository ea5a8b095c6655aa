/**
 * The `racechrono` plugin: reads RaceChrono CSV v3 exports.
 *
 * Columns are found by (name, unit, source) in the three header rows, so
 * exports with other channel sets (OBD, extra devices) read correctly; the
 * lap column becomes lap markers; bad rows are reported with their line and
 * skipped.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { raceChronoFormat } from "./format.ts";

/** The plugin manifest. */
export default definePlugin({
  id: "racechrono",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Reads RaceChrono CSV v3 exports (columns matched by name, unit and source).",
  formats: [raceChronoFormat],
});
