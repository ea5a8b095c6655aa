/**
 * Calls every plugin's `onAnalysis` hook (`sdk/app.ts`) once a session's
 * analysis has been stored. Hooks run one after another, each isolated: a
 * hook that throws, or runs longer than {@linkcode HOOK_TIMEOUT_MS}, is
 * logged against its plugin and the next hook runs; the analysis itself has
 * already succeeded and stays so.
 *
 * @module
 */

import type { AppServices, AppSession } from "../../sdk/mod.ts";
import { errorMessage } from "../parse.ts";
import type { Registry } from "../registry.ts";

/** Longest a hook may hold up the worker before it moves on, ms. */
export const HOOK_TIMEOUT_MS = 30_000;

/** Runs the analysis hooks of the registry's plugins for session `sessionId`; never rejects. */
export async function runAnalysisHooks(
  registry: Registry,
  services: (pluginId: string) => AppServices,
  sessionId: string,
  log: (line: string) => void = console.error,
): Promise<void> {
  let found: Promise<AppSession | undefined> | undefined; // read once, for the first hook
  for (const plugin of registry.plugins()) {
    const hook = plugin.onAnalysis;
    if (typeof hook !== "function") continue;
    const pluginServices = services(plugin.id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      found ??= pluginServices.session(sessionId);
      const stored = await found;
      if (!stored) return; // deleted meanwhile
      const session = { ...stored }; // each hook its own copy
      const timeout = new Promise<"timeout">((resolve) =>
        timer = setTimeout(() => resolve("timeout"), HOOK_TIMEOUT_MS)
      );
      const run = Promise.resolve(
        hook({ session, artifacts: pluginServices.artifacts(sessionId), services: pluginServices }),
      );
      run.catch(() => {}); // a late rejection after the timeout is not unhandled
      if (await Promise.race([run, timeout]) === "timeout") {
        log(
          `plugin "${plugin.id}" analysis hook for session ${sessionId} still running after ${HOOK_TIMEOUT_MS} ms; moving on`,
        );
      }
    } catch (error) {
      log(`plugin "${plugin.id}" analysis hook failed for session ${sessionId}: ${errorMessage(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
