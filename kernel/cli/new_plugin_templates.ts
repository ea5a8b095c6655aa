/**
 * The files `deno task new-plugin` writes, per kind: a metric (a stage and
 * its artifact), a logger format, or a view (a chart). Each comes with a
 * test that passes as generated and a README stub.
 *
 * @module
 */

/** What a scaffold contributes. */
export type TemplateKind = "metric" | "format" | "view";

/** File name → content of a new plugin `id`; `sdk` is the relative path from its folder to `sdk/`. */
export function pluginTemplates(kind: TemplateKind, id: string, sdk: string): Record<string, string> {
  const names = namesOf(id);
  const files = kind === "metric"
    ? metric(names, sdk)
    : kind === "format"
    ? format(names, sdk)
    : view(names, sdk);
  return { ...files, "README.md": readme(kind, names) };
}

interface Names {
  /** kebab-case id, e.g. `top-speed`. */
  id: string;
  /** snake_case file stem, e.g. `top_speed`. */
  file: string;
  /** camelCase, e.g. `topSpeed`. */
  camel: string;
  /** PascalCase, e.g. `TopSpeed`. */
  pascal: string;
}

function namesOf(id: string): Names {
  const parts = id.split("-");
  const pascal = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join("");
  return { id, file: parts.join("_"), camel: pascal[0].toLowerCase() + pascal.slice(1), pascal };
}

function metric(n: Names, sdk: string): Record<string, string> {
  return {
    "mod.ts": `/**
 * ${n.id}: a metric plugin (scaffolded by \`deno task new-plugin\`).
 *
 * @module
 */

import { definePlugin } from "${sdk}/mod.ts";
import { ${n.camel}Stage } from "./${n.file}.ts";

export { ${n.pascal}Key, type ${n.pascal}Lap } from "./keys.ts";

export default definePlugin({
  id: "${n.id}",
  version: "0.1.0",
  sdk: "^1.0",
  description: "Top speed of every analysed lap, km/h.",
  stages: [${n.camel}Stage],
});
`,
    "keys.ts": `/**
 * The artifact ${n.id} produces, in a file of its own: a chart module (a
 * browser module) imports the key from here without pulling the stage's
 * code into the browser bundle.
 *
 * @module
 */

import { artifact } from "${sdk}/artifact.ts";

/** One lap's value. */
export interface ${n.pascal}Lap {
  /** Lap number. */
  lap: number;
  /** Top speed on the lap, km/h. */
  topSpeedKmh: number;
}

/** The artifact this plugin produces. */
export const ${n.pascal}Key = artifact<${n.pascal}Lap[]>("${n.id}", "Top speed of every analysed lap, km/h");
`,
    [`${n.file}.ts`]: `/**
 * The ${n.id} stage: the top speed of every analysed lap. Replace the
 * computation with your own metric; keep \`run\` pure (no mutation of its
 * inputs) and report instead of throwing when the data cannot give a value.
 *
 * @module
 */

import { analysisLaps, defineStage, distanceLapsOf, DistanceLapsKey, LapsKey } from "${sdk}/mod.ts";
import { ${n.pascal}Key } from "./keys.ts";

/** Computes {@linkcode ${n.pascal}Key}. */
export const ${n.camel}Stage = defineStage({
  id: "${n.id}",
  description: "Top speed of every analysed lap.",
  consumes: { laps: LapsKey, distanceLaps: DistanceLapsKey },
  produces: { result: ${n.pascal}Key },
  run(ctx, { laps, distanceLaps }) {
    const grids = distanceLapsOf(analysisLaps(laps), distanceLaps);
    if (grids.length === 0) ctx.report({ severity: "info", message: "no complete lap to measure" });
    return {
      result: grids.map((lap) => {
        let top = 0;
        for (const v of lap.channels.speedMps) if (v > top) top = v;
        return { lap: lap.number, topSpeedKmh: top * 3.6 };
      }),
    };
  },
});
`,
    [`${n.file}_test.ts`]: `/**
 * ${n.id} on the workbench's demo session (Barber, 8 laps), through the real pipeline.
 *
 * @module
 */

import assert from "node:assert/strict";
import { analysisLaps, LapsKey } from "${sdk}/mod.ts";
import { DEMO_SESSION, runPluginOnSample } from "${sdk}/testing/mod.ts";
import plugin, { ${n.pascal}Key } from "./mod.ts";

Deno.test("${n.id}: one value per analysed lap, no errors", async () => {
  const run = await runPluginOnSample(plugin, DEMO_SESSION);
  assert.deepEqual(run.errors(), []);
  const laps = analysisLaps(run.get(LapsKey)!);
  const result = run.get(${n.pascal}Key)!;
  assert.deepEqual(result.map((r) => r.lap), laps.map((l) => l.number));
  for (const r of result) assert.ok(r.topSpeedKmh > 50 && r.topSpeedKmh < 300, \`lap \${r.lap}: \${r.topSpeedKmh}\`);
});
`,
  };
}

function format(n: Names, sdk: string): Record<string, string> {
  return {
    "mod.ts": `/**
 * ${n.id}: a logger format plugin (scaffolded by \`deno task new-plugin\`).
 *
 * @module
 */

import { definePlugin } from "${sdk}/mod.ts";
import { ${n.camel}Format } from "./${n.file}.ts";

export default definePlugin({
  id: "${n.id}",
  version: "0.1.0",
  sdk: "^1.0",
  description: "Reads ${n.id} files.",
  formats: [${n.camel}Format],
});
`,
    [`${n.file}.ts`]: `/**
 * The ${n.id} format: a first line \`# ${n.id}\`, then the header
 * \`time,lat,lon,speed\`, then rows of seconds, degrees, degrees and km/h.
 * Change the sniffing and the columns to your logger's.
 *
 * @module
 */

import { buildSession, DataError, defineFormat, scanNumericTable, type Session } from "${sdk}/mod.ts";

/** The first line of a ${n.id} file. */
export const MAGIC = "# ${n.id}";

/** The ${n.id} format. */
export const ${n.camel}Format = defineFormat({
  id: "${n.id}",
  name: "${n.pascal} log",
  extensions: [".csv"],
  sniff: (head) => head.split(/\\r?\\n/, 1)[0].trim() === MAGIC,
  parse(bytes, ctx): Session {
    const text = new TextDecoder().decode(bytes.subarray(0, 4096));
    const lines = text.split("\\n");
    if (lines.length < 3 || lines[1].trim() !== "time,lat,lon,speed") {
      throw new DataError("line 2 must be the header time,lat,lon,speed", { file: ctx.file, line: 2 });
    }
    const table = scanNumericTable(bytes, {
      file: ctx.file,
      start: lines[0].length + lines[1].length + 2,
      firstLine: 3,
      separator: ",",
      fieldCount: 4,
      columns: [
        { field: 0, name: "time", required: true },
        { field: 1, name: "lat", required: true },
        { field: 2, name: "lon", required: true },
        { field: 3, name: "speed", required: true, factor: 1 / 3.6 },
      ],
      report: ctx.report,
    });
    const [timeS, latDeg, lonDeg, speedMps] = table.values;
    return buildSession({
      format: "${n.id}",
      channels: { timeS, latDeg, lonDeg, speedMps },
      lines: table.lines,
      unixOffsetS: null,
      trackNameHint: null,
      lapMarkers: [],
      metadata: {},
    }, ctx);
  },
});
`,
    [`${n.file}_test.ts`]: `/**
 * ${n.id}: reads a small file, reports a bad row with its line, and leaves
 * other loggers' files alone.
 *
 * @module
 */

import assert from "node:assert/strict";
import { DEMO_SESSION, headOf, LAX_SETTINGS, parseContext, readSession } from "${sdk}/testing/mod.ts";
import { ${n.camel}Format } from "./${n.file}.ts";

const SAMPLE = [
  "# ${n.id}",
  "time,lat,lon,speed",
  "0.00,33.5307507,-86.6225874,100.0",
  "0.04,33.5307497,-86.6225891,abc",
  "0.08,33.5307497,-86.6225898,101.0",
].join("\\n") + "\\n";

Deno.test("${n.id}: reads the rows, reports the bad one", () => {
  const bytes = new TextEncoder().encode(SAMPLE);
  assert.ok(${n.camel}Format.sniff(headOf(bytes)));
  const ctx = parseContext("sample.csv", LAX_SETTINGS);
  const session = ${n.camel}Format.parse(bytes, ctx);
  assert.equal(session.rows, 2);
  assert.ok(Math.abs(session.channels.speedMps[1] - 101 / 3.6) < 1e-9);
  assert.deepEqual(ctx.diagnostics.map((d) => d.line), [4]);
});

Deno.test("${n.id}: other loggers' files are not taken for it", async () => {
  assert.equal(${n.camel}Format.sniff(headOf(await readSession(DEMO_SESSION))), false);
});
`,
  };
}

function view(n: Names, sdk: string): Record<string, string> {
  return {
    "mod.ts": `/**
 * ${n.id}: a chart plugin (scaffolded by \`deno task new-plugin\`). Charts
 * only draw artifacts; compute numbers in a stage.
 *
 * @module
 */

import { definePlugin } from "${sdk}/mod.ts";

export default definePlugin({
  id: "${n.id}",
  version: "0.1.0",
  sdk: "^1.0",
  description: "A chart of the session's lap times.",
  views: [{
    kind: "chart",
    id: "${n.id}",
    title: "${n.pascal}",
    description: "Lap time of every timed lap.",
    in: ["dashboard"],
    size: "half",
    needs: [],
    module: "./${n.file}_chart.ts",
  }],
});
`,
    [`${n.file}_chart.ts`]: `/**
 * The ${n.id} chart (a browser module): lap time against lap number.
 *
 * @module
 */

import { defineChart } from "${sdk}/views.ts";

export default defineChart({
  axis: "plain",
  height: 220,
  figure({ Plot, data }) {
    const laps = data.laps.filter((l) => l.timeS !== null);
    if (laps.length === 0) return { empty: "No timed lap in this session." };
    return {
      plot: {
        x: { label: "Lap" },
        y: { label: "Lap time, s", zero: false, grid: true },
        marks: [Plot.lineY(laps, { x: "number", y: "timeS" }), Plot.dot(laps, { x: "number", y: "timeS" })],
      },
    };
  },
});
`,
    [`${n.file}_test.ts`]: `/**
 * ${n.id}: the chart draws a line for timed laps and says so when there is none.
 *
 * @module
 */

import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import type { ChartContext, ViewLap } from "${sdk}/views.ts";
import chart from "./${n.file}_chart.ts";

const lap = (number: number, timeS: number | null) => ({ number, timeS }) as ViewLap;
const context = (laps: ViewLap[]) => ({ Plot, data: { laps } }) as unknown as ChartContext;

Deno.test("${n.id}: a line over the timed laps", () => {
  const figure = chart.figure(context([lap(1, 95.2), lap(2, 93.8), lap(3, null)]));
  assert.ok("plot" in figure);
  assert.equal(figure.plot.marks?.length, 2);
});

Deno.test("${n.id}: an empty state without timed laps", () => {
  assert.ok("empty" in chart.figure(context([lap(1, null)])));
});
`,
  };
}

function readme(kind: TemplateKind, n: Names): string {
  const what = { metric: "a metric (a pipeline stage)", format: "a logger format", view: "a chart" }[kind];
  return `# ${n.id}

${n.pascal}: ${what} for Cataclysm Workbench, scaffolded by \`deno task new-plugin\`.

- Test it: \`deno test -A <this folder>\` (run from the workbench's folder).
- Load it: \`WORKBENCH_PLUGINS=<this folder> deno task analyze FILE --json\`, or list the folder in
  \`DATA_DIR/plugins.json\` (\`{"folders": ["<this folder>"]}\`) and restart the workbench.

See the workbench's \`sdk/README.md\` for the guide, and its \`examples/trail-braking/\` for a metric with
settings (\`settings.ts\`) and a chart of its artifact (\`trail_braking_chart.ts\`, declared in \`mod.ts\`).
`;
}
