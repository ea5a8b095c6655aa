/**
 * Simulated sessions made on demand with `shared/tools/synth-session`
 * (python3 with numpy): a logger file of any length, format and circuit,
 * with its truth.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { readTruth, SHARED_DIR } from "./samples.ts";
import type { SynthFormat, Truth, TruthArgs } from "./truth.ts";

/** The `synth-session` tool. */
export const SYNTH_TOOL: URL = new URL("tools/synth-session", SHARED_DIR);

/** What to simulate, and where to write it. */
export interface SynthOptions {
  /** Circuit slug (a file in `shared/data/tracks`). */
  track: string;
  /** Flying laps (the tool's default: 8). */
  laps?: number;
  /** Session length in hours, instead of `laps`. */
  hours?: number;
  /** Random seed; the same options give byte-identical files. */
  seed?: number;
  /** Logger format (default `racechrono`). */
  format?: SynthFormat;
  /** Logger rate, Hz (default 25). */
  rate?: number;
  /** Damage the file (RaceChrono only); the faults are listed in the truth. */
  faults?: boolean;
  /** Further `synth-session` options, e.g. `["--no-bad-patches"]`. */
  args?: readonly string[];
  /** File to write (its truth goes beside it); default: a new temporary folder, removed on dispose. */
  out?: string;
  /** Interpreter to run the tool with; default `$SYNTH_PYTHON`, else the tool runs by its `#!` line. */
  python?: string;
  /** Show the tool's output (default: only its error output, and only on failure). */
  verbose?: boolean;
}

/** A simulated session on disk. `await using` it to remove a temporary one. */
export interface SynthSession extends AsyncDisposable {
  /** Path of the logger file. */
  file: string;
  /** Its truth (`file` + `.truth.json`). */
  truth: Truth;
}

/** Whether `synth-session` is there (tests that need it are skipped otherwise). */
export function haveSynthTool(): boolean {
  try {
    return Deno.statSync(SYNTH_TOOL).isFile;
  } catch {
    return false;
  }
}

/**
 * Runs `synth-session` and reads the truth it wrote. Throws with the tool's
 * error output when it fails (e.g. python3 without numpy: set `SYNTH_PYTHON`
 * to an interpreter that has it).
 *
 * @example
 * ```ts ignore
 * import { synthSession } from "./synth.ts";
 * await using synth = await synthSession({ track: "roebling-road-raceway", laps: 2, format: "vbox" });
 * console.log(synth.file, synth.truth.best_lap_time_s);
 * ```
 */
export async function synthSession(options: SynthOptions): Promise<SynthSession> {
  const tempDir = options.out ? null : await Deno.makeTempDir({ prefix: "synth-session-" });
  const dispose = () => (tempDir ? Deno.remove(tempDir, { recursive: true }) : Promise.resolve());
  const format = options.format ?? "racechrono";
  const file = resolve(options.out ?? join(tempDir!, format === "vbox" ? "session.vbo" : "session.csv"));
  const args = [
    "--track",
    options.track,
    "--format",
    format,
    ...(options.laps === undefined ? [] : ["--laps", String(options.laps)]),
    ...(options.hours === undefined ? [] : ["--hours", String(options.hours)]),
    ...(options.seed === undefined ? [] : ["--seed", String(options.seed)]),
    ...(options.rate === undefined ? [] : ["--rate", String(options.rate)]),
    ...(options.faults ? ["--faults"] : []),
    ...(options.args ?? []),
    "--out",
    file,
  ];
  const tool = fileURLToPath(SYNTH_TOOL);
  const python = options.python ?? Deno.env.get("SYNTH_PYTHON");
  const output = options.verbose ? "inherit" : "piped";
  try {
    const result = await new Deno.Command(python ?? tool, {
      args: python ? [tool, ...args] : args,
      stdout: output,
      stderr: output,
    }).output();
    if (!result.success) {
      const stderr = options.verbose ? "" : new TextDecoder().decode(result.stderr).trim();
      throw new Error(
        `${python ? `${python} ` : ""}${tool} failed (exit ${result.code})${stderr ? `: ${stderr}` : ""}`,
      );
    }
    return { file, truth: await readTruth(file), [Symbol.asyncDispose]: dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * The session a truth was made from, simulated again in another logger
 * format: the same options, so (the simulation being deterministic) the
 * same laps, driving and noise. Injected faults are not repeated (the tool
 * injects them into RaceChrono files only).
 *
 * @example
 * ```ts ignore
 * import { readTruth } from "./samples.ts";
 * import { resimulate } from "./synth.ts";
 * await using vbox = await resimulate(await readTruth("roebling-6laps.csv"), "vbox");
 * ```
 */
export function resimulate(
  truth: Truth,
  format: SynthFormat,
  options: Pick<SynthOptions, "out" | "python" | "verbose"> = {},
): Promise<SynthSession> {
  const a = truth.args;
  return synthSession({
    ...options,
    track: a.track,
    ...(a.hours > 0 ? { hours: a.hours } : { laps: a.laps }),
    seed: a.seed,
    rate: a.rate,
    format,
    args: sameDrivingOptions(a),
  });
}

/** The `synth-session` options, beyond circuit, length, seed, rate and format, that `args` were made with. */
function sameDrivingOptions(a: TruthArgs): string[] {
  return [
    ...["--skill", String(a.skill), "--consistency", String(a.consistency)],
    ...["--mistakes", String(a.mistakes), "--gps-noise", String(a.gps_noise), "--start", a.start],
    ...(a.bad_patches ? [] : ["--no-bad-patches"]),
    ...(a.no_out_in ? ["--no-out-in"] : []),
  ];
}
