/**
 * Stored coaching: reports, chat messages, the usage log and settings.
 * Session-scoped functions expect the caller to have checked that the
 * session is the user's (`requireSession`).
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { CoachingReportRow, CoachingReportsTable, CoachingReportStatus } from "./coaching_schema.ts";
import type { WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** The report of a session at a skill level, or undefined. */
export function getCoachingReport(
  db: Db,
  sessionId: string,
  skill: string,
): Promise<CoachingReportRow | undefined> {
  return db.selectFrom("coaching_reports").selectAll().where("session_id", "=", sessionId)
    .where("skill_level", "=", skill).executeTakeFirst();
}

/** Fields of a report row that a write sets. */
export type CoachingReportUpdate =
  & Partial<Omit<CoachingReportsTable, "session_id" | "skill_level" | "created_at" | "updated_at">>
  & {
    status: CoachingReportStatus;
  };

/** Creates or updates the report row of a session at a skill level. */
export async function saveCoachingReport(
  db: Db,
  sessionId: string,
  skill: string,
  update: CoachingReportUpdate,
): Promise<void> {
  const now = Date.now();
  await db.insertInto("coaching_reports")
    .values({
      session_id: sessionId,
      skill_level: skill,
      source: null,
      coach_version: null,
      context_hash: null,
      report_json: null,
      fallback_json: null,
      untraceable_json: null,
      error: null,
      note: null,
      model: null,
      input_tokens: 0,
      output_tokens: 0,
      cost_usd: null,
      attempts: 0,
      ...update,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(["session_id", "skill_level"]).doUpdateSet({ ...update, updated_at: now }))
    .execute();
}

/** Marks every report of the session still queued or generating as failed. */
export async function failWaitingCoachingReports(db: Db, sessionId: string, error: string): Promise<void> {
  await db.updateTable("coaching_reports").set({ status: "failed", error, updated_at: Date.now() })
    .where("session_id", "=", sessionId).where("status", "in", ["queued", "generating"]).execute();
}

/** A session's chat, oldest first. */
export function listCoachingMessages(db: Db, sessionId: string) {
  return db.selectFrom("coaching_messages").select(["role", "content", "source", "created_at"])
    .where("session_id", "=", sessionId).orderBy("id").execute();
}

/** Appends a question and its answer. */
export async function appendCoachingExchange(
  db: Db,
  sessionId: string,
  question: string,
  answer: string,
  source: string,
): Promise<void> {
  const now = Date.now();
  await db.insertInto("coaching_messages").values([
    { session_id: sessionId, role: "user", content: question, source: null, created_at: now },
    { session_id: sessionId, role: "assistant", content: answer, source, created_at: now },
  ]).execute();
}

/** Deletes a session's chat. */
export async function clearCoachingMessages(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("coaching_messages").where("session_id", "=", sessionId).execute();
}

/** One paid model call to log. */
export interface CoachingUsageEntry {
  /** The user. */
  userId: string;
  /** The session. */
  sessionId: string;
  /** `report` or `chat`. */
  kind: "report" | "chat";
  /** Model id. */
  model: string;
  /** Input tokens. */
  inputTokens: number;
  /** Output tokens. */
  outputTokens: number;
  /** Cost, USD, or null. */
  costUsd: number | null;
}

/** Logs a paid model call. */
export async function recordCoachingUsage(db: Db, entry: CoachingUsageEntry): Promise<void> {
  await db.insertInto("coaching_usage").values({
    user_id: entry.userId,
    session_id: entry.sessionId,
    kind: entry.kind,
    model: entry.model,
    input_tokens: entry.inputTokens,
    output_tokens: entry.outputTokens,
    cost_usd: entry.costUsd,
    created_at: Date.now(),
  }).execute();
}

/** What the user's model calls cost since `sinceMs` (Unix ms), USD (calls of unknown price count 0). */
export async function coachingSpentSince(db: Db, userId: string, sinceMs: number): Promise<number> {
  const row = await db.selectFrom("coaching_usage")
    .select((eb) => eb.fn.sum<number | string | null>("cost_usd").as("spent"))
    .where("user_id", "=", userId).where("created_at", ">=", sinceMs)
    .executeTakeFirst();
  return Number(row?.spent ?? 0);
}

/** A user's coaching settings; null fields when never set. */
export async function getCoachingSettings(
  db: Db,
  userId: string,
): Promise<{ skillLevel: string | null; dailyBudgetUsd: number | null }> {
  const row = await db.selectFrom("coaching_settings").select(["skill_level", "daily_budget_usd"])
    .where("user_id", "=", userId).executeTakeFirst();
  return { skillLevel: row?.skill_level ?? null, dailyBudgetUsd: row?.daily_budget_usd ?? null };
}

/** Stores a user's coaching settings. */
export async function saveCoachingSettings(
  db: Db,
  userId: string,
  settings: { skillLevel: string; dailyBudgetUsd: number | null },
): Promise<void> {
  const values = {
    skill_level: settings.skillLevel,
    daily_budget_usd: settings.dailyBudgetUsd,
    updated_at: Date.now(),
  };
  await db.insertInto("coaching_settings").values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values)).execute();
}
