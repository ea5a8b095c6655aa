/**
 * The number of mini-sectors: `settings.plugins.sectors.count`, checked.
 *
 * @module
 */

import type { Reporter, RunSettings } from "../../sdk/mod.ts";

/** Sectors when the settings name no count (the original's default). */
export const DEFAULT_SECTOR_COUNT = 20;
/** Most sectors allowed: on a 3 km lap that is 6 m each, about the distance of a few logger samples. */
export const MAX_SECTOR_COUNT = 500;

/**
 * The configured sector count, or {@linkcode DEFAULT_SECTOR_COUNT} with a
 * warning when the setting is not a whole number from 1 to
 * {@linkcode MAX_SECTOR_COUNT}.
 */
export function sectorCount(settings: RunSettings, report: Reporter): number {
  const count = settings.plugins?.sectors?.count;
  if (count === undefined) return DEFAULT_SECTOR_COUNT;
  if (typeof count === "number" && Number.isInteger(count) && count >= 1 && count <= MAX_SECTOR_COUNT) {
    return count;
  }
  report({
    severity: "warning",
    code: "bad_setting",
    message: `mini-sector count must be a whole number from 1 to ${MAX_SECTOR_COUNT}, not ${
      JSON.stringify(count)
    }; using ${DEFAULT_SECTOR_COUNT}`,
  });
  return DEFAULT_SECTOR_COUNT;
}
