import assert from "node:assert/strict";
import { type ChannelColumn, checkColumnPlan, scanChannels } from "./channel_table.ts";
import type { DiagnosticInput } from "./diagnostics.ts";
import { DataError } from "./errors.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";

function context() {
  const diagnostics: DiagnosticInput[] = [];
  const ctx = {
    file: "t.csv",
    settings: DEFAULT_SETTINGS,
    report: (d: DiagnosticInput) => diagnostics.push(d),
    signal: new AbortController().signal,
  };
  return { ctx, diagnostics };
}

const COLUMNS: ChannelColumn[] = [
  { field: 0, name: "time", channel: "timeS", required: true },
  { field: 2, name: "speed", channel: "speedMps", factor: 1 / 3.6, required: true },
  { field: 1, name: "sats", channel: "satellites" },
];

Deno.test("scanChannels reads each column into its channel, converted, and reports through the context", () => {
  const { ctx, diagnostics } = context();
  const bytes = new TextEncoder().encode("time,sats,speed\n0,12,36\n0.1,x,72\n0.2,11,\n");
  const table = scanChannels(bytes, ctx, { start: 16, firstLine: 2, separator: ",", columns: COLUMNS });
  assert.equal(table.rows, 2);
  assert.deepEqual(Object.keys(table.channels), ["timeS", "speedMps", "satellites"]);
  assert.deepEqual(Array.from(table.channels.speedMps), [10, 20]);
  assert.deepEqual(Array.from(table.channels.satellites), [12, NaN]);
  assert.deepEqual(Array.from(table.lines), [2, 3]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.file, d.line]), [
    ["non_numeric", "t.csv", 3],
    ["empty_field", "t.csv", 4],
  ]);
});

Deno.test("scanChannels without a usable row: a DataError at the first data line naming the required columns", () => {
  const { ctx } = context();
  const bytes = new TextEncoder().encode("time,sats,speed\nx,1,2\n");
  assert.throws(
    () => scanChannels(bytes, ctx, { start: 16, firstLine: 2, separator: ",", columns: COLUMNS }),
    (e: unknown) =>
      e instanceof DataError && /every row lacks a usable time or speed/.test(e.message) &&
      e.location.line === 2 && e.location.file === "t.csv",
  );
});

Deno.test("checkColumnPlan: missing columns are a DataError at the header, unknown units warnings below it", () => {
  const { ctx, diagnostics } = context();
  checkColumnPlan(ctx, { columns: COLUMNS, missing: [], unknownUnits: ["altitude in 'cubits'"] }, {
    line: 5,
    needs: "time and speed",
  });
  assert.deepEqual(diagnostics.map((d) => [d.severity, d.code, d.line, d.message]), [
    ["warning", "unknown_unit", 6, "column altitude in 'cubits': unit not understood; channel not read"],
  ]);
  assert.throws(
    () =>
      checkColumnPlan(ctx, { columns: [], missing: ["speed (no such column)"] }, {
        line: 5,
        needs: "time and speed",
      }),
    (e: unknown) =>
      e instanceof DataError &&
      e.message === "the header lacks required column(s): speed (no such column); " +
          "needs time and speed" &&
      e.location.line === 5,
  );
});
