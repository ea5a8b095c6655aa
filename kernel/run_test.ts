import assert from "node:assert/strict";
import { createRegistry } from "./registry.ts";
import { analyze, type ProgressEvent } from "./run.ts";
import {
  A,
  B,
  C,
  FAKE_FILE,
  fakeFormatPlugin,
  rowCounter,
  stagePlugin,
  throwingStage,
  waitingForAbort,
} from "./testing/fake_plugins.ts";
import { DataError, defineFormat, definePlugin } from "../sdk/mod.ts";

Deno.test("a throwing stage becomes a diagnostic; only its dependents are skipped", async () => {
  const registry = createRegistry();
  registry.register(fakeFormatPlugin);
  registry.register(throwingStage(B));
  registry.register(stagePlugin("needs-b", { b: B }, { c: C }));
  registry.register(rowCounter);
  const result = await analyze(registry, { file: "x.fake", bytes: FAKE_FILE });
  assert.equal(result.artifacts.get(A), 4, "the independent stage still ran");
  assert.equal(result.artifacts.get(B), undefined);
  assert.equal(result.artifacts.get(C), undefined);
  const failure = result.diagnostics.find((d) => d.severity === "error");
  assert.deepEqual(
    { plugin: failure?.plugin, stage: failure?.stage, message: failure?.message },
    { plugin: "thrower", stage: "thrower-stage", message: "stage failed: boom" },
  );
  const skipped = result.diagnostics.find((d) => d.plugin === "needs-b");
  assert.match(skipped!.message, /skipped: needs "fake-b".*"thrower-stage" failed/);
});

Deno.test("progress events and stage times cover every step", async () => {
  const registry = createRegistry();
  registry.register(fakeFormatPlugin);
  registry.register(rowCounter);
  const events: ProgressEvent[] = [];
  const result = await analyze(registry, {
    file: "x.fake",
    bytes: FAKE_FILE,
    onProgress: (e) => events.push(e),
  });
  assert.deepEqual(events.map((e) => `${e.stage}:${e.status}`), [
    "parse:started",
    "parse:done",
    "row-counter-stage:started",
    "row-counter-stage:done",
  ]);
  assert.ok(events.every((e) => e.total === 2));
  assert.deepEqual(Object.keys(result.stageSeconds).sort(), ["parse", "row-counter-stage"]);
  assert.ok(result.totalSeconds >= result.stageSeconds.parse);
});

Deno.test("cancelling a run rejects with the abort reason and runs no further stage", async () => {
  const registry = createRegistry();
  registry.register(fakeFormatPlugin);
  registry.register(waitingForAbort);
  let laterStageRan = false;
  registry.register(stagePlugin("later", { b: B }, { c: C }, () => {
    laterStageRan = true;
    return 1;
  }));
  const controller = new AbortController();
  const run = analyze(registry, {
    file: "x.fake",
    bytes: FAKE_FILE,
    signal: controller.signal,
    onProgress: (e) => {
      if (e.stage === "waiter-stage" && e.status === "started") controller.abort();
    },
  });
  await assert.rejects(run, (e: unknown) => e instanceof DOMException && e.name === "AbortError");
  assert.equal(laterStageRan, false);
});

Deno.test("an already-aborted signal stops the run before parsing", async () => {
  const registry = createRegistry();
  registry.register(fakeFormatPlugin);
  await assert.rejects(
    analyze(registry, { file: "x.fake", bytes: FAKE_FILE, signal: AbortSignal.abort() }),
    (e: unknown) => e instanceof DOMException && e.name === "AbortError",
  );
});

Deno.test("an unknown file gets one error listing the supported formats", async () => {
  const registry = createRegistry();
  registry.register(fakeFormatPlugin);
  registry.register(rowCounter);
  const result = await analyze(registry, { file: "notes.txt", bytes: new TextEncoder().encode("hello") });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.equal(errors.length, 1);
  assert.match(
    errors[0].message,
    /notes\.txt is not a supported logger file\. Supported formats: Fake log \(\.fake\)/,
  );
  assert.equal(result.format, null);
});

Deno.test("a format's DataError keeps its location; a crashing format is reported, not thrown", async () => {
  const registry = createRegistry();
  registry.register(fakeFormatPlugin);
  const empty = await analyze(registry, { file: "e.fake", bytes: new TextEncoder().encode("FAKE\n") });
  assert.deepEqual(
    empty.diagnostics.map((d) => ({ sev: d.severity, line: d.line, file: d.file, msg: d.message })),
    [{ sev: "error", line: 2, file: "e.fake", msg: "no data rows" }],
  );
  assert.ok(new DataError("x") instanceof Error);

  const crashing = createRegistry();
  crashing.register(definePlugin({
    id: "crashy",
    version: "1.0.0",
    sdk: "^1.0",
    description: "crashes",
    formats: [defineFormat({
      id: "crashy",
      name: "Crashy",
      extensions: [],
      sniff: () => true,
      parse: () => {
        throw new TypeError("undefined is not a function");
      },
    })],
  }));
  const result = await analyze(crashing, { file: "c.bin", bytes: FAKE_FILE });
  assert.equal(result.diagnostics.length, 1);
  assert.equal(result.diagnostics[0].plugin, "crashy");
  assert.match(result.diagnostics[0].message, /crashed while reading the file: undefined is not a function/);
});
