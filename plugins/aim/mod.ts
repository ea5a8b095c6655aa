/**
 * The `aim` plugin: reads AiM Race Studio CSV exports.
 *
 * Columns are found by name and converted by the units row (km/h, mm…);
 * `Date` and `Time` give the session's start; the beacon markers become
 * exact lap markers.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { aimFormat } from "./format.ts";

/** The plugin manifest. */
export default definePlugin({
  id: "aim",
  version: "1.0.0",
  sdk: "^1.0",
  description:
    "Reads AiM Race Studio CSV exports (channels by name and unit, beacon markers as lap markers).",
  formats: [aimFormat],
});
