/**
 * Schema migrations, run at start by Kysely's migrator (which takes a lock,
 * so several processes starting at once against one PostgreSQL apply each
 * migration exactly once). Migrations are only ever appended.
 *
 * Column types differ per dialect only where they must: binary data is
 * `blob` on SQLite and `bytea` on PostgreSQL; reals are `real` and `double
 * precision`; the job sequence is an `autoincrement` and an identity column.
 *
 * @module
 */

import { type Kysely, sql } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import { accountsMigration } from "./accounts_schema.ts";
import { coachingMigration } from "./coaching_schema.ts";
import { pluginRecordsMigration } from "./plugin_records_schema.ts";

/** Which SQL database a connection talks to. */
export type DialectName = "sqlite" | "postgres";

interface ColumnTypes {
  blob: "blob" | "bytea";
  real: "real" | "double precision";
}

/** Id of the local user, for whom every request acts when sign-in is not configured (local mode). */
export const LOCAL_USER_ID = "local";

function initialSchema(dialect: DialectName): Migration {
  const t: ColumnTypes = dialect === "sqlite"
    ? { blob: "blob", real: "real" }
    : { blob: "bytea", real: "double precision" };
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", t.real, (c) => c.notNull())
        .execute();
      await db.schema.createTable("equipment_profiles")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("profile_json", "text", (c) => c.notNull())
        .addColumn("is_default", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", t.real, (c) => c.notNull())
        .addColumn("updated_at", t.real, (c) => c.notNull())
        .addUniqueConstraint("equipment_profiles_user_name", ["user_id", "name"])
        .execute();
      await db.schema.createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("file_sha256", "text", (c) => c.notNull())
        .addColumn("size_bytes", "integer", (c) => c.notNull())
        .addColumn("format", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("error", "text")
        .addColumn("track_slug", "text")
        .addColumn("track_name", "text")
        .addColumn("driven_at", t.real)
        .addColumn("summary_json", "text")
        .addColumn("pipeline_signature", "text")
        .addColumn(
          "equipment_profile_id",
          "text",
          (c) => c.references("equipment_profiles.id").onDelete("set null"),
        )
        .addColumn("created_at", t.real, (c) => c.notNull())
        .addColumn("updated_at", t.real, (c) => c.notNull())
        .addColumn("analysed_at", t.real)
        .addUniqueConstraint("sessions_user_file", ["user_id", "file_sha256"])
        .execute();
      await db.schema.createIndex("sessions_user_created").on("sessions").columns(["user_id", "created_at"])
        .execute();
      await db.schema.createIndex("sessions_user_track").on("sessions").columns(["user_id", "track_slug"])
        .execute();
      await db.schema.createTable("session_files")
        .addColumn("session_id", "text", (c) => c.primaryKey().references("sessions.id").onDelete("cascade"))
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("size_bytes", "integer", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("content", t.blob, (c) => c.notNull())
        .addColumn("created_at", t.real, (c) => c.notNull())
        .execute();
      await db.schema.createTable("analysis_artifacts")
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
        .addColumn("artifact_id", "text", (c) => c.notNull())
        .addColumn("plugin_id", "text", (c) => c.notNull())
        .addColumn("plugin_version", "text", (c) => c.notNull())
        .addColumn("stage_id", "text", (c) => c.notNull())
        .addColumn("fingerprint", "text", (c) => c.notNull())
        .addColumn("size_bytes", "integer", (c) => c.notNull())
        .addColumn("content", t.blob, (c) => c.notNull())
        .addColumn("diagnostics_json", "text", (c) => c.notNull())
        .addColumn("created_at", t.real, (c) => c.notNull())
        .addPrimaryKeyConstraint("analysis_artifacts_pk", ["session_id", "artifact_id"])
        .execute();
      await db.schema.createTable("jobs")
        .addColumn(
          "id",
          "integer",
          (c) =>
            dialect === "sqlite"
              ? c.primaryKey().autoIncrement()
              : c.primaryKey().generatedAlwaysAsIdentity(),
        )
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("max_attempts", "integer", (c) => c.notNull())
        .addColumn("run_after", t.real, (c) => c.notNull())
        .addColumn("claimed_by", "text")
        .addColumn("claim_token", "text")
        .addColumn("lease_until", t.real)
        .addColumn("progress_json", "text")
        .addColumn("error", "text")
        .addColumn("created_at", t.real, (c) => c.notNull())
        .addColumn("updated_at", t.real, (c) => c.notNull())
        .addColumn("finished_at", t.real)
        .execute();
      await db.schema.createIndex("jobs_claimable").on("jobs").columns(["status", "run_after"]).execute();
      await db.schema.createIndex("jobs_session").on("jobs").columns(["session_id"]).execute();
      await db.schema.createTable("tracks")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("length_m", t.real, (c) => c.notNull())
        .addColumn("created_at", t.real, (c) => c.notNull())
        .execute();
      await db.schema.createTable("lap_tags")
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
        .addColumn("lap_number", "integer", (c) => c.notNull())
        .addColumn("tags_json", "text", (c) => c.notNull())
        .addColumn("updated_at", t.real, (c) => c.notNull())
        .addPrimaryKeyConstraint("lap_tags_pk", ["session_id", "lap_number"])
        .execute();
      await sql`insert into users (id, name, created_at) values (${LOCAL_USER_ID}, ${"Local driver"}, ${Date.now()})`
        .execute(db);
    },
  };
}

/** Every migration by name, in order. */
function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    "0001_initial": initialSchema(dialect),
    "0002_coaching": coachingMigration(dialect),
    "0003_accounts": accountsMigration(dialect),
    "0004_plugin_records": pluginRecordsMigration(dialect),
  };
}

/** The outcome of migrating at start. */
export interface MigrationOutcome {
  /** Names of the migrations applied now. */
  applied: string[];
  /** True when this start created the schema (the database was empty). */
  created: boolean;
}

/** Brings the schema up to date; throws when a migration fails. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName): Promise<MigrationOutcome> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(dialect)) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw new Error(`database migration failed: ${error instanceof Error ? error.message : error}`);
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  return { applied, created: applied.includes("0001_initial") };
}
