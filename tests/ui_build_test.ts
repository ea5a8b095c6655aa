/**
 * The UI bundler and asset handler: registered view modules are bundled with
 * the shell, bad contributions are left out with a reason, the bundle is
 * cached by content, and the handler serves the page and the hashed assets
 * (gzipped once) but never an API path.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CornersKey, GainsKey, type PluginManifest } from "../sdk/mod.ts";
import { buildUi } from "../ui/build.ts";
import { createUiHandler } from "../ui/serve.ts";

const MARKER = "chart-module-marker-7f3a";

async function fixture() {
  const root = await Deno.makeTempDir({ prefix: "wb-ui-build-" });
  const dir = join(root, "plugin");
  await Deno.mkdir(dir);
  await Deno.writeTextFile(
    join(dir, "chart.ts"),
    `export default { kind: "chart", axis: "plain", figure: () => ({ empty: "${MARKER}" }) };\n`,
  );
  await Deno.writeTextFile(join(root, "outside.ts"), "export default {};\n");
  const chart = (id: string, module: string) => ({
    kind: "chart" as const,
    id,
    title: id,
    in: ["v"],
    needs: [CornersKey],
    optional: [GainsKey],
    module,
  });
  const plugin: PluginManifest = {
    id: "fixture-views",
    version: "1.0.0",
    sdk: "^1.0",
    description: "views for the bundler test",
    views: [
      { kind: "view", id: "v", title: "V", needs: [] },
      chart("good-chart", "./chart.ts"),
      chart("good-chart", "./chart.ts"),
      chart("Bad_Id", "./chart.ts"),
      chart("escapes", "../outside.ts"),
      chart("missing-file", "./nope.ts"),
      { kind: "panel", id: "no-module", title: "x", in: ["v"], needs: [] },
    ],
  };
  const folders = new Map([[plugin.id, pathToFileURL(`${dir}/`)]]);
  return { root, plugin, folders };
}

Deno.test("view modules are bundled with the shell; bad contributions are refused with a reason", async () => {
  const { root, plugin, folders } = await fixture();
  try {
    const bundle = await buildUi({ plugins: [plugin], folders, minify: false });
    assert.deepEqual(bundle.contributions, ["v", "good-chart"]);
    assert.ok(bundle.js.includes(MARKER), "the chart module is in the bundle");
    assert.ok(bundle.js.includes("startWorkbench"), "the shell is in the bundle");
    assert.ok(bundle.css.includes(".cursor-line"), "the stylesheet is bundled");
    const reasons = bundle.problems.map((p) => p.message);
    assert.deepEqual(reasons, [
      'view "good-chart" not shown: another plugin already contributes this id',
      'view "Bad_Id" not shown: its id must be kebab-case',
      'view "escapes" not shown: module "../outside.ts" is outside the plugin\'s folder',
      'view "missing-file" not shown: module "./nope.ts" does not exist',
      'view "no-module" not shown: a panel needs a browser module',
    ]);
    assert.ok(bundle.problems.every((p) => p.plugin === "fixture-views" && p.severity === "error"));
    assert.deepEqual(bundle.prefetch, { views: ["v"], artifacts: { v: [CornersKey.id, GainsKey.id] } });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("an unchanged build is read from the cache directory", async () => {
  const { root, plugin, folders } = await fixture();
  try {
    const cacheDir = join(root, "cache");
    const first = await buildUi({ plugins: [plugin], folders, cacheDir, minify: false });
    const second = await buildUi({ plugins: [plugin], folders, cacheDir, minify: false });
    assert.ok(first.seconds > 0);
    assert.equal(second.seconds, 0);
    assert.equal(second.hash, first.hash);
    assert.equal(second.js, first.js);
    await Deno.writeTextFile(
      join(root, "plugin", "chart.ts"),
      `export default { kind: "chart", axis: "plain", figure: () => ({ empty: "changed" }) };\n`,
    );
    const third = await buildUi({ plugins: [plugin], folders, cacheDir, minify: false });
    assert.ok(third.seconds > 0, "a changed module is rebuilt");
    assert.notEqual(third.hash, first.hash);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the handler serves the page and hashed assets, builds once, and leaves API paths alone", async () => {
  let builds = 0;
  const handler = createUiHandler(() => {
    builds++;
    return Promise.resolve({
      js: "console.log(1);".repeat(200),
      css: "body{}",
      hash: "abc123",
      problems: [],
      contributions: [],
      seconds: 0,
      prefetch: { views: ["dashboard"], artifacts: { dashboard: ["corners</script>"] } },
    });
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    handler(new Request(`http://127.0.0.1${path}`, { headers }));
  assert.equal(await get("/api/sessions"), null);
  assert.equal(builds, 0, "API calls never build the UI");
  const page = (await get("/?s=x&v=deep-dive"))!;
  assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
  const html = await page.text();
  assert.match(html, /src="\/assets\/app\.abc123\.js"/);
  assert.match(html, /workbenchPrefetch/);
  assert.ok(html.includes('"corners\\u003c/script>"'), "the prefetch plan is embedded, `<` escaped");
  const gz = (await get("/assets/app.abc123.js", { "accept-encoding": "gzip, br" }))!;
  assert.equal(gz.headers.get("content-encoding"), "gzip");
  assert.match(gz.headers.get("cache-control")!, /immutable/);
  const plain = await (await get("/assets/app.abc123.js"))!.text();
  assert.equal(plain, "console.log(1);".repeat(200));
  const unzipped = await new Response((await gz.blob()).stream().pipeThrough(new DecompressionStream("gzip")))
    .text();
  assert.equal(unzipped, plain);
  assert.equal(await get("/assets/app.old.js"), null);
  assert.equal(await get("/favicon.ico"), null);
  assert.equal(builds, 1);
});
