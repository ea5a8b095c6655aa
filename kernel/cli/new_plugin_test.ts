/**
 * `deno task new-plugin` scaffolds plugins that work as generated: for each
 * kind (metric, format, view) the folder is written outside the repository,
 * formatted and lint-free by the workbench's rules, its own test passes
 * when run from the workbench (`deno test`), and it
 * loads through `WORKBENCH_PLUGINS` — a metric's artifact shows up in
 * `analyze --json`'s `plugin_artifacts`, a format and a chart are listed
 * without loading problems. Bad names, kinds and existing folders are usage
 * errors (exit 2).
 *
 * @module
 */

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { DEMO_SESSION } from "../../sdk/testing/mod.ts";
import { runNewPlugin } from "./new_plugin.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `deno ARGS` from the workbench's folder; returns its status and output. */
async function deno(args: string[], env: Record<string, string> = {}) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code, stdout: text(stdout), stderr: text(stderr) };
}

Deno.test("new-plugin: each kind is written outside the repository, passes its own test and loads", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "wb-new-plugin-" });
  try {
    for (const kind of ["metric", "format", "view"] as const) {
      await t.step(kind, async () => {
        const name = `my-${kind}`;
        const said: string[] = [];
        assert.equal(await runNewPlugin([name, "--kind", kind, "--dir", dir], ROOT, (s) => said.push(s)), 0);
        const folder = `${dir}/${name}`;
        assert.ok(said.some((s) => s.includes(folder)), said.join("\n"));
        const files = [...Deno.readDirSync(folder)].map((e) => e.name).sort();
        assert.ok(files.includes("mod.ts") && files.includes("README.md"), files.join(", "));

        const formatted = await deno(["fmt", "--check", "--config", "deno.json", folder]);
        assert.equal(formatted.code, 0, formatted.stderr);
        const linted = await deno(["lint", "--config", "deno.json", folder]);
        assert.equal(linted.code, 0, linted.stdout + linted.stderr);
        const tested = await deno(["test", "-A", folder]);
        assert.equal(tested.code, 0, tested.stdout + tested.stderr);
        assert.match(tested.stdout, /ok \| \d+ passed \| 0 failed/);

        const analysed = await deno(
          ["run", "-A", "kernel/cli/analyze.ts", fileURLToPath(DEMO_SESSION), "--json"],
          { WORKBENCH_PLUGINS: folder, DATA_DIR: dir },
        );
        assert.equal(analysed.code, 0, analysed.stderr);
        const json = JSON.parse(analysed.stdout);
        const own = json.diagnostics.filter((d: { plugin: string; severity: string }) =>
          d.plugin === name && d.severity !== "info"
        );
        assert.deepEqual(own, []);
        if (kind === "metric") {
          const values = json.plugin_artifacts[name][name] as { lap: number; topSpeedKmh: number }[];
          assert.deepEqual(
            values.map((v) => v.lap),
            json.laps.filter((l: { included: boolean }) => l.included)
              .map((l: { number: number }) => l.number),
          );
        }
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("new-plugin: bad names, kinds and existing folders are usage errors", async () => {
  const dir = await Deno.makeTempDir({ prefix: "wb-new-plugin-" });
  const quiet = () => {};
  const error = console.error;
  console.error = quiet;
  try {
    assert.equal(await runNewPlugin(["Bad_Name", "--kind", "metric", "--dir", dir], ROOT, quiet), 2);
    assert.equal(await runNewPlugin(["ok-name", "--kind", "nope", "--dir", dir], ROOT, quiet), 2);
    assert.equal(await runNewPlugin(["ok-name", "--dir", dir], ROOT, quiet), 2);
    assert.equal(await runNewPlugin(["ok-name", "--kind", "metric", "--dir", dir], ROOT, quiet), 0);
    assert.equal(await runNewPlugin(["ok-name", "--kind", "metric", "--dir", dir], ROOT, quiet), 2);
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["ok-name"]);
  } finally {
    console.error = error;
    await Deno.remove(dir, { recursive: true });
  }
});
