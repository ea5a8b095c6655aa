/**
 * Plugins import only from `sdk/` and from their own folder (plus npm
 * packages), never from `kernel/` or another plugin.
 */
import assert from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const IMPORT = /(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

async function* tsFiles(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* tsFiles(path);
    else if (entry.name.endsWith(".ts")) yield path;
  }
}

/** Every relative import in a file that leaves both the plugin's folder and sdk/. */
export function forbiddenImports(file: string, source: string): string[] {
  const pluginDir = join(ROOT, "plugins", relative(join(ROOT, "plugins"), file).split("/")[0]);
  const bad: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith(".")) continue; // npm packages and node: built-ins are fine
    const target = resolve(dirname(file), spec);
    const inside = (dir: string) => !relative(dir, target).startsWith("..");
    if (!inside(pluginDir) && !inside(join(ROOT, "sdk"))) bad.push(spec);
  }
  return bad;
}

Deno.test("plugins import only from sdk/ and their own folder", async () => {
  const offenders: string[] = [];
  let files = 0;
  for await (const file of tsFiles(join(ROOT, "plugins"))) {
    files++;
    for (const spec of forbiddenImports(file, await Deno.readTextFile(file))) {
      offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.ok(files > 0, "no plugin files found");
  assert.deepEqual(offenders, []);
});

Deno.test("the import check catches kernel and cross-plugin imports", () => {
  const file = join(ROOT, "plugins", "laps", "stage.ts");
  assert.deepEqual(
    forbiddenImports(file, `import { a } from "../../kernel/run.ts";\nimport b from "../resample/mod.ts";`),
    ["../../kernel/run.ts", "../resample/mod.ts"],
  );
  assert.deepEqual(
    forbiddenImports(file, `import { c } from "../../sdk/mod.ts";\nimport d from "./gate.ts";`),
    [],
  );
});
