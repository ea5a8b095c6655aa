/**
 * Sessions and their original files. Every read and delete is scoped by the
 * owner: a session of another user is reported as missing, like an unknown id.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { Storage } from "./database.ts";
import type { DialectName } from "./migrations.ts";
import type { SessionRow, SessionStatus, WorkbenchDatabase } from "./schema.ts";
import { ANALYZE_JOB } from "../jobs/queue.ts";

type Db = Kysely<WorkbenchDatabase>;

/** A new session from an upload, before any analysis. */
export interface NewSession {
  /** Owner. */
  userId: string;
  /** File name as uploaded. */
  fileName: string;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  /** The original bytes. */
  bytes: Uint8Array;
  /** Format id recognised by the upload check. */
  format: string;
}

/**
 * Inserts a session and its original bytes, unless the owner already has a
 * session with the same file hash. Returns the new id, or `null` for a
 * duplicate (the unique index decides, so concurrent uploads of one file
 * cannot both win). Run it inside a transaction with the job insert.
 */
export async function insertSession(db: Db, session: NewSession): Promise<string | null> {
  const now = Date.now();
  const id = crypto.randomUUID();
  const inserted = await db.insertInto("sessions")
    .values({
      id,
      user_id: session.userId,
      file_name: session.fileName,
      file_sha256: session.sha256,
      size_bytes: session.bytes.length,
      format: session.format,
      status: "queued",
      error: null,
      track_slug: null,
      track_name: null,
      driven_at: null,
      summary_json: null,
      pipeline_signature: null,
      equipment_profile_id: null,
      created_at: now,
      updated_at: now,
      analysed_at: null,
    })
    .onConflict((oc) => oc.columns(["user_id", "file_sha256"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return null;
  await db.insertInto("session_files")
    .values({
      session_id: id,
      file_name: session.fileName,
      size_bytes: session.bytes.length,
      sha256: session.sha256,
      content: session.bytes,
      created_at: now,
    })
    .execute();
  return id;
}

/** The owner's session with this file hash, or undefined. */
export async function findSessionByHash(db: Db, userId: string, sha256: string): Promise<string | undefined> {
  const row = await db.selectFrom("sessions").select("id")
    .where("user_id", "=", userId).where("file_sha256", "=", sha256)
    .executeTakeFirst();
  return row?.id;
}

/** One session of the owner, or undefined. */
export function getSession(db: Db, userId: string, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Filters and paging of a session list. */
export interface SessionListQuery {
  /** Only sessions matched to this circuit. */
  trackSlug?: string;
  /** Only sessions in this state. */
  status?: SessionStatus;
  /** Page size. */
  limit: number;
  /** Rows to skip. */
  offset: number;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean;
}

/** The owner's sessions, newest first, and how many match in all. */
export async function listSessions(
  db: Db,
  userId: string,
  query: SessionListQuery,
): Promise<{ items: SessionRow[]; total: number }> {
  let base = db.selectFrom("sessions").where("user_id", "=", userId);
  if (query.trackSlug !== undefined) base = base.where("track_slug", "=", query.trackSlug);
  if (query.status !== undefined) base = base.where("status", "=", query.status);
  const direction = query.oldestFirst ? "asc" : "desc";
  const [items, count] = await Promise.all([
    base.selectAll().orderBy("created_at", direction).orderBy("id", direction)
      .limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Deletes a session with its file, artifacts, tags and jobs; false when the owner has no such session. */
export async function deleteSession(storage: Storage, userId: string, id: string): Promise<boolean> {
  return await storage.db.transaction().execute(async (trx) => {
    await lockSessionJobs(trx, storage.dialect, userId, id);
    const result = await trx.deleteFrom("sessions").where("id", "=", id).where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/**
 * Before deleting sessions on PostgreSQL: locks their job rows (the user's
 * sessions, or the one `sessionId`) inside the deleting transaction. A job
 * that finishes locks its job row first, then the artifacts and the
 * session; the cascade from the session locks them the other way round, so
 * without this the two could deadlock. (SQLite runs one writer at a time.)
 */
export async function lockSessionJobs(
  trx: Db,
  dialect: DialectName,
  userId: string,
  sessionId?: string,
): Promise<void> {
  if (dialect !== "postgres") return;
  let sessions = trx.selectFrom("sessions").select("id").where("user_id", "=", userId);
  if (sessionId !== undefined) sessions = sessions.where("id", "=", sessionId);
  await trx.selectFrom("jobs").select("id").where("session_id", "in", sessions).forUpdate().execute();
}

/** The original file of a session (no owner check: for the worker, which holds a job for it). */
export function readSessionFile(
  db: Db,
  sessionId: string,
): Promise<{ file_name: string; sha256: string; content: Uint8Array } | undefined> {
  return db.selectFrom("session_files").select(["file_name", "sha256", "content"])
    .where("session_id", "=", sessionId).executeTakeFirst();
}

/** Sets a session's state (and clears or sets its error). */
export async function setSessionStatus(
  db: Db,
  sessionId: string,
  status: SessionStatus,
  error: string | null = null,
): Promise<void> {
  await db.updateTable("sessions").set({ status, error, updated_at: Date.now() }).where("id", "=", sessionId)
    .execute();
}

/** Marks a session failed for good under a pipeline (its job kept crashing). */
export async function markSessionFailed(
  db: Db,
  sessionId: string,
  error: string,
  pipelineSignature: string,
): Promise<void> {
  await db.updateTable("sessions")
    .set({ status: "failed", error, pipeline_signature: pipelineSignature, updated_at: Date.now() })
    .where("id", "=", sessionId)
    .execute();
}

/** The outcome of an analysis, as stored on the session row. */
export interface AnalysisRecord {
  /**
   * `ready`; `queued` when another analysis of the session waits (its results
   * so far are stored and readable); `failed` when the file could not be read.
   */
  status: "ready" | "queued" | "failed";
  /** Why it failed. */
  error: string | null;
  /** Format id of the file. */
  format: string | null;
  /** Matched circuit. */
  track: { slug: string; name: string } | null;
  /** When the session was driven, Unix ms. */
  drivenAt: number | null;
  /** The summary document, JSON. */
  summaryJson: string;
  /** Plugins and versions used. */
  pipelineSignature: string;
}

/** Stores the outcome of an analysis on the session row. */
export async function recordAnalysis(db: Db, sessionId: string, record: AnalysisRecord): Promise<void> {
  const now = Date.now();
  await db.updateTable("sessions")
    .set({
      status: record.status,
      error: record.error,
      format: record.format,
      track_slug: record.track?.slug ?? null,
      track_name: record.track?.name ?? null,
      driven_at: record.drivenAt,
      summary_json: record.summaryJson,
      pipeline_signature: record.pipelineSignature,
      analysed_at: now,
      updated_at: now,
    })
    .where("id", "=", sessionId)
    .execute();
}

/** Ids of sessions last analysed with another set of plugins (or never), with no job pending. */
export async function sessionsNeedingAnalysis(db: Db, pipelineSignature: string): Promise<string[]> {
  const rows = await db.selectFrom("sessions").select("id")
    .where((eb) =>
      eb.or([eb("pipeline_signature", "is", null), eb("pipeline_signature", "!=", pipelineSignature)])
    )
    .where((eb) =>
      eb.not(eb.exists(
        eb.selectFrom("jobs").select("jobs.id").whereRef("jobs.session_id", "=", "sessions.id")
          .where("jobs.kind", "=", ANALYZE_JOB).where("jobs.status", "in", ["queued", "running"]),
      ))
    )
    .execute();
  return rows.map((r) => r.id);
}
