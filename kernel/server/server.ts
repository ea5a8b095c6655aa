/**
 * Starts a workbench server process: opens and migrates the database,
 * loads the plugins, imports the demo session into a new database, queues
 * re-analysis of sessions analysed by other plugin versions (only what
 * changed is recomputed), starts the worker and serves HTTP. Several
 * processes can share one PostgreSQL database: they hold no state of their
 * own beyond caches.
 *
 * @module
 */

import { join } from "node:path";
import { buildUi } from "../../ui/build.ts";
import { createUiHandler } from "../../ui/serve.ts";
import { configuredPluginDirs, loadPlugins } from "../loader.ts";
import { readPluginConfig } from "../plugin_config.ts";
import { DEFAULT_SETTINGS } from "../../sdk/mod.ts";
import type { Registry } from "../registry.ts";
import { pipelineSignature } from "../jobs/incremental.ts";
import { createFileHandoff } from "../jobs/file_handoff.ts";
import { enqueueAnalysis } from "../jobs/queue.ts";
import { createSessionEvents } from "../jobs/session_events.ts";
import { startWorker, type Worker } from "../jobs/worker.ts";
import { runAnalysisHooks } from "../jobs/plugin_hooks.ts";
import { COACH_JOB, type CoachingRuntime } from "../jobs/coaching_job.ts";
import { startCoachingWorker } from "../jobs/coaching_worker.ts";
import { openStorage, type Storage } from "../storage/database.ts";
import { sessionsNeedingAnalysis } from "../storage/sessions.ts";
import { createApp } from "./app.ts";
import { createAppServices } from "./app_services.ts";
import { createArtifactLoader } from "./artifact_loader.ts";
import type { ServerConfig } from "./config.ts";
import type { ServerContext } from "./context.ts";
import type { AnyApiRoute } from "./route.ts";
import { importDemoSession } from "./demo.ts";

/** Decoded artifacts kept in memory per process, bytes (encoded size). */
const ARTIFACT_CACHE_BYTES = 256 * 1024 * 1024;

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /** The database (for tests and tools). */
  storage: Storage;
  /** Every mounted API route (for tests that walk them all). */
  routes: readonly AnyApiRoute[];
  /** Stops serving, gives back the job in hand, closes the database. */
  close(): Promise<void>;
}

/** Starts a server with `config`; `log` receives one line per notable event. */
export async function startServer(
  config: ServerConfig,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  if (config.database.dialect === "sqlite") await Deno.mkdir(config.dataDir, { recursive: true });
  const storage = await openStorage(config.database);
  const loaded = await loadPlugins({
    pluginDirs: [...configuredPluginDirs(), ...config.pluginDirs],
    config: await readPluginConfig(config.dataDir),
  });
  const { registry, problems, folders } = loaded;
  for (const p of problems) log(`plugin problem (${p.plugin}): ${p.message}`);
  let worker: Worker | null = null;
  let coachingWorker: Worker | null = null;
  const coaching = coachingRuntime(registry, config, () => coachingWorker?.wake());
  const settings = { ...DEFAULT_SETTINGS, plugins: loaded.settings };
  const ctx: ServerContext = {
    coaching,
    storage,
    registry,
    loadProblems: problems,
    plugins: loaded,
    config,
    settings,
    events: createSessionEvents(),
    artifacts: createArtifactLoader(storage, registry, settings, ARTIFACT_CACHE_BYTES),
    // After the current macrotask, so the upload's response goes out before the analysis takes the thread.
    wakeWorker: () => setTimeout(() => worker?.wake(), 0),
    handoff: createFileHandoff(),
    ui: createUiHandler(async () => {
      const bundle = await buildUi({
        plugins: registry.plugins(),
        folders,
        cacheDir: join(config.dataDir, "ui-cache"),
      });
      for (const p of bundle.problems) log(`plugin problem (${p.plugin}): ${p.message}`);
      if (bundle.seconds > 0) {
        log(
          `web UI bundled in ${
            bundle.seconds.toFixed(2)
          } s (${bundle.contributions.length} views, panels and charts)`,
        );
      }
      return bundle;
    }),
  };
  const { app, routes, problems: routeProblems } = createApp(ctx);
  for (const p of routeProblems) log(`plugin problem (${p.plugin}): ${p.message}`);

  if (storage.created && config.importDemo) {
    log(`new database: imported the demo session ${await importDemoSession(ctx)}`);
  }
  const stale = await sessionsNeedingAnalysis(storage.db, pipelineSignature(registry, settings));
  for (const id of stale) await enqueueAnalysis(storage.db, id, config.maxJobAttempts);
  if (stale.length > 0) {
    log(
      `plugins or their settings changed: re-analysing ${stale.length} session(s), reusing unchanged results`,
    );
  }
  const followUpJobs = coaching ? [{ kind: COACH_JOB, maxAttempts: coaching.config.maxAttempts }] : [];
  const analysisHooks = (sessionId: string) =>
    runAnalysisHooks(registry, (pluginId) => createAppServices(ctx, pluginId), sessionId);
  worker = startWorker({ ...ctx, followUpJobs, analysisHooks, settings }, config.worker);
  if (coaching) {
    coachingWorker = startCoachingWorker(
      { ...coaching, storage, artifacts: (userId, sessionId) => ctx.artifacts.reader(userId, sessionId) },
      config.worker,
    );
    log(
      `coaching: ${
        coaching.model
          ? `Claude (${coaching.model.model ?? "default model"})`
          : "offline coach (no ANTHROPIC_API_KEY)"
      }`,
    );
  }

  const server = Deno.serve({ hostname: config.host, port: config.port, onListen: () => {} }, app.fetch);
  const url = `http://${config.host}:${server.addr.port}`;
  const where = config.database.dialect === "sqlite" ? config.database.file : "PostgreSQL";
  log(`Cataclysm Workbench listening on ${url}/ (data: ${where}, ${registry.plugins().length} plugins)`);
  return {
    url,
    port: server.addr.port,
    storage,
    routes,
    async close() {
      await server.shutdown();
      await worker?.stop();
      await coachingWorker?.stop();
      await storage.close();
      loaded.close();
    },
  };
}

/** The coaching service: the first plugin's coach, its model from the environment; undefined without a coach. */
function coachingRuntime(
  registry: Registry,
  config: ServerConfig,
  wake: () => void,
): CoachingRuntime | undefined {
  const coach = registry.plugins().find((p) => p.services?.coach)?.services?.coach;
  if (!coach) return undefined;
  const settings = config.coaching ?? { dailyBudgetUsd: 1, maxAttempts: 3, env: () => undefined };
  return { coach, model: coach.modelFromEnv(settings.env), config: settings, wake };
}
