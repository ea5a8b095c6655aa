/**
 * Tables of the coaching service: reports per session and skill level, the
 * chat of each session, a log of every paid model call (token use and
 * cost, which the daily budget sums), and each user's coaching settings.
 * Created by the `0002_coaching` migration.
 *
 * @module
 */

import type { CreateTableBuilder, Generated, Kysely, Selectable } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "./migrations.ts";

/** Where a coaching report is. */
export type CoachingReportStatus = "queued" | "generating" | "ready" | "failed";

/** The coaching report of one session at one skill level. */
export interface CoachingReportsTable {
  /** The session. */
  session_id: string;
  /** `novice`, `intermediate` or `advanced`. */
  skill_level: string;
  /** State. */
  status: CoachingReportStatus;
  /** `claude` or `offline`, once written. */
  source: string | null;
  /** Version of the coach that wrote it. */
  coach_version: string | null;
  /** SHA-256 of the coaching context and driver profile it was written from (reuse when unchanged). */
  context_hash: string | null;
  /** The report (`CoachingReport` JSON), once ready. */
  report_json: string | null;
  /** The offline coach's report when the model failed, JSON. */
  fallback_json: string | null;
  /** Numbers quoted in the report that the context does not contain, JSON array. */
  untraceable_json: string | null;
  /** Why it failed. */
  error: string | null;
  /** Something the reader should know (e.g. written offline because the daily budget was spent). */
  note: string | null;
  /** Model id, or null offline. */
  model: string | null;
  /** Input tokens over the report's calls. */
  input_tokens: number;
  /** Output tokens. */
  output_tokens: number;
  /** Cost, USD; null for a model without a known price. */
  cost_usd: number | null;
  /** Model calls made. */
  attempts: number;
  /** Unix ms. */
  created_at: number;
  /** Unix ms. */
  updated_at: number;
}

/** One message of a session's coaching chat. */
export interface CoachingMessagesTable {
  /** Order. */
  id: Generated<number>;
  /** The session. */
  session_id: string;
  /** `user` or `assistant`. */
  role: string;
  /** The text. */
  content: string;
  /** Who answered (`claude`, `offline`); null for questions. */
  source: string | null;
  /** Unix ms. */
  created_at: number;
}

/** One paid model call. */
export interface CoachingUsageTable {
  /** Order. */
  id: Generated<number>;
  /** Who it was for (the budget is per user). */
  user_id: string;
  /** The session, or null once deleted. */
  session_id: string | null;
  /** `report` or `chat`. */
  kind: string;
  /** Model id. */
  model: string;
  /** Input tokens (cache reads and writes included). */
  input_tokens: number;
  /** Output tokens. */
  output_tokens: number;
  /** Cost, USD; null for a model without a known price. */
  cost_usd: number | null;
  /** Unix ms. */
  created_at: number;
}

/** A user's coaching settings. */
export interface CoachingSettingsTable {
  /** The user. */
  user_id: string;
  /** Skill level reports are written for. */
  skill_level: string;
  /** Most a day's model calls may cost, USD; null = the server's default. */
  daily_budget_usd: number | null;
  /** Unix ms. */
  updated_at: number;
}

/** The coaching tables. */
export interface CoachingTables {
  coaching_reports: CoachingReportsTable;
  coaching_messages: CoachingMessagesTable;
  coaching_usage: CoachingUsageTable;
  coaching_settings: CoachingSettingsTable;
}

/** A report row. */
export type CoachingReportRow = Selectable<CoachingReportsTable>;

/** The migration creating the coaching tables. */
export function coachingMigration(dialect: DialectName): Migration {
  const real = dialect === "sqlite" ? "real" : "double precision";
  // A sequence column, as the jobs table's: autoincrement on SQLite, identity on PostgreSQL.
  const withId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    table.addColumn(
      "id",
      "integer",
      (c) =>
        dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
    );
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable("coaching_reports")
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
        .addColumn("skill_level", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("source", "text")
        .addColumn("coach_version", "text")
        .addColumn("context_hash", "text")
        .addColumn("report_json", "text")
        .addColumn("fallback_json", "text")
        .addColumn("untraceable_json", "text")
        .addColumn("error", "text")
        .addColumn("note", "text")
        .addColumn("model", "text")
        .addColumn("input_tokens", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("output_tokens", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("cost_usd", real)
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", real, (c) => c.notNull())
        .addColumn("updated_at", real, (c) => c.notNull())
        .addPrimaryKeyConstraint("coaching_reports_pk", ["session_id", "skill_level"])
        .execute();
      await withId(db.schema.createTable("coaching_messages"))
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("content", "text", (c) => c.notNull())
        .addColumn("source", "text")
        .addColumn("created_at", real, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("coaching_messages_session").on("coaching_messages").columns([
        "session_id",
        "id",
      ])
        .execute();
      await withId(db.schema.createTable("coaching_usage"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("session_id", "text", (c) => c.references("sessions.id").onDelete("set null"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("model", "text", (c) => c.notNull())
        .addColumn("input_tokens", "integer", (c) => c.notNull())
        .addColumn("output_tokens", "integer", (c) => c.notNull())
        .addColumn("cost_usd", real)
        .addColumn("created_at", real, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("coaching_usage_user_time").on("coaching_usage").columns([
        "user_id",
        "created_at",
      ])
        .execute();
      await db.schema.createTable("coaching_settings")
        .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
        .addColumn("skill_level", "text", (c) => c.notNull())
        .addColumn("daily_budget_usd", real)
        .addColumn("updated_at", real, (c) => c.notNull())
        .execute();
    },
  };
}
