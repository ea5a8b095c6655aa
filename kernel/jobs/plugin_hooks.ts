/**
 * Calls the plugins' hooks (`sdk/app.ts`): every `onAnalysis` once a
 * session's analysis has been stored, every `onSessionDeleted` once a
 * session has been deleted. Hooks run one after another, each isolated: a
 * hook that throws, or runs longer than {@linkcode HOOK_TIMEOUT_MS}, is
 * logged against its plugin and the next hook runs; what the server did
 * (the analysis, the deletion) stands. A session deleted while its analysis
 * hooks run gets no further ones, and a plugin whose analysis hook was
 * still writing then hears of the deletion again afterwards, so nothing it
 * wrote about the session stays.
 *
 * @module
 */

import type { AppServices, AppSession } from "../../sdk/mod.ts";
import { errorMessage } from "../parse.ts";
import type { Registry } from "../registry.ts";

/** Longest a hook may hold up the caller before it moves on, ms. */
export const HOOK_TIMEOUT_MS = 30_000;

/** Runs one hook; resolves when it ends, throws or runs out of time (logged as `what`), never rejects. */
async function runIsolated(what: string, hook: () => unknown, log: (line: string) => void): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<"timeout">((resolve) =>
      timer = setTimeout(() => resolve("timeout"), HOOK_TIMEOUT_MS)
    );
    const run = Promise.resolve().then(hook);
    run.catch(() => {}); // a late rejection after the timeout is not unhandled
    if (await Promise.race([run, timeout]) === "timeout") {
      log(`${what} still running after ${HOOK_TIMEOUT_MS} ms; moving on`);
    }
  } catch (error) {
    log(`${what} failed: ${errorMessage(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the analysis hooks of the registry's plugins for session `sessionId`; never rejects. */
export async function runAnalysisHooks(
  registry: Registry,
  services: (pluginId: string) => AppServices,
  sessionId: string,
  log: (line: string) => void = console.error,
): Promise<void> {
  for (const plugin of registry.plugins()) {
    const hook = plugin.onAnalysis;
    if (typeof hook !== "function") continue;
    const pluginServices = services(plugin.id);
    const what = `plugin "${plugin.id}" analysis hook for session ${sessionId}`;
    let stored: AppSession | undefined;
    try {
      stored = await pluginServices.session(sessionId);
    } catch (error) {
      log(`${what} failed: ${errorMessage(error)}`);
      continue;
    }
    if (!stored) return; // deleted meanwhile: its deletion hooks have run
    const session = { ...stored }; // each hook its own copy
    await runIsolated(
      what,
      () => hook({ session, artifacts: pluginServices.artifacts(sessionId), services: pluginServices }),
      log,
    );
    const deleted = plugin.onSessionDeleted;
    if (typeof deleted !== "function") continue;
    await runIsolated(`plugin "${plugin.id}" session-deleted hook for session ${sessionId}`, async () => {
      if (!await pluginServices.session(sessionId)) {
        await deleted({ session: { ...stored }, services: pluginServices });
      }
    }, log);
  }
}

/** Runs the session-deleted hooks of the registry's plugins for `session`, already deleted; never rejects. */
export async function runSessionDeletedHooks(
  registry: Registry,
  services: (pluginId: string) => AppServices,
  session: AppSession,
  log: (line: string) => void = console.error,
): Promise<void> {
  for (const plugin of registry.plugins()) {
    const hook = plugin.onSessionDeleted;
    if (typeof hook !== "function") continue;
    await runIsolated(
      `plugin "${plugin.id}" session-deleted hook for session ${session.id}`,
      () => hook({ session: { ...session }, services: services(plugin.id) }),
      log,
    );
  }
}
