/**
 * What the server gives a workbench-wide plugin (`sdk/app.ts`,
 * `AppServices`): its own record store, read access to users, sessions,
 * equipment profiles and artifacts (whoever owns them: the plugin checks
 * access), and an in-memory analysis of a file nobody stores. Shared by the
 * plugins' app routes and their analysis hooks.
 *
 * @module
 */

import type {
  AppEquipment,
  AppServices,
  AppSession,
  AppUser,
  ArtifactReader,
  JsonValue,
  RunSettings,
} from "../../sdk/mod.ts";
import type { Registry } from "../registry.ts";
import type { Storage } from "../storage/database.ts";
import { getAccountUser } from "../storage/accounts.ts";
import { readLapTags } from "../storage/lap_tags.ts";
import { pluginStore } from "../storage/plugin_records.ts";
import type { SessionRow } from "../storage/schema.ts";
import { readPluginData } from "../jobs/plugin_data.ts";
import { runSessionDeletedHooks } from "../jobs/plugin_hooks.ts";
import { analyzeInMemory } from "../transient_analysis.ts";
import type { ArtifactLoader } from "./artifact_loader.ts";
import { reanalyse, type ReanalysisContext } from "./reanalysis.ts";

/** What the services read from, and what queuing an analysis again needs. */
export interface AppServicesDeps extends ReanalysisContext {
  /** The database. */
  storage: Storage;
  /** Active plugins (for in-memory analyses). */
  registry: Registry;
  /** Run settings of in-memory analyses (those of the stored ones). */
  settings: RunSettings;
  /** Stored artifacts, cached. */
  artifacts: ArtifactLoader;
}

/** Analysis states as plugins see them. */
const APP_STATUS: Record<SessionRow["status"], string> = {
  queued: "queued",
  processing: "running",
  ready: "done",
  failed: "failed",
};

/** A session row as a workbench-wide plugin sees it. */
function appSession(row: SessionRow): AppSession {
  return {
    id: row.id,
    userId: row.user_id,
    fileName: row.file_name,
    status: APP_STATUS[row.status] ?? row.status,
    trackSlug: row.track_slug,
    trackName: row.track_name,
    date: row.driven_at === null ? null : new Date(Number(row.driven_at)).toISOString(),
    createdAt: Number(row.created_at),
    equipmentId: row.equipment_profile_id,
  };
}

/** The services of plugin `pluginId`. */
export function createAppServices(deps: AppServicesDeps, pluginId: string): AppServices {
  const db = deps.storage.db;
  const ownerOf = async (sessionId: string) =>
    (await db.selectFrom("sessions").select("user_id").where("id", "=", sessionId).executeTakeFirst())
      ?.user_id;
  return {
    store: pluginStore(db, pluginId),
    user: (id): Promise<AppUser | undefined> => getAccountUser(db, id),
    async session(id) {
      const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? appSession(row) : undefined;
    },
    async sessionsOf(userId) {
      const rows = await db.selectFrom("sessions").selectAll().where("user_id", "=", userId)
        .orderBy("created_at", "desc").orderBy("id", "desc").execute();
      return rows.map(appSession);
    },
    async sessionsAtTrack(trackSlug) {
      let query = db.selectFrom("sessions").selectAll();
      query = trackSlug === null
        ? query.where("track_slug", "is", null).where("status", "=", "ready")
        : query.where("track_slug", "=", trackSlug);
      const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").execute();
      return rows.map(appSession);
    },
    reanalyse: (sessionIds) => reanalyse(deps, sessionIds, () => Promise.resolve()),
    async equipment(id): Promise<AppEquipment | undefined> {
      const row = await db.selectFrom("equipment_profiles").select(["id", "user_id", "name", "profile_json"])
        .where("id", "=", id).executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        userId: row.user_id,
        name: row.name,
        details: JSON.parse(row.profile_json) as { [key: string]: JsonValue },
      };
    },
    artifacts(sessionId): ArtifactReader {
      let owner: Promise<string | undefined> | undefined; // asked once per reader, at its first read
      return {
        async get(key) {
          owner ??= ownerOf(sessionId);
          const userId = await owner;
          return userId === undefined ? undefined : await deps.artifacts.reader(userId, sessionId).get(key);
        },
      };
    },
    lapTags: (sessionId) => readLapTags(db, sessionId),
    analyzeFile: async (fileName, bytes) =>
      analyzeInMemory(deps.registry, fileName, bytes, {
        ...deps.settings,
        pluginData: await readPluginData(deps.registry, db),
      }),
  };
}

/** Calls every plugin's `onSessionDeleted` for sessions just deleted (rows read before), one after another. */
export async function announceDeletedSessions(
  deps: AppServicesDeps,
  rows: readonly SessionRow[],
): Promise<void> {
  for (const row of rows) {
    await runSessionDeletedHooks(
      deps.registry,
      (pluginId) => createAppServices(deps, pluginId),
      appSession(row),
    );
  }
}
