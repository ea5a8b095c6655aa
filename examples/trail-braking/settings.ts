/**
 * The settings the trail-braking plugin accepts (set them in `plugins.json`).
 *
 * @module
 */

import { defineSettings } from "../../sdk/mod.ts";

/** Settings schema of the trail-braking plugin. */
export const trailBrakingSettings = defineSettings({
  lookBackM: {
    type: "number",
    description: "Braking is searched from this far before the corner's entry to its apex, m",
    default: 100,
    minimum: 0,
    maximum: 400,
  },
  brakeThresholdG: {
    type: "number",
    description: "Deceleration counted as braking, g",
    default: 0.1,
    minimum: 0.02,
    maximum: 1,
  },
});
