/**
 * `deno task analyze FILE [--json] [--track SLUG] [--plugins DIR]...`
 *
 * Analyses one logger file and prints the laps (a table, or the stable JSON
 * contract with `--json`). Exits 1 when no lap could be found, 2 on a usage
 * or file error.
 *
 * @module
 */

import { basename } from "node:path";
import { configuredPluginDirs, loadPlugins } from "../loader.ts";
import { analyze } from "../run.ts";
import { parseArgs } from "./args.ts";
import { toAnalyzeJson } from "./analyze_json.ts";
import { renderAnalysisTable } from "./analyze_table.ts";

const USAGE = "usage: deno task analyze FILE [--json] [--track SLUG] [--plugins DIR]";

/** Runs the analyze command with command-line arguments; returns the exit status. */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ["track", "plugins"]);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.switches.has("help") || args.positional.length !== 1) {
    console.error(USAGE);
    return args.switches.has("help") ? 0 : 2;
  }
  const path = args.positional[0];
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    console.error(`cannot read ${path}: ${(error as Error).message}`);
    return 2;
  }
  const { registry, problems } = await loadPlugins({
    pluginDirs: [...configuredPluginDirs(), ...(args.values.get("plugins") ?? [])],
  });
  const result = await analyze(registry, {
    file: basename(path),
    bytes,
    settings: { trackSlug: args.values.get("track")?.at(-1) ?? null },
  });
  const doc = toAnalyzeJson(result, problems);
  console.log(args.switches.has("json") ? JSON.stringify(doc, null, 2) : renderAnalysisTable(doc));
  return doc.laps.length === 0 ? 1 : 0;
}

if (import.meta.main) Deno.exit(await runAnalyzeCommand(Deno.args));
