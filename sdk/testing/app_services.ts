/**
 * An in-memory stand-in for the server's {@linkcode AppServices}, for unit
 * tests of workbench-wide plugins (app routes and analysis hooks) without a
 * database or a server: add users, sessions with their artifacts and
 * equipment profiles, then call a route's handler or a plugin's
 * `onAnalysis` with {@linkcode TestWorkbench.request} and
 * {@linkcode TestWorkbench.analysed}. Each plugin id gets its own record
 * store, as on the server; the store's clock only moves forward, one
 * millisecond per write, so "oldest first" is deterministic.
 *
 * @example
 * ```ts
 * import { createTestWorkbench } from "./app_services.ts";
 * const bench = createTestWorkbench();
 * const alice = bench.addUser({ id: "alice", name: "Alice" });
 * bench.addSession({ id: "s1", userId: alice.id, trackSlug: "barber" });
 * const services = bench.services("my-plugin");
 * await services.store.put("notes", "n1", { text: "hi" }, { ownerId: alice.id });
 * console.assert((await services.store.list("notes", { ownerId: alice.id })).length === 1);
 * ```
 *
 * @module
 */

import type {
  AppEquipment,
  AppRequest,
  AppServices,
  AppSession,
  AppUser,
  ArtifactKey,
  ArtifactReader,
  JsonValue,
  PluginManifest,
  PluginStore,
  StoredRecord,
  TransientAnalysis,
} from "../mod.ts";

/** A session to add: id and owner are required, the rest has defaults. */
export type TestSessionInput = Partial<AppSession> & { readonly id: string; readonly userId: string };

/** An in-memory analysis `analyzeFile` returns for a file name. */
export interface TestAnalysis {
  /** Circuit slug, or null. */
  readonly trackSlug: string | null;
  /** Artifact values by key. */
  readonly artifacts: ReadonlyArray<readonly [ArtifactKey<unknown>, unknown]>;
}

/** The in-memory workbench. */
export interface TestWorkbench {
  /** The services a plugin gets (its own store; shared users, sessions, artifacts). */
  services(pluginId: string): AppServices;
  /** Adds (or replaces) a user; `name` defaults to the id. */
  addUser(user: Partial<AppUser> & { readonly id: string }): AppUser;
  /** Adds (or replaces) a session with its artifacts. */
  addSession(
    session: TestSessionInput,
    artifacts?: ReadonlyArray<readonly [ArtifactKey<unknown>, unknown]>,
  ): AppSession;
  /** Deletes a session and its artifacts (as the user's DELETE does). */
  deleteSession(id: string): void;
  /** Adds (or replaces) an equipment profile. */
  addEquipment(profile: AppEquipment): AppEquipment;
  /** What `analyzeFile(fileName, …)` returns from now on. */
  setAnalysis(fileName: string, analysis: TestAnalysis): void;
  /** Sets the driver's own tags of one lap (`[]` clears them), as `lapTags` returns them. */
  setLapTags(sessionId: string, lap: number, tags: readonly string[]): void;
  /** An app route request for `pluginId` with defaults: no user, no parameters, no body. */
  request(pluginId: string, fields?: Partial<Omit<AppRequest, "services">>): AppRequest;
  /** Calls the plugin's `onAnalysis` for a session, as the server does after an analysis. */
  analysed(plugin: PluginManifest, sessionId: string): Promise<void>;
  /** Deletes a session, then calls the plugin's `onSessionDeleted`, as the server's DELETE does. */
  deleted(plugin: PluginManifest, sessionId: string): Promise<void>;
  /** Ids of the sessions `reanalyse` was asked for, in order (none is analysed here). */
  readonly reanalysed: readonly string[];
}

function readerOf(values: Map<string, unknown> | undefined): ArtifactReader {
  return { get: <T>(key: ArtifactKey<T>) => Promise.resolve(values?.get(key.id) as T | undefined) };
}

/** Creates an empty in-memory workbench. */
export function createTestWorkbench(): TestWorkbench {
  const users = new Map<string, AppUser>();
  const sessions = new Map<string, AppSession>();
  const artifacts = new Map<string, Map<string, unknown>>();
  const equipment = new Map<string, AppEquipment>();
  const analyses = new Map<string, TestAnalysis>();
  const lapTags = new Map<string, Map<number, readonly string[]>>();
  const records = new Map<string, Map<string, StoredRecord>>();
  const reanalysed: string[] = [];
  let clock = Date.UTC(2026, 0, 1);
  let sequence = 0;

  function storeOf(pluginId: string): PluginStore {
    const table = (collection: string) => {
      const id = `${pluginId}\u0000${collection}`;
      if (!records.has(id)) records.set(id, new Map());
      return records.get(id)!;
    };
    return {
      put(collection, key, value, options = {}) {
        const rows = table(collection);
        const now = ++clock;
        const old = rows.get(key);
        rows.set(key, {
          collection,
          key,
          ownerId: options.ownerId ?? null,
          index: options.index ?? null,
          value: structuredClone(value),
          createdAt: old?.createdAt ?? now,
          updatedAt: now,
        });
        return Promise.resolve();
      },
      get<T extends JsonValue = JsonValue>(collection: string, key: string) {
        const row = table(collection).get(key);
        return Promise.resolve(row ? structuredClone(row) as StoredRecord<T> : undefined);
      },
      list<T extends JsonValue = JsonValue>(
        collection: string,
        filter: { ownerId?: string | null; index?: string } = {},
      ) {
        const rows = [...table(collection).values()]
          .filter((r) => filter.ownerId === undefined || r.ownerId === filter.ownerId)
          .filter((r) => filter.index === undefined || r.index === filter.index)
          .sort((a, b) => a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        return Promise.resolve(structuredClone(rows) as StoredRecord<T>[]);
      },
      delete(collection, key) {
        return Promise.resolve(table(collection).delete(key));
      },
    };
  }

  function services(pluginId: string): AppServices {
    return {
      store: storeOf(pluginId),
      user: (id) => Promise.resolve(users.get(id)),
      session: (id) => Promise.resolve(sessions.get(id)),
      sessionsOf: (userId) =>
        Promise.resolve(
          [...sessions.values()].filter((s) => s.userId === userId).sort((a, b) => b.createdAt - a.createdAt),
        ),
      sessionsAtTrack: (trackSlug) =>
        Promise.resolve(
          [...sessions.values()]
            .filter((s) => s.trackSlug === trackSlug && (trackSlug !== null || s.status === "done"))
            .sort((a, b) => b.createdAt - a.createdAt),
        ),
      reanalyse(sessionIds) {
        reanalysed.push(...sessionIds);
        return Promise.resolve();
      },
      equipment: (id) => Promise.resolve(equipment.get(id)),
      artifacts: (sessionId) => ({ get: (key) => readerOf(artifacts.get(sessionId)).get(key) }),
      lapTags: (sessionId) => Promise.resolve(new Map(lapTags.get(sessionId))),
      analyzeFile(fileName): Promise<TransientAnalysis> {
        const analysis = analyses.get(fileName);
        if (!analysis) return Promise.reject(new Error(`${fileName} cannot be read: no usable data`));
        return Promise.resolve({
          trackSlug: analysis.trackSlug,
          artifacts: readerOf(new Map(analysis.artifacts.map(([k, v]) => [k.id, v]))),
          diagnostics: [],
        });
      },
    };
  }

  return {
    services,
    reanalysed,
    addUser(user) {
      const full: AppUser = { name: user.id, email: null, ...user };
      users.set(full.id, full);
      return full;
    },
    addSession(session, values = []) {
      const full: AppSession = {
        fileName: `${session.id}.csv`,
        status: "done",
        trackSlug: null,
        trackName: null,
        date: null,
        createdAt: Date.UTC(2026, 0, 1) + ++sequence,
        equipmentId: null,
        ...session,
      };
      sessions.set(full.id, full);
      artifacts.set(full.id, new Map(values.map(([k, v]) => [k.id, v])));
      return full;
    },
    deleteSession(id) {
      sessions.delete(id);
      artifacts.delete(id);
      lapTags.delete(id);
    },
    addEquipment(profile) {
      equipment.set(profile.id, profile);
      return profile;
    },
    setAnalysis(fileName, analysis) {
      analyses.set(fileName, analysis);
    },
    setLapTags(sessionId, lap, tags) {
      const laps = lapTags.get(sessionId) ?? new Map<number, readonly string[]>();
      if (tags.length > 0) laps.set(lap, [...tags]);
      else laps.delete(lap);
      lapTags.set(sessionId, laps);
    },
    request(pluginId, fields = {}) {
      return { user: null, params: {}, query: {}, body: undefined, ...fields, services: services(pluginId) };
    },
    async deleted(plugin, sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      this.deleteSession(sessionId);
      await plugin.onSessionDeleted?.({ session, services: services(plugin.id) });
    },
    async analysed(plugin, sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const pluginServices = services(plugin.id);
      await plugin.onAnalysis?.({
        session,
        artifacts: pluginServices.artifacts(sessionId),
        services: pluginServices,
      });
    },
  };
}
