/**
 * `deno task bench:sandbox`: the cost of running a stage in a sandboxed
 * worker instead of in-process, on the 2-hour 25 Hz benchmark session. The
 * session is analysed once in-process for the stage's inputs; then the stage
 * (default `detect-corners`, or the one named as the first argument) runs
 * `RUNS` times in-process and `RUNS` times through a worker loaded from its
 * plugin folder. Prints the medians and the overhead in ms and per cent.
 *
 * @module
 */

import { basename } from "node:path";
import { DEFAULT_SETTINGS, type StageContext } from "../../sdk/mod.ts";
import { loadPlugins } from "../loader.ts";
import { analyze } from "../run.ts";
import { DEFAULT_SANDBOX_LIMITS, loadSandboxed } from "../sandbox/host.ts";
import { benchSession } from "./bench.ts";

const RUNS = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Runs the benchmark and prints its figures. */
async function main(stageId: string): Promise<void> {
  const file = await benchSession();
  const loaded = await loadPlugins();
  const found = loaded.registry.stages().find((s) => s.stage.id === stageId);
  if (!found) throw new Error(`no stage "${stageId}"`);
  const result = await analyze(loaded.registry, { file: basename(file), bytes: await Deno.readFile(file) });
  const inputs = Object.fromEntries(
    Object.entries(found.stage.consumes).map(([name, key]) => [name, result.artifacts.get(key)]),
  );
  const ctx: StageContext = {
    plugin: found.plugin,
    stage: stageId,
    settings: DEFAULT_SETTINGS,
    signal: new AbortController().signal,
    report: () => {},
  };
  const folder = loaded.folders.get(found.plugin)!;
  const sandboxed = await loadSandboxed(new URL("mod.ts", folder), DEFAULT_SANDBOX_LIMITS);
  const workerStage = sandboxed.manifest.stages!.find((s) => s.id === stageId)!;
  const time = async (run: () => unknown) => {
    const t0 = performance.now();
    await run();
    return performance.now() - t0;
  };
  const inProcess: number[] = [];
  const inWorker: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const a = await time(() => found.stage.run(ctx, inputs));
    const b = await time(() => workerStage.run(ctx, inputs));
    if (i > 0) inProcess.push(a), inWorker.push(b);
  }
  sandboxed.close();
  loaded.close();
  const base = median(inProcess);
  const worker = median(inWorker);
  console.log(`stage ${stageId} (${found.plugin}) on ${basename(file)}, median of ${RUNS} runs`);
  console.log(`  in-process  ${base.toFixed(2)} ms`);
  console.log(`  in worker   ${worker.toFixed(2)} ms`);
  console.log(`  overhead    ${(worker - base).toFixed(2)} ms (${((worker / base - 1) * 100).toFixed(1)} %)`);
}

if (import.meta.main) await main(Deno.args[0] ?? "detect-corners");
