/**
 * The plugins' analysis data (`analysisData` in `sdk/plugin.ts`): read from
 * each plugin's own store before an analysis, handed to its stages in the
 * run settings. A plugin whose reader throws is left out (its stages see no
 * data) and logged; the analysis goes on.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { JsonValue } from "../../sdk/mod.ts";
import { errorMessage } from "../parse.ts";
import type { Registry } from "../registry.ts";
import { pluginStore } from "../storage/plugin_records.ts";
import type { WorkbenchDatabase } from "../storage/schema.ts";

/** Every registered plugin's analysis data, by plugin id; plugins without a reader are absent. */
export async function readPluginData(
  registry: Registry,
  db: Kysely<WorkbenchDatabase>,
  log: (line: string) => void = console.error,
): Promise<Record<string, JsonValue>> {
  const data: Record<string, JsonValue> = {};
  for (const plugin of registry.plugins()) {
    if (typeof plugin.analysisData !== "function") continue;
    try {
      data[plugin.id] = await plugin.analysisData(pluginStore(db, plugin.id));
    } catch (error) {
      log(`plugin "${plugin.id}" analysis data could not be read: ${errorMessage(error)}`);
    }
  }
  return data;
}
