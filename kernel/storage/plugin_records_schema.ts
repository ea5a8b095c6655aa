/**
 * The table behind every workbench-wide plugin's record store
 * (`sdk/app.ts`, `PluginStore`): one row per record, namespaced by plugin
 * and collection, with an optional owner and a lookup value to filter on.
 * Created by the `0004_plugin_records` migration.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "./migrations.ts";

/** One record of one plugin. */
export interface PluginRecordsTable {
  /** The plugin that owns the record (its namespace). */
  plugin_id: string;
  /** Collection within the plugin, e.g. `"links"`. */
  collection: string;
  /** Key, unique within the plugin's collection. */
  key: string;
  /** User the record belongs to, or null for a shared record. */
  owner_id: string | null;
  /** A lookup value the plugin filters on (e.g. a track slug), or null. */
  index_value: string | null;
  /** The value, JSON text. */
  value_json: string;
  /** Unix ms, first stored. */
  created_at: number;
  /** Unix ms, last stored. */
  updated_at: number;
}

/** The plugin record tables. */
export interface PluginRecordsTables {
  plugin_records: PluginRecordsTable;
}

/** The migration creating the plugin record table. */
export function pluginRecordsMigration(dialect: DialectName): Migration {
  const real = dialect === "sqlite" ? "real" : "double precision";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable("plugin_records")
        .addColumn("plugin_id", "text", (c) => c.notNull())
        .addColumn("collection", "text", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("owner_id", "text")
        .addColumn("index_value", "text")
        .addColumn("value_json", "text", (c) => c.notNull())
        .addColumn("created_at", real, (c) => c.notNull())
        .addColumn("updated_at", real, (c) => c.notNull())
        .addPrimaryKeyConstraint("plugin_records_pk", ["plugin_id", "collection", "key"])
        .execute();
      await db.schema.createIndex("plugin_records_index").on("plugin_records")
        .columns(["plugin_id", "collection", "index_value"]).execute();
      await db.schema.createIndex("plugin_records_owner").on("plugin_records")
        .columns(["plugin_id", "collection", "owner_id"]).execute();
    },
  };
}
