/**
 * Workbench-wide plugins: features that span users and sessions (sharing,
 * leaderboards, achievements, instructors, organizations, a year summary)
 * rather than one session's analysis.
 *
 * Such a plugin contributes {@linkcode AppRoute}s, mounted by the server under
 * `/api/plugins/{plugin id}{path}`, and {@linkcode AnalysisHook}s, called after
 * every finished analysis. Both receive an {@linkcode AppServices}: the
 * plugin's own record store (the server keeps it in the workbench database,
 * SQLite or PostgreSQL, one namespace per plugin) and read access to users,
 * sessions and their artifacts. The server authenticates the caller; the
 * plugin decides what the caller may see of its own records, and must check
 * ownership itself before it hands out a session that is not the caller's
 * (for example: a valid share link, an instructor's student).
 *
 * @module
 */

import type { RouteParam, RouteParamValues } from "./route.ts";
import type { ArtifactReader } from "./route.ts";

/** A JSON value as stored in a plugin's records. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One record of a plugin's store. */
export interface StoredRecord<T extends JsonValue = JsonValue> {
  /** The record's collection, e.g. `"links"`. */
  readonly collection: string;
  /** Key, unique within the collection. */
  readonly key: string;
  /** User the record belongs to, or null for a shared record. */
  readonly ownerId: string | null;
  /** A lookup value (e.g. a track slug) the store can filter on, or null. */
  readonly index: string | null;
  /** The stored value. */
  readonly value: T;
  /** When it was first stored, ms since the epoch. */
  readonly createdAt: number;
  /** When it was last stored, ms since the epoch. */
  readonly updatedAt: number;
}

/** Which records {@linkcode PluginStore.list} returns; absent fields do not filter. */
export interface RecordFilter {
  /** Only this user's records (null: only records without an owner). */
  readonly ownerId?: string | null;
  /** Only records with this index value. */
  readonly index?: string;
}

/** A plugin's own records, kept by the server in the workbench database. */
export interface PluginStore {
  /** Stores (inserts or replaces) one record. */
  put(
    collection: string,
    key: string,
    value: JsonValue,
    options?: { readonly ownerId?: string | null; readonly index?: string | null },
  ): Promise<void>;
  /** One record, or undefined. */
  get<T extends JsonValue = JsonValue>(collection: string, key: string): Promise<StoredRecord<T> | undefined>;
  /** Records of a collection matching the filter, oldest first. */
  list<T extends JsonValue = JsonValue>(
    collection: string,
    filter?: RecordFilter,
  ): Promise<StoredRecord<T>[]>;
  /** Deletes one record; true when it existed. */
  delete(collection: string, key: string): Promise<boolean>;
}

/** A signed-in user (in local single-user mode: the one local user). */
export interface AppUser {
  /** Stable id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** E-mail address, or null (local mode). */
  readonly email: string | null;
}

/** One stored session, as workbench-wide plugins see it. */
export interface AppSession {
  /** Session id. */
  readonly id: string;
  /** Owner's user id. */
  readonly userId: string;
  /** File name as uploaded. */
  readonly fileName: string;
  /** Analysis state: `"queued"`, `"running"`, `"done"` or `"failed"`. */
  readonly status: string;
  /** Circuit slug, or null on an unknown circuit. */
  readonly trackSlug: string | null;
  /** Circuit name, or null. */
  readonly trackName: string | null;
  /** When the session was driven (ISO 8601), or null. */
  readonly date: string | null;
  /** Upload time, ms since the epoch. */
  readonly createdAt: number;
  /** Equipment profile id attached to the session, or null. */
  readonly equipmentId: string | null;
}

/**
 * When a session was driven, ms since the epoch: its date when the file
 * says it, else its upload time. The one definition every workbench-wide
 * plugin orders sessions (and the laps in them) by.
 */
export function sessionDrivenAt(session: Pick<AppSession, "date" | "createdAt">): number {
  const parsed = session.date === null ? NaN : Date.parse(session.date);
  return Number.isFinite(parsed) ? parsed : session.createdAt;
}

/** An equipment profile (car, tyres, brakes) as workbench-wide plugins see it. */
export interface AppEquipment {
  /** Profile id. */
  readonly id: string;
  /** Owner's user id. */
  readonly userId: string;
  /** The owner's name for it. */
  readonly name: string;
  /**
   * Its details as stored: `vehicle` (the JSON of `vehicle.ts`, or null),
   * `tires` (`{model, category, size, pressure_kpa}`), `brakes` (`{pad, fluid}`), `notes`.
   */
  readonly details: { readonly [key: string]: JsonValue };
}

/** A session analysed in memory and not stored (e.g. a friend's upload through a share link). */
export interface TransientAnalysis {
  /** Circuit slug, or null when the file matched no known circuit. */
  readonly trackSlug: string | null;
  /** The analysis results. */
  readonly artifacts: ArtifactReader;
  /** Problems found in the file (warnings; errors throw instead). */
  readonly diagnostics: readonly { readonly severity: string; readonly message: string }[];
}

/** What the server gives a workbench-wide plugin. */
export interface AppServices {
  /** This plugin's records. */
  readonly store: PluginStore;
  /** A user by id, or undefined. */
  user(id: string): Promise<AppUser | undefined>;
  /** A session by id, whoever owns it (the plugin checks access), or undefined. */
  session(id: string): Promise<AppSession | undefined>;
  /** A user's sessions, newest first. */
  sessionsOf(userId: string): Promise<AppSession[]>;
  /**
   * Every user's sessions matched to circuit `trackSlug`, newest first;
   * `null` gives the analysed sessions no circuit matched.
   */
  sessionsAtTrack(trackSlug: string | null): Promise<AppSession[]>;
  /**
   * Queues the analysis of these sessions again (e.g. after the plugin's
   * analysis data changed) and resolves once they are queued; their stored
   * results stay readable until the new ones replace them.
   */
  reanalyse(sessionIds: readonly string[]): Promise<void>;
  /** An equipment profile by id (e.g. a session's `equipmentId`), whoever owns it, or undefined. */
  equipment(id: string): Promise<AppEquipment | undefined>;
  /** A session's stored artifacts (whoever owns it; the plugin checks access). */
  artifacts(sessionId: string): ArtifactReader;
  /**
   * The driver's own tags of a session's laps (set in the workbench), by lap
   * number; laps without any are absent. The automatic tags are the
   * `lap-tags` artifact.
   */
  lapTags(sessionId: string): Promise<ReadonlyMap<number, readonly string[]>>;
  /**
   * Runs the whole analysis pipeline on a file in memory without storing it;
   * throws an error naming the file, line and problem when it cannot be read.
   */
  analyzeFile(fileName: string, bytes: Uint8Array): Promise<TransientAnalysis>;
}

/** What an {@linkcode AppRoute} handler receives. */
export interface AppRequest<
  Q extends Record<string, RouteParam> = Record<string, RouteParam>,
  P extends Record<string, RouteParam> = Record<string, RouteParam>,
> {
  /** The caller; null only on a `public` route called without signing in. */
  readonly user: AppUser | null;
  /** Path parameters, parsed. */
  readonly params: RouteParamValues<P>;
  /** Query parameters, parsed. */
  readonly query: RouteParamValues<Q>;
  /** The parsed JSON body of a POST, PUT or PATCH, or `undefined`; the handler validates it. */
  readonly body: unknown;
  /** A file sent as `multipart/form-data` (field `file`) to a route with `upload: true`, or undefined. */
  readonly file?: { readonly name: string; readonly bytes: Uint8Array };
  /** Store and workbench data. */
  readonly services: AppServices;
}

/** A workbench-wide route, mounted under `/api/plugins/{plugin id}{path}`. */
export interface AppRoute<
  Q extends Record<string, RouteParam> = Record<string, RouteParam>,
  P extends Record<string, RouteParam> = Record<string, RouteParam>,
> {
  /** HTTP method. */
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path starting with `/`; `{name}` marks a path parameter declared in `params`. */
  readonly path: string;
  /** One sentence for the API documentation. */
  readonly description: string;
  /** Path parameters. */
  readonly params?: P;
  /** Query parameters. */
  readonly query?: Q;
  /**
   * True: callable without signing in (`user` is then null), e.g. viewing a
   * shared session by its link. Default false: an anonymous caller gets 401
   * when sign-in is configured.
   */
  readonly public?: boolean;
  /** True: the route takes a file upload (`multipart/form-data`, field `file`). */
  readonly upload?: boolean;
  /**
   * Computes the response: a JSON-able value (typed arrays allowed; camelCase
   * keys become snake_case), or undefined for 204. Throw `RouteError` for a
   * client error; anything else is a 500 naming the plugin.
   */
  handler(request: AppRequest<Q, P>): unknown | Promise<unknown>;
}

/** An app route with any parameters, as manifests hold them. */
export type AnyAppRoute = AppRoute<Record<string, RouteParam>, Record<string, RouteParam>>;

/** Declares an app route with its parameters typed from `query` and `params`. */
export function defineAppRoute<
  Q extends Record<string, RouteParam> = Record<never, RouteParam>,
  P extends Record<string, RouteParam> = Record<never, RouteParam>,
>(route: AppRoute<Q, P>): AnyAppRoute {
  return route as unknown as AnyAppRoute;
}

/** What an {@linkcode AnalysisHook} receives once a session's analysis has finished. */
export interface AnalysisEvent {
  /** The analysed session. */
  readonly session: AppSession;
  /** Its artifacts. */
  readonly artifacts: ArtifactReader;
  /** Store and workbench data. */
  readonly services: AppServices;
}

/**
 * Called after each finished analysis (e.g. to update leaderboards or award
 * achievements); a change of the driver's lap tags analyses the session
 * again, so it is called then too (read them with `services.lapTags`). A hook that throws is logged against
 * its plugin; the analysis and other hooks are unaffected.
 */
export type AnalysisHook = (event: AnalysisEvent) => void | Promise<void>;

/** What a {@linkcode SessionDeletedHook} receives once a session is deleted. */
export interface SessionDeletedEvent {
  /** The session as it was (its file, artifacts and lap tags are gone). */
  readonly session: AppSession;
  /** Store and workbench data. */
  readonly services: AppServices;
}

/**
 * Called after a session is deleted, by its driver or with their account,
 * so the plugin deletes what it keeps about that session (its notes, links,
 * board entries). A hook that throws is logged against its plugin; the
 * deletion and other hooks are unaffected.
 */
export type SessionDeletedHook = (event: SessionDeletedEvent) => void | Promise<void>;
