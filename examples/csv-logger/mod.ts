/**
 * Example plugin: a custom logger format, a simple CSV of time, latitude,
 * longitude and speed (`format.ts`). Loaded from outside `plugins/` through
 * `WORKBENCH_PLUGINS` or `plugins.json`.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { simpleCsvFormat } from "./format.ts";

export default definePlugin({
  id: "simple-csv",
  version: "0.1.0",
  sdk: "^1.0",
  description: "Reads a simple CSV logger file: time (s), lat, lon (degrees), speed (km/h).",
  formats: [simpleCsvFormat],
});
