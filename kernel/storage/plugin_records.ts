/**
 * A workbench-wide plugin's record store (`sdk/app.ts`, `PluginStore`) over
 * the `plugin_records` table: every query is scoped to one plugin id, so a
 * plugin can neither read nor overwrite another plugin's records. Works the
 * same on SQLite and PostgreSQL (an upsert on the primary key).
 *
 * @module
 */

import type { Kysely, Selectable } from "kysely";
import type { JsonValue, PluginStore, RecordFilter, StoredRecord } from "../../sdk/mod.ts";
import type { PluginRecordsTable } from "./plugin_records_schema.ts";
import type { WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** Longest collection name or key accepted, characters. */
const MAX_NAME = 500;

function checkName(what: string, name: string): void {
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_NAME) {
    throw new Error(`plugin store: ${what} must be a non-empty string of at most ${MAX_NAME} characters`);
  }
}

function toRecord<T extends JsonValue>(row: Selectable<PluginRecordsTable>): StoredRecord<T> {
  return {
    collection: row.collection,
    key: row.key,
    ownerId: row.owner_id,
    index: row.index_value,
    value: JSON.parse(row.value_json) as T,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** The record store of plugin `pluginId`. */
export function pluginStore(db: Db, pluginId: string): PluginStore {
  const scoped = (collection: string) =>
    db.selectFrom("plugin_records").selectAll()
      .where("plugin_id", "=", pluginId).where("collection", "=", collection);
  return {
    async put(collection, key, value, options = {}) {
      checkName("collection", collection);
      checkName("key", key);
      const json = JSON.stringify(value);
      if (json === undefined) throw new Error(`plugin store: the value of ${collection}/${key} is not JSON`);
      const now = Date.now();
      const ownerId = options.ownerId ?? null;
      const index = options.index ?? null;
      await db.insertInto("plugin_records")
        .values({
          plugin_id: pluginId,
          collection,
          key,
          owner_id: ownerId,
          index_value: index,
          value_json: json,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(["plugin_id", "collection", "key"]).doUpdateSet({
            owner_id: ownerId,
            index_value: index,
            value_json: json,
            updated_at: now,
          })
        )
        .execute();
    },
    async get<T extends JsonValue = JsonValue>(collection: string, key: string) {
      const row = await scoped(collection).where("key", "=", key).executeTakeFirst();
      return row ? toRecord<T>(row) : undefined;
    },
    async list<T extends JsonValue = JsonValue>(collection: string, filter: RecordFilter = {}) {
      let query = scoped(collection);
      if (filter.ownerId === null) query = query.where("owner_id", "is", null);
      else if (filter.ownerId !== undefined) query = query.where("owner_id", "=", filter.ownerId);
      if (filter.index !== undefined) query = query.where("index_value", "=", filter.index);
      const rows = await query.orderBy("created_at").orderBy("key").execute();
      return rows.map((row) => toRecord<T>(row));
    },
    async delete(collection, key) {
      const result = await db.deleteFrom("plugin_records")
        .where("plugin_id", "=", pluginId).where("collection", "=", collection).where("key", "=", key)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
