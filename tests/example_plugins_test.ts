/**
 * The two example plugins of `examples/`, loaded from outside `plugins/`
 * through `DATA_DIR/plugins.json` (with a setting for one of them), as a
 * team would install them:
 *
 * - `deno task analyze` reads a file in the simple CSV format (written from
 *   the shared Barber session) with the sandboxed `simple-csv` format, finds
 *   the session's laps, and prints the sandboxed `trail-braking` metric in
 *   `plugin_artifacts`, one index per corner;
 * - the server lists both plugins in `GET /api/plugins` (source `folder`,
 *   sandboxed, healthy, the configured setting applied), analyses an
 *   uploaded simple CSV file with them, and serves the metric as an artifact;
 * - in Chromium the Deep Dive shows the example's trail-braking chart with a
 *   bar per corner. A screenshot goes to `test-output/examples/`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium, VIEWPORTS, waitForView } from "../kernel/testing/chromium.ts";
import { haveSessions, readReferenceSession, readTruth } from "../sdk/testing/mod.ts";
import { toSimpleCsv } from "../examples/csv-logger/sample.ts";
import { getJson, ROOT, startTestServer, testDatabase, upload, waitForStatus } from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "examples");
const EXAMPLES = ["trail-braking", "csv-logger"].map((name) => join(ROOT, "examples", name));
const LOOK_BACK_M = 120;

/** Writes `plugins.json` naming the examples into `dataDir`. */
async function configureExamples(dataDir: string): Promise<void> {
  await Deno.writeTextFile(
    join(dataDir, "plugins.json"),
    JSON.stringify({
      folders: EXAMPLES,
      plugins: { "trail-braking": { settings: { lookBackM: LOOK_BACK_M } } },
    }),
  );
}

interface TrailBrakingCorner {
  label: string;
  index: number | null;
}

Deno.test({
  name: "example plugins from plugins.json: analyze, the API and the Deep Dive chart, sandboxed",
  ignore: !haveSessions(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await Deno.mkdir(OUTPUT, { recursive: true });
    const reference = await readReferenceSession("barber-8laps.csv");
    const truth = await readTruth("barber-8laps.csv");
    const csv = {
      name: "barber-simple.csv",
      bytes: new TextEncoder().encode(toSimpleCsv(reference.session)),
    };
    await using db = await testDatabase("sqlite");
    const dataDir = db.env.DATA_DIR;
    await configureExamples(dataDir);
    const file = join(dataDir, csv.name);
    await Deno.writeFile(file, csv.bytes);

    // The command line.
    const run = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "kernel/cli/analyze.ts", file, "--json"],
      cwd: ROOT,
      env: { DATA_DIR: dataDir, NO_COLOR: "1", WORKBENCH_PLUGINS: "" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(run.code, 0, new TextDecoder().decode(run.stderr));
    const json = JSON.parse(new TextDecoder().decode(run.stdout));
    assert.equal(json.format, "simple-csv");
    const flying = truth.laps.filter((l) => l.complete && l.kind !== "out" && l.kind !== "in");
    for (const lap of flying) {
      const found = json.laps.find((l: { number: number }) => l.number === lap.number);
      assert.ok(found && Math.abs(found.time_s - lap.time_s!) < 0.05, `lap ${lap.number}: ${found?.time_s}`);
    }
    const problems = json.diagnostics.filter((d: { plugin: string; severity: string }) =>
      ["trail-braking", "simple-csv"].includes(d.plugin) && d.severity !== "info"
    );
    assert.deepEqual(problems, [], "both load sandboxed, without warnings");
    const index: TrailBrakingCorner[] = json.plugin_artifacts["trail-braking"]["trail-braking"];
    assert.deepEqual(index.map((c) => c.label), json.corners.map((c: { label: string }) => c.label));

    // The server.
    await using server = await startTestServer(db);
    const plugins = await getJson<{ plugins: Record<string, unknown>[] }>(`${server.url}/api/plugins`);
    for (const id of ["trail-braking", "simple-csv"]) {
      const listed = plugins.plugins.find((p) => p.id === id)!;
      assert.ok(listed, `${id} listed`);
      assert.deepEqual([listed.source, listed.isolated, (listed.health as { status: string }).status], [
        "folder",
        true,
        "healthy",
      ]);
    }
    const trailBraking = plugins.plugins.find((p) => p.id === "trail-braking")!;
    assert.equal((trailBraking.settings as { lookBackM: number }).lookBackM, LOOK_BACK_M);
    const uploaded = await upload(server.url, [csv]);
    assert.equal(uploaded.status, 201, await uploaded.clone().text());
    const id = (await uploaded.json()).session_ids[0];
    const session = await waitForStatus(server.url, id);
    assert.equal(session.status, "ready");
    const served = await getJson<TrailBrakingCorner[]>(
      `${server.url}/api/sessions/${id}/artifacts/trail-braking`,
    );
    assert.deepEqual(served.map((c) => c.label), index.map((c) => c.label));

    // The chart.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/?s=${id}&v=deep-dive`);
      await waitForView(page, "deep-dive");
      const card = page.locator('[data-contribution="trail-braking-chart"]');
      await card.scrollIntoViewIfNeeded();
      const bars = await card.locator('g[aria-label="bar"] rect').count();
      assert.equal(bars, served.filter((c) => c.index !== null).length);
      await card.screenshot({ path: join(OUTPUT, "trail-braking-chart.png") });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
});
