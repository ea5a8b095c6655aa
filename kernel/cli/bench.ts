/**
 * `deno task bench`: speed of the foundation stages on a 2-hour 25 Hz
 * session (generated once with `../shared/tools/synth-session`, then reused
 * from `bench-data/`). Prints parse throughput (MB/s) and the time of
 * parse + track match + laps + resample, median of several runs.
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPlugins } from "../loader.ts";
import { type AnalysisResult, analyze } from "../run.ts";
import { SessionKey } from "../../sdk/mod.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DATA_DIR = join(ROOT, "bench-data");
const SYNTH = join(ROOT, "..", "shared", "tools", "synth-session");
const RUNS = 7;

/** The benchmark session file, generated when missing. */
async function benchSession(): Promise<string> {
  const file = join(DATA_DIR, "barber-2h.csv");
  try {
    await Deno.stat(file);
    return file;
  } catch {
    await Deno.mkdir(DATA_DIR, { recursive: true });
    console.log(`generating a 2-hour 25 Hz session with ${SYNTH} (about a minute)…`);
    const { code } = await new Deno.Command(SYNTH, {
      args: ["--track", "barber-motorsports-park", "--hours", "2", "--seed", "1", "--out", file],
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (code !== 0) throw new Error(`synth-session failed (exit ${code})`);
    return file;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

if (import.meta.main) {
  const file = await benchSession();
  const bytes = await Deno.readFile(file);
  const { registry, problems } = await loadPlugins();
  if (problems.length > 0) console.warn(problems);
  const runs: AnalysisResult[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const result = await analyze(registry, { file: "barber-2h.csv", bytes });
    if (i > 0) runs.push(result); // the first run warms the JIT
  }
  const stages = ["parse", "match-track", "split-laps", "resample"];
  const perStage = Object.fromEntries(
    stages.map((s) => [s, median(runs.map((r) => r.stageSeconds[s] ?? NaN))]),
  );
  const foundation = median(runs.map((r) => stages.reduce((sum, s) => sum + (r.stageSeconds[s] ?? 0), 0)));
  const mb = bytes.length / 1e6;
  const rows = runs[0].artifacts.get(SessionKey)?.rows ?? 0;
  console.log(`\nsession: ${file} (${mb.toFixed(1)} MB, ${rows} samples), median of ${RUNS} runs`);
  console.log(
    `parse:                          ${(perStage.parse * 1000).toFixed(1)} ms  (${
      (mb / perStage.parse).toFixed(0)
    } MB/s)`,
  );
  for (const s of stages.slice(1)) console.log(`${s.padEnd(32)}${(perStage[s] * 1000).toFixed(1)} ms`);
  console.log(`parse + match + laps + resample: ${(foundation * 1000).toFixed(1)} ms`);
  console.log(`resident memory:                ${(Deno.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}
