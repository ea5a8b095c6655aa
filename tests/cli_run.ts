/**
 * Runs one of the workbench's commands as a user does: a subprocess from the
 * project root, its output collected.
 *
 * @module
 */

/** What a command printed and how it ended. */
export interface CliResult {
  /** Exit status. */
  code: number;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

const ROOT = new URL("../", import.meta.url);

/** Runs `kernel/cli/{script}` with `args`. */
export async function runCli(script: string, ...args: string[]): Promise<CliResult> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `kernel/cli/${script}`, ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}
