/**
 * The durable job queue, kept in the `jobs` table.
 *
 * A job is claimed by one worker at a time: the claim sets a random token
 * and a lease. The worker renews the lease while it works; every later write
 * (progress, completion, retry) checks the token, so a worker that lost its
 * claim (it stalled past the lease and another worker took the job) can no
 * longer change anything. A crashed worker's job becomes claimable again
 * when its lease runs out; a job that keeps crashing its workers fails after
 * `max_attempts` claims.
 *
 * Claiming is exactly-once across processes: on PostgreSQL with
 * `SELECT … FOR UPDATE SKIP LOCKED` inside a transaction (concurrent
 * claimers skip each other's rows instead of waiting), on SQLite with a
 * single `UPDATE … WHERE id = (SELECT …) RETURNING` statement, which SQLite
 * runs atomically under its write lock.
 *
 * @module
 */

import type { ExpressionBuilder, Kysely } from "kysely";
import type { Storage } from "../storage/database.ts";
import type { JobRow, WorkbenchDatabase } from "../storage/schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** The kind of job that analyses a session. */
export const ANALYZE_JOB = "analyze";

/** A claimed job: the row and the token proving the claim. */
export interface ClaimedJob {
  /** The job as claimed (`attempts` already counts this claim). */
  job: JobRow;
  /** Token of this claim. */
  token: string;
}

/** Queues an analysis of a session. */
export async function enqueueAnalysis(db: Db, sessionId: string, maxAttempts: number): Promise<void> {
  await enqueueJob(db, sessionId, ANALYZE_JOB, maxAttempts);
}

/** Whether another analysis of the session than job `exceptJobId` waits in the queue. */
export async function analysisQueued(db: Db, sessionId: string, exceptJobId: number): Promise<boolean> {
  const row = await db.selectFrom("jobs").select("id").where("session_id", "=", sessionId)
    .where("kind", "=", ANALYZE_JOB).where("status", "=", "queued").where("id", "!=", exceptJobId)
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Queues a job of any kind for a session (each kind has its own worker). */
export async function enqueueJob(
  db: Db,
  sessionId: string,
  kind: string,
  maxAttempts: number,
): Promise<void> {
  const now = Date.now();
  await db.insertInto("jobs").values({
    session_id: sessionId,
    kind,
    status: "queued",
    attempts: 0,
    max_attempts: maxAttempts,
    run_after: now,
    claimed_by: null,
    claim_token: null,
    lease_until: null,
    progress_json: null,
    error: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  }).execute();
}

const claimable = (now: number, kind: string) => (eb: ExpressionBuilder<WorkbenchDatabase, "jobs">) =>
  eb.and([
    eb("kind", "=", kind),
    eb.or([
      eb.and([eb("status", "=", "queued"), eb("run_after", "<=", now)]),
      eb.and([eb("status", "=", "running"), eb("lease_until", "<", now)]),
    ]),
  ]);

/** The condition every write of a claim's worker carries: the job is still running under this claim. */
const heldBy = (claim: ClaimedJob) => (eb: ExpressionBuilder<WorkbenchDatabase, "jobs">) =>
  eb.and([eb("id", "=", claim.job.id), eb("claim_token", "=", claim.token), eb("status", "=", "running")]);

/** Claims the oldest claimable job of `kind` for `workerId` for `leaseMs`, or returns null when there is none. */
export async function claimNextJob(
  storage: Storage,
  workerId: string,
  leaseMs: number,
  kind: string = ANALYZE_JOB,
): Promise<ClaimedJob | null> {
  const now = Date.now();
  const token = crypto.randomUUID();
  const claim = (eb: ExpressionBuilder<WorkbenchDatabase, "jobs">) => ({
    status: "running" as const,
    attempts: eb("attempts", "+", 1),
    claimed_by: workerId,
    claim_token: token,
    lease_until: now + leaseMs,
    updated_at: now,
  });
  let job: JobRow | undefined;
  if (storage.dialect === "postgres") {
    job = await storage.db.transaction().execute(async (trx) => {
      const next = await trx.selectFrom("jobs").select("id").where(claimable(now, kind)).orderBy("id").limit(
        1,
      )
        .forUpdate().skipLocked().executeTakeFirst();
      if (!next) return undefined;
      return await trx.updateTable("jobs").set(claim).where("id", "=", next.id).returningAll()
        .executeTakeFirstOrThrow();
    });
  } else {
    job = await storage.db.updateTable("jobs").set(claim)
      .where(
        "id",
        "=",
        (eb) => eb.selectFrom("jobs").select("id").where(claimable(now, kind)).orderBy("id").limit(1),
      )
      .returningAll()
      .executeTakeFirst();
  }
  return job ? { job, token } : null;
}

/** Extends the claim's lease; false when the claim was lost. */
export async function renewLease(db: Db, claim: ClaimedJob, leaseMs: number): Promise<boolean> {
  const now = Date.now();
  const result = await db.updateTable("jobs").set({ lease_until: now + leaseMs, updated_at: now })
    .where(heldBy(claim))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores the job's progress document; false when the claim was lost. */
export async function recordProgress(db: Db, claim: ClaimedJob, progressJson: string): Promise<boolean> {
  const result = await db.updateTable("jobs").set({ progress_json: progressJson, updated_at: Date.now() })
    .where(heldBy(claim))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Ends the job as done or failed, if the claim still holds. Call it first
 * in the transaction that stores the job's results: on PostgreSQL it locks
 * the row, and when it returns false the caller must roll back.
 */
export async function finishJob(
  db: Db,
  claim: ClaimedJob,
  outcome: { status: "done" | "failed"; progressJson: string | null; error: string | null },
): Promise<boolean> {
  const now = Date.now();
  const result = await db.updateTable("jobs")
    .set({
      status: outcome.status,
      progress_json: outcome.progressJson,
      error: outcome.error,
      lease_until: null,
      finished_at: now,
      updated_at: now,
    })
    .where(heldBy(claim))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Puts the job back in the queue, claimable after `delayMs`; false when the claim was lost. */
export async function requeueJob(
  db: Db,
  claim: ClaimedJob,
  delayMs: number,
  error: string | null,
): Promise<boolean> {
  const now = Date.now();
  const result = await db.updateTable("jobs")
    .set({
      status: "queued",
      run_after: now + delayMs,
      error,
      claimed_by: null,
      claim_token: null,
      lease_until: null,
      updated_at: now,
    })
    .where(heldBy(claim))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives the claim back untouched (graceful shutdown): the attempt does not count. */
export async function releaseJob(db: Db, claim: ClaimedJob): Promise<void> {
  await db.updateTable("jobs")
    .set((eb) => ({
      status: "queued",
      attempts: eb("attempts", "-", 1),
      claimed_by: null,
      claim_token: null,
      lease_until: null,
      updated_at: Date.now(),
    }))
    .where(heldBy(claim))
    .execute();
}

/** Retry delay after `attempts` failed claims: base × 2^(attempts − 1), at most `maxMs`. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The latest job of `kind` of a session, or undefined. */
export function latestJob(
  db: Db,
  sessionId: string,
  kind: string = ANALYZE_JOB,
): Promise<JobRow | undefined> {
  return db.selectFrom("jobs").selectAll().where("session_id", "=", sessionId).where("kind", "=", kind)
    .orderBy("id", "desc").limit(1).executeTakeFirst();
}
