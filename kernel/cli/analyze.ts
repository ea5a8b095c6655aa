/**
 * `deno task analyze FILE [--json] [--track SLUG] [--lap N] [--vehicle CAR.json] [--tag N=TAG,...]... [--plugins DIR]...`
 *
 * Analyses one logger file and prints the laps and the best lap's corners (a
 * table, or the stable JSON contract with `--json`); `--lap N` adds lap N's
 * corner table; `--vehicle` gives the car for the physics-optimal lap (the keys
 * of a truth file's `car` block); `--tag 5=traffic,rain` gives lap 5 the
 * driver's own tags, as the workbench's Tags do (traffic, off-line,
 * experimental and cold-tires leave the lap out of the analysis). Exits 1 when no lap could be found, 2 on a usage or file error.
 * Plugin folders come from `WORKBENCH_PLUGINS`, `--plugins` and `DATA_DIR/plugins.json` (which also
 * disables plugins, orders them and sets their settings; an invalid file is a usage error).
 *
 * @module
 */

import { basename } from "node:path";
import { configuredPluginDirs, type LoadedPlugins, loadPlugins } from "../loader.ts";
import { readPluginConfig } from "../plugin_config.ts";
import { analyze } from "../run.ts";
import { parseVehicle, type Vehicle } from "../../sdk/mod.ts";
import { parseArgs, readInputFile } from "./args.ts";
import { toAnalyzeJson } from "./analyze_json.ts";
import { renderAnalysisTable } from "./analyze_table.ts";

const USAGE =
  "usage: deno task analyze FILE [--json] [--track SLUG] [--lap N] [--vehicle CAR.json] [--tag N=TAG,...] [--plugins DIR]";

/** The driver's lap tags of `--tag N=TAG,...` options, or the problem with one. */
function lapTagsOf(options: readonly string[]): Record<string, string[]> | string {
  const tags: Record<string, string[]> = {};
  for (const option of options) {
    const match = /^(\d+)=(.+)$/.exec(option);
    const list = match?.[2].split(",").map((t) => t.trim()).filter(Boolean) ?? [];
    if (!match || Number(match[1]) < 1 || list.length === 0) {
      return `--tag needs a lap number and its tags, e.g. --tag 5=traffic,rain; got '${option}'`;
    }
    tags[String(Number(match[1]))] = [...(tags[String(Number(match[1]))] ?? []), ...list];
  }
  return tags;
}

/** Runs the analyze command with command-line arguments; returns the exit status. */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ["track", "lap", "vehicle", "tag", "plugins"]);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.switches.has("help") || args.positional.length !== 1) {
    console.error(USAGE);
    return args.switches.has("help") ? 0 : 2;
  }
  const lapText = args.values.get("lap")?.at(-1);
  const lap = lapText === undefined ? null : Number(lapText);
  if (lap !== null && !(Number.isInteger(lap) && lap > 0)) {
    console.error(`--lap needs a lap number (a positive whole number), got '${lapText}'\n${USAGE}`);
    return 2;
  }
  const userLapTags = lapTagsOf(args.values.get("tag") ?? []);
  if (typeof userLapTags === "string") {
    console.error(`${userLapTags}\n${USAGE}`);
    return 2;
  }
  const vehiclePath = args.values.get("vehicle")?.at(-1);
  let vehicle: Vehicle | null = null;
  if (vehiclePath !== undefined) {
    try {
      vehicle = parseVehicle(JSON.parse(await Deno.readTextFile(vehiclePath)));
    } catch (error) {
      console.error(`--vehicle ${vehiclePath}: ${(error as Error).message}`);
      return 2;
    }
  }
  const path = args.positional[0];
  const bytes = await readInputFile(path);
  if (!bytes) return 2;
  let config;
  try {
    config = await readPluginConfig(Deno.env.get("DATA_DIR") || "./data");
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const loaded = await loadPlugins({
    pluginDirs: [...configuredPluginDirs(), ...(args.values.get("plugins") ?? [])],
    config,
  });
  const { registry, problems } = loaded;
  const result = await analyze(registry, {
    file: basename(path),
    bytes,
    settings: {
      trackSlug: args.values.get("track")?.at(-1) ?? null,
      vehicle,
      plugins: loaded.settings,
      userLapTags,
    },
  });
  loaded.close();
  const doc = toAnalyzeJson(result, problems, lap, folderArtifacts(loaded));
  if (lap !== null && !doc.laps.some((l) => l.number === lap)) {
    console.error(
      `${path} has no lap ${lap}; its laps are ${doc.laps.map((l) => l.number).join(", ") || "none"}`,
    );
    return 2;
  }
  console.log(args.switches.has("json") ? JSON.stringify(doc, null, 2) : renderAnalysisTable(doc));
  return doc.laps.length === 0 ? 1 : 0;
}

/** The artifact ids each folder (not built-in) plugin produces, for `plugin_artifacts`. */
function folderArtifacts(loaded: LoadedPlugins): Map<string, string[]> {
  return new Map(
    loaded.registry.plugins()
      .filter((p) => loaded.sources.get(p.id) === "folder")
      .map((p) => [p.id, (p.stages ?? []).flatMap((s) => Object.values(s.produces).map((k) => k.id))]),
  );
}

if (import.meta.main) Deno.exit(await runAnalyzeCommand(Deno.args));
