/**
 * Everything the workbench stores for one user: exported as one JSON
 * document, or deleted.
 *
 * The export holds the rows of every table that is the user's, as stored
 * (binary columns, i.e. the original files, as base64): the user, their
 * sessions with the original files, their lap tags, equipment profiles,
 * coaching reports, chat messages, usage and settings, and the plugin
 * records they own (share links, notes, leaderboard entries...). Analysis
 * results are left out: they are derived from the files and computed again
 * when the export is imported (`server/account_import.ts`). Sign-in sessions are left out: they are
 * secrets. It is produced as a stream, one session file at a time, so a
 * large account does not have to fit in memory twice.
 *
 * Deleting removes all of it, records of plugins included; the account
 * itself goes too, except the local user of a workbench without sign-in,
 * which stays (empty) so the workbench keeps working.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import type { Kysely } from "kysely";
import type { Storage } from "./database.ts";
import { LOCAL_USER_ID } from "./migrations.ts";
import { lockSessionJobs } from "./sessions.ts";
import type { WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** The export's format id; a later format gets a new number. */
export const EXPORT_FORMAT = "cataclysm-workbench-export/1";

/** A row as JSON: binary columns become `{"base64": "..."}`. */
function rowJson(row: Record<string, unknown>): string {
  // Replaced before stringifying: a PostgreSQL driver's Buffer would turn itself into a list of numbers.
  const base64 = (value: unknown) =>
    value instanceof Uint8Array ? { base64: Buffer.from(value).toString("base64") } : value;
  return JSON.stringify(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, base64(value)])));
}

/** The bytes of an exported binary column (`{"base64": "..."}`), or null when the value is not one. */
export function exportedBytes(value: unknown): Uint8Array | null {
  const base64 = (value as { base64?: unknown } | null)?.base64;
  return typeof base64 === "string" ? new Uint8Array(Buffer.from(base64, "base64")) : null;
}

/** The rows of one table, each query giving a batch (run one after another). */
type TableRows = () => AsyncIterable<Record<string, unknown>[]>;

/** Every table of the user's, in export order. */
function userTables(db: Db, userId: string, sessionIds: readonly string[]): [string, TableRows][] {
  const once = (query: () => Promise<Record<string, unknown>[]>): TableRows =>
    async function* () {
      yield await query();
    };
  const perSession = (query: (sessionId: string) => Promise<Record<string, unknown>[]>): TableRows =>
    async function* () {
      for (const id of sessionIds) yield await query(id);
    };
  return [
    ["users", once(() => db.selectFrom("users").selectAll().where("id", "=", userId).execute())],
    [
      "sessions",
      once(() =>
        db.selectFrom("sessions").selectAll().where("user_id", "=", userId).orderBy("created_at").execute()
      ),
    ],
    [
      "session_files",
      perSession((id) => db.selectFrom("session_files").selectAll().where("session_id", "=", id).execute()),
    ],
    [
      "lap_tags",
      perSession((id) => db.selectFrom("lap_tags").selectAll().where("session_id", "=", id).execute()),
    ],
    [
      "equipment_profiles",
      once(() => db.selectFrom("equipment_profiles").selectAll().where("user_id", "=", userId).execute()),
    ],
    [
      "coaching_reports",
      perSession((id) =>
        db.selectFrom("coaching_reports").selectAll().where("session_id", "=", id).execute()
      ),
    ],
    [
      "coaching_messages",
      perSession((id) =>
        db.selectFrom("coaching_messages").selectAll().where("session_id", "=", id).execute()
      ),
    ],
    [
      "coaching_usage",
      once(() => db.selectFrom("coaching_usage").selectAll().where("user_id", "=", userId).execute()),
    ],
    [
      "coaching_settings",
      once(() => db.selectFrom("coaching_settings").selectAll().where("user_id", "=", userId).execute()),
    ],
    [
      "plugin_records",
      once(() => db.selectFrom("plugin_records").selectAll().where("owner_id", "=", userId).execute()),
    ],
  ];
}

/** The user's data as JSON text, in pieces: `{format, exported_at, tables: {name: [rows]}}`. */
export async function* exportAccount(db: Db, userId: string, now = Date.now()): AsyncGenerator<string> {
  const sessions = await db.selectFrom("sessions").select("id").where("user_id", "=", userId)
    .orderBy("created_at").execute();
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"exported_at":${
    JSON.stringify(new Date(now).toISOString())
  },"tables":{`;
  let firstTable = true;
  for (const [name, rows] of userTables(db, userId, sessions.map((s) => s.id))) {
    yield `${firstTable ? "" : ","}${JSON.stringify(name)}:[`;
    firstTable = false;
    let firstRow = true;
    for await (const batch of rows()) {
      for (const row of batch) {
        yield `${firstRow ? "" : ","}${rowJson(row)}`;
        firstRow = false;
      }
    }
    yield "]";
  }
  yield "}}";
}

/** What {@linkcode deleteAccount} removed. */
export interface DeletedAccount {
  /** Sessions deleted (with their files, artifacts, tags, jobs and coaching). */
  sessions: number;
  /** Equipment profiles deleted. */
  equipmentProfiles: number;
  /** Plugin records the user owned. */
  pluginRecords: number;
  /** Whether the account itself was deleted (never the local user). */
  accountDeleted: boolean;
}

/**
 * Deletes everything of the user's in one transaction (a job still finishing
 * for one of the sessions waits for it, or it for the job: see
 * `lockSessionJobs`).
 */
export async function deleteAccount(storage: Storage, userId: string): Promise<DeletedAccount> {
  return await storage.db.transaction().execute(async (trx) => {
    const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
    await lockSessionJobs(trx, storage.dialect, userId);
    const pluginRecords = count(
      await trx.deleteFrom("plugin_records").where("owner_id", "=", userId).executeTakeFirst(),
    );
    // Everything else hangs off the user and the sessions with ON DELETE CASCADE; deleting the
    // sessions and profiles first says how many there were, and keeps the local user.
    const sessions = count(await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst());
    const equipmentProfiles = count(
      await trx.deleteFrom("equipment_profiles").where("user_id", "=", userId).executeTakeFirst(),
    );
    await trx.deleteFrom("coaching_usage").where("user_id", "=", userId).execute();
    await trx.deleteFrom("coaching_settings").where("user_id", "=", userId).execute();
    const accountDeleted = userId !== LOCAL_USER_ID;
    if (accountDeleted) await trx.deleteFrom("users").where("id", "=", userId).execute();
    return { sessions, equipmentProfiles, pluginRecords, accountDeleted };
  });
}
