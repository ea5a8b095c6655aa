/**
 * `deno task bench`: speed of the pipeline on a 2-hour 25 Hz session
 * (generated once with `../shared/tools/synth-session`, then reused from
 * `bench-data/`). Prints parse throughput (MB/s), each stage that ran, the
 * time of parse + track match + laps + resample, and the total of all
 * stages, medians of several runs; then the total of the first run, which
 * pays for compiling the code and for memory the process has not used yet.
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPlugins } from "../loader.ts";
import { analyze } from "../run.ts";
import { SessionKey } from "../../sdk/mod.ts";
import { synthSession } from "../../sdk/testing/mod.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DATA_DIR = join(ROOT, "bench-data");
const RUNS = 7;
/** The stages the foundation budget covers. */
const FOUNDATION = ["parse", "match-track", "split-laps", "resample"];

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
  const timings: Record<string, number>[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const result = await analyze(registry, { file: "barber-2h.csv", bytes });
    rows = result.artifacts.get(SessionKey)?.rows ?? 0;
    timings.push(result.stageSeconds);
  }
  // The first run warms the JIT and takes fresh memory: shown apart.
  const [cold, ...runs] = timings;
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
    `${"first run (cold JIT and memory):".padEnd(33)}${ms(sum(Object.values(cold)))}`,
  );
  console.log(`resident memory:                ${(Deno.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}
