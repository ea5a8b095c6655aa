/**
 * The `laps` plugin: lap splitting at the start/finish line.
 *
 * Better than the original, which took lap times from the samples either
 * side of the logger's lap-number change (quantised to the logging period):
 * crossings are interpolated between samples on the circuit's line, the
 * logger's own markers only narrow them, and files without a lap column
 * (VBOX) split just as well.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { splitLapsStage } from "./stage.ts";

export default definePlugin({
  id: "laps",
  version: "1.4.0",
  sdk: "^1.0",
  description: "Splits sessions into laps at the start/finish line and labels out, flying and in laps.",
  stages: [splitLapsStage],
});
