/**
 * What every route of one server process shares: the database, the plugins,
 * the configuration, the session event hub and the artifact loader.
 *
 * @module
 */

import type { Diagnostic, RunSettings } from "../../sdk/mod.ts";
import type { CoachingRuntime } from "../jobs/coaching_job.ts";
import type { FileHandoff } from "../jobs/file_handoff.ts";
import type { SessionEvents } from "../jobs/session_events.ts";
import type { LoadedPlugins } from "../loader.ts";
import type { Registry } from "../registry.ts";
import type { Storage } from "../storage/database.ts";
import type { SessionRow } from "../storage/schema.ts";
import { getSession } from "../storage/sessions.ts";
import type { ArtifactLoader } from "./artifact_loader.ts";
import type { ServerConfig } from "./config.ts";
import { sessionNotFound } from "./errors.ts";

/** Shared state of one server process. */
export interface ServerContext {
  /** The database. */
  storage: Storage;
  /** Active plugins. */
  registry: Registry;
  /** Problems found while loading plugins. */
  loadProblems: readonly Diagnostic[];
  /** Where each plugin came from and whether it is healthy (absent: every plugin built-in and healthy). */
  plugins?: Pick<LoadedPlugins, "sources" | "health" | "isolated" | "folders" | "disabled" | "settings">;
  /** Configuration. */
  config: ServerConfig;
  /** Run settings with the plugin settings of `plugins.json`: every analysis, parse and check of this process uses them. */
  settings: RunSettings;
  /** Session events of this process. */
  events: SessionEvents;
  /** Stored artifacts, cached. */
  artifacts: ArtifactLoader;
  /** Tells this process's worker that a job was queued. */
  wakeWorker(): void;
  /** Files just uploaded, for this process's worker. */
  handoff: FileHandoff;
  /** Serves the web UI (page and assets), or null for requests it does not serve; absent = no UI. */
  ui?: (request: Request) => Promise<Response | null>;
  /** The coaching service, when a plugin provides a coach. */
  coaching?: CoachingRuntime;
}

/** The caller's session, or a 404 (also for another user's session, so existence does not leak). */
export async function requireSession(ctx: ServerContext, userId: string, id: string): Promise<SessionRow> {
  const row = await getSession(ctx.storage.db, userId, id);
  if (!row) throw sessionNotFound(id);
  return row;
}
