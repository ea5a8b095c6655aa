/**
 * `deno task new-plugin NAME --kind metric|format|view [--dir DIR]`
 *
 * Scaffolds a working plugin in `DIR/NAME` (DIR defaults to the directory
 * the command was run from): `mod.ts`, the stage, format or chart module, a
 * test using the `sdk/testing` harness, and a README, formatted with the
 * workbench's `deno fmt` settings. Imports point at this workbench's `sdk/`,
 * so the folder can live anywhere. Refuses a name that is not kebab-case and
 * a folder that already exists. Exits 2 on a usage error.
 *
 * @module
 */

import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "./args.ts";
import { pluginTemplates, type TemplateKind } from "./new_plugin_templates.ts";

const USAGE = "usage: deno task new-plugin NAME --kind metric|format|view [--dir DIR]";
const KINDS: readonly TemplateKind[] = ["metric", "format", "view"];
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SDK_DIR = resolve(ROOT, "sdk");
const CONFIG = resolve(ROOT, "deno.json");

/** Runs the command; returns the exit status. `cwd` is where relative `--dir` paths start. */
export async function runNewPlugin(argv: string[], cwd: string, log = console.log): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ["kind", "dir"]);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.switches.has("help")) {
    log(USAGE);
    return 0;
  }
  const [name, ...extra] = args.positional;
  const kind = args.values.get("kind")?.at(-1) as TemplateKind | undefined;
  if (!name || extra.length > 0) return usage("give one plugin NAME");
  if (!NAME.test(name) || name.length > 40) {
    return usage(
      `"${name}" is not a plugin name: use kebab-case (a-z, 0-9, single dashes), e.g. "trail-braking"`,
    );
  }
  if (!kind || !KINDS.includes(kind)) return usage(`--kind must be one of ${KINDS.join(", ")}`);
  const folder = resolve(cwd, args.values.get("dir")?.at(-1) ?? ".", name);
  try {
    await Deno.lstat(folder);
    return usage(`${folder} already exists; pick another NAME or --dir`);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const sdk = relative(folder, SDK_DIR).split("\\").join("/");
  const files = pluginTemplates(kind, name, sdk.startsWith(".") ? sdk : `./${sdk}`);
  await Deno.mkdir(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) await Deno.writeTextFile(resolve(folder, file), text);
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", "--config", CONFIG, folder] }).output();
  log(`created ${kind} plugin "${name}" in ${folder}:`);
  for (const file of Object.keys(files)) log(`  ${file}`);
  log(`next, from the workbench's folder (${ROOT}):`);
  log(`  deno test -A ${folder}`);
  log(`  WORKBENCH_PLUGINS=${folder} deno task analyze kernel/cli/demo/barber-demo.csv --json`);
  log(`  deno fmt --config deno.json ${folder} && deno lint --config deno.json ${folder}`);
  return 0;
}

function usage(message: string): number {
  console.error(`${message}\n${USAGE}`);
  return 2;
}

if (import.meta.main) Deno.exit(await runNewPlugin(Deno.args, Deno.env.get("INIT_CWD") ?? Deno.cwd()));
