/**
 * `deno task bench`: speed of the pipeline on a 2-hour 25 Hz session
 * (generated once with `../shared/tools/synth-session`, then reused from
 * `bench-data/`). Prints parse throughput (MB/s), each stage that ran, the
 * time of parse + track match + laps + resample, and the total of all
 * stages, medians of several runs (and the fastest run's total, the figure
 * least disturbed by other work on a shared machine); then the total of the first run, which
 * pays for compiling the code and for memory the process has not used yet.
 * Last, the physics stages again on a single lap (`barber-1lap.csv` from
 * the shared sample sessions), when that file is present.
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPlugins } from "../loader.ts";
import type { Registry } from "../registry.ts";
import { analyze } from "../run.ts";
import { SessionKey } from "../../sdk/mod.ts";
import { synthSession } from "../../sdk/testing/mod.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DATA_DIR = join(ROOT, "bench-data");
const RUNS = 7;
/** The stages the foundation budget covers. */
const FOUNDATION = ["parse", "match-track", "split-laps", "resample"];
/** The physics stages, also timed on a single lap. */
const PHYSICS = ["estimate-grip", "velocity-profile", "optimal-comparison"];
/** The single-lap session the physics stages are also timed on. */
const SINGLE_LAP = join(ROOT, "..", "shared", "data", "sessions", "barber-1lap.csv");

/** The benchmark session file, generated when missing. */
export async function benchSession(): Promise<string> {
  const file = join(DATA_DIR, "barber-2h.csv");
  try {
    await Deno.stat(file);
  } catch {
    await Deno.mkdir(DATA_DIR, { recursive: true });
    console.log("generating a 2-hour 25 Hz session with synth-session (about a minute)…");
    await synthSession({ track: "barber-motorsports-park", hours: 2, seed: 1, out: file, verbose: true });
  }
  return file;
}

/** Per-stage seconds of `RUNS` analyses of `bytes`, after one run to warm up. */
async function timeRuns(registry: Registry, file: string, bytes: Uint8Array) {
  const timings: Record<string, number>[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const result = await analyze(registry, { file, bytes });
    rows = result.artifacts.get(SessionKey)?.rows ?? 0;
    timings.push(result.stageSeconds);
  }
  const [cold, ...runs] = timings;
  return { cold, runs, rows };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;

if (import.meta.main) {
  const file = await benchSession();
  const bytes = await Deno.readFile(file);
  const { registry, problems } = await loadPlugins();
  if (problems.length > 0) console.warn(problems);
  // Only the timings are kept: holding every run's artifacts would make each run
  // allocate fresh memory, which a long-running workbench does not do.
  // The first run warms the JIT and takes fresh memory: shown apart.
  const { cold, runs, rows } = await timeRuns(registry, "barber-2h.csv", bytes);
  const stages = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  const perStage = Object.fromEntries(stages.map((s) => [s, median(runs.map((r) => r[s] ?? NaN))]));
  const totalOf = (names: string[]) => median(runs.map((r) => sum(names.map((s) => r[s] ?? 0))));
  const mb = bytes.length / 1e6;
  console.log(`\nsession: ${file} (${mb.toFixed(1)} MB, ${rows} samples), median of ${RUNS} runs`);
  console.log(
    `parse:                          ${ms(perStage.parse)}  (${(mb / perStage.parse).toFixed(0)} MB/s)`,
  );
  for (const s of stages.filter((s) => s !== "parse")) console.log(`${s.padEnd(32)}${ms(perStage[s])}`);
  console.log(`parse + match + laps + resample: ${ms(totalOf(FOUNDATION))}`);
  console.log(`${`all ${stages.length} stages above:`.padEnd(33)}${ms(totalOf(stages))}`);
  console.log(
    `${"  fastest of the runs:".padEnd(33)}${
      ms(Math.min(...runs.map((r) => sum(stages.map((s) => r[s] ?? 0)))))
    }`,
  );
  console.log(
    `${"all but the physics stages:".padEnd(33)}${ms(totalOf(stages.filter((s) => !PHYSICS.includes(s))))}`,
  );
  console.log(
    `${"first run (cold JIT and memory):".padEnd(33)}${ms(sum(Object.values(cold)))}`,
  );
  console.log(`resident memory:                ${(Deno.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  await singleLapPhysics(registry);
}

/** Prints the physics stages' medians on the single-lap session, or why they are missing. */
async function singleLapPhysics(registry: Registry): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(SINGLE_LAP);
  } catch {
    console.log(`\nsingle lap: ${SINGLE_LAP} not found, physics stages not timed on one lap`);
    return;
  }
  const { runs } = await timeRuns(registry, "barber-1lap.csv", bytes);
  console.log(`\nsingle lap: ${SINGLE_LAP}, physics stages, median of ${RUNS} runs`);
  for (const s of PHYSICS) console.log(`${s.padEnd(32)}${ms(median(runs.map((r) => r[s] ?? NaN)))}`);
  console.log(
    `${"physics total:".padEnd(33)}${ms(median(runs.map((r) => sum(PHYSICS.map((s) => r[s] ?? 0)))))}`,
  );
}
