/**
 * The `vbox` plugin: reads Racelogic VBOX `.vbo` files.
 *
 * Columns are found by their `[column names]`; latitude and longitude come
 * in minutes (longitude positive west) and are turned into degrees east,
 * time of day (UTC, with a pass through midnight handled) and the file's
 * creation date give the session's start time. VBOX files carry no lap
 * markers: laps come from the start/finish line alone.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { vboxFormat } from "./format.ts";

/** The plugin manifest. */
export default definePlugin({
  id: "vbox",
  version: "1.0.0",
  sdk: "^1.0",
  description:
    "Reads Racelogic VBOX .vbo files (minutes to degrees, west-positive longitude, UTC time of day).",
  formats: [vboxFormat],
});
