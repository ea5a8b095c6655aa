/**
 * `deno task circuit FILE --name NAME [--out DIR] [--plugins DIR]...`
 *
 * Draws the circuit of a session on a circuit the workbench does not know
 * and writes it as a circuit file (`SLUG.json`, by default into the tracks
 * plugin's `circuits/` folder, where every workbench and `analyze` run
 * started afterwards finds it): the line is the mean of the session's
 * flying laps, its corners those the session found, numbered in lap order
 * (see `plugins/tracks/circuit_builder.ts`). In the running workbench the
 * Circuit card does the same without a file. Refuses a session that a known
 * circuit already matches, and an existing file. Exits 2 on a usage, file
 * or session problem.
 *
 * @module
 */

import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { configuredPluginDirs, loadPlugins } from "../loader.ts";
import { analyze } from "../run.ts";
import { CornersKey, DistanceLapsKey, LapsKey, TrackKey } from "../../sdk/mod.ts";
import {
  buildCircuit,
  circuitSlug,
  CircuitSourceError,
  defaultCircuitsDir,
} from "../../plugins/tracks/mod.ts";
import { parseArgs, readInputFile } from "./args.ts";

const USAGE = "usage: deno task circuit FILE --name NAME [--out DIR] [--plugins DIR]";

/** Runs the circuit command with command-line arguments; returns the exit status. */
export async function runCircuitCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ["name", "out", "plugins"]);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const name = args.values.get("name")?.at(-1)?.trim() ?? "";
  if (args.switches.has("help") || args.positional.length !== 1 || name === "") {
    console.error(USAGE);
    return args.switches.has("help") ? 0 : 2;
  }
  const slug = circuitSlug(name);
  if (slug === "") {
    console.error(`--name needs at least one letter or digit, got '${name}'`);
    return 2;
  }
  const path = args.positional[0];
  const bytes = await readInputFile(path);
  if (!bytes) return 2;
  const loaded = await loadPlugins({
    pluginDirs: [...configuredPluginDirs(), ...(args.values.get("plugins") ?? [])],
  });
  const result = await analyze(loaded.registry, { file: basename(path), bytes });
  loaded.close();
  const match = result.artifacts.get(TrackKey);
  if (match) {
    console.error(
      `${path} is driven on ${match.track.name} (${match.track.slug}), a circuit the workbench knows`,
    );
    return 2;
  }
  const laps = result.artifacts.get(LapsKey), distanceLaps = result.artifacts.get(DistanceLapsKey);
  if (!laps?.length || !distanceLaps) {
    const reason = result.diagnostics.find((d) => d.severity === "error")?.message ?? "no laps were found";
    console.error(`${path}: ${reason}`);
    return 2;
  }
  let file;
  try {
    file = buildCircuit(name, slug, { laps, distanceLaps, corners: result.artifacts.get(CornersKey) ?? [] });
  } catch (error) {
    if (!(error instanceof CircuitSourceError)) throw error;
    console.error(`${path}: ${error.message}`);
    return 2;
  }
  const out = join(args.values.get("out")?.at(-1) ?? fileURLToPath(defaultCircuitsDir()), `${slug}.json`);
  try {
    await Deno.writeTextFile(out, JSON.stringify(file, null, 1) + "\n", { createNew: true });
  } catch (error) {
    console.error(`cannot write ${out}: ${(error as Error).message}`);
    return 2;
  }
  console.log(
    `wrote ${out}: ${name}, ${(file.length_m / 1000).toFixed(3)} km, ${file.corners.length} corners, ` +
      `line from ${file.line_laps_averaged} laps; sessions analysed from now on match it`,
  );
  return 0;
}

if (import.meta.main) Deno.exit(await runCircuitCommand(Deno.args));
