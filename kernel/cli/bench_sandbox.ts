/**
 * `deno task bench:sandbox`: the cost of running a stage in a sandboxed
 * plugin process instead of in-process, on the 2-hour 25 Hz benchmark
 * session. The session is analysed once in-process for the stage's inputs;
 * then the stage (default `detect-corners` and `lap-tags`, or the ones named
 * as arguments) runs `RUNS` times in-process and `RUNS` times through a
 * sandbox loaded from its plugin folder, in two ways:
 *
 * - **first sight**: each call gets inputs the sandbox has never seen (the
 *   artifacts of a fresh analysis, made outside the timing), so what the stage
 *   reads crosses the boundary in that call, as for the first stage of a
 *   plugin on a new session;
 * - **again**: the same inputs as the call before, which the plugin's process
 *   already holds (the later stages of a plugin on one session).
 *
 * Prints the medians and the overhead in ms and per cent of the stage's own time.
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

async function timed(run: () => unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** Runs the benchmark for each stage and prints its figures. */
async function main(stageIds: string[]): Promise<void> {
  const file = await benchSession();
  const loaded = await loadPlugins();
  const bytes = await Deno.readFile(file);
  console.log(`${basename(file)}, median of ${RUNS} runs each`);
  for (const stageId of stageIds) {
    const found = loaded.registry.stages().find((s) => s.stage.id === stageId);
    if (!found) throw new Error(`no stage "${stageId}"`);
    /** The stage's inputs from a new analysis: new objects, channels not computed yet. */
    const freshInputs = async () => {
      const result = await analyze(loaded.registry, { file: basename(file), bytes });
      return Object.fromEntries(
        Object.entries(found.stage.consumes).map(([name, key]) => [name, result.artifacts.get(key)]),
      );
    };
    const ctx: StageContext = {
      plugin: found.plugin,
      stage: stageId,
      settings: DEFAULT_SETTINGS,
      signal: new AbortController().signal,
      report: () => {},
    };
    const sandboxed = await loadSandboxed(
      new URL("mod.ts", loaded.folders.get(found.plugin)!),
      DEFAULT_SANDBOX_LIMITS,
    );
    const sandboxedStage = sandboxed.manifest.stages!.find((s) => s.id === stageId)!;
    const inProcess: number[] = [];
    const firstSight: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const forInProcess = await freshInputs();
      const a = await timed(() => found.stage.run(ctx, forInProcess));
      const forSandbox = await freshInputs();
      const b = await timed(() => sandboxedStage.run(ctx, forSandbox));
      const c = await timed(() => sandboxedStage.run(ctx, forSandbox));
      if (i > 0) inProcess.push(a), firstSight.push(b), again.push(c);
    }
    sandboxed.close();
    const base = median(inProcess);
    const line = (label: string, value: number) =>
      `  ${label.padEnd(24)}${value.toFixed(2).padStart(8)} ms   overhead ${(value - base).toFixed(2)} ms (${
        ((value / base - 1) * 100).toFixed(1)
      } %)`;
    console.log(`stage ${stageId} (${found.plugin})`);
    console.log(`  ${"in-process".padEnd(24)}${base.toFixed(2).padStart(8)} ms`);
    console.log(line("sandboxed, first sight", median(firstSight)));
    console.log(line("sandboxed, again", median(again)));
  }
  loaded.close();
}

if (import.meta.main) await main(Deno.args.length > 0 ? Deno.args : ["detect-corners", "lap-tags"]);
