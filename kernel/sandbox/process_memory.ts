/**
 * The resident memory of another process, for the sandbox's memory guard:
 * it measures the plugin's own process, so nothing else the workbench does
 * can count against the plugin.
 *
 * @module
 */

/** Resident memory of process `pid`, MiB, from `/proc` (Linux); `NaN` where that cannot be read. */
export function residentMiB(pid: number): number {
  try {
    const status = Deno.readTextFileSync(`/proc/${pid}/status`);
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
