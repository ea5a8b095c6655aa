/**
 * The worker loop: claims analysis jobs from the database one at a time,
 * keeps the claim alive while the job runs, reports progress (to listeners
 * at once, to the database at most every {@linkcode PROGRESS_WRITE_MS}),
 * and decides what happens after a failure: a file that cannot be read
 * fails its session; anything else (a database error, a crash) is retried
 * with exponential back-off until the job's attempts run out.
 *
 * @module
 */

import { errorMessage } from "../parse.ts";
import { markSessionFailed, setSessionStatus } from "../storage/sessions.ts";
import { type AnalysisContext, runAnalysisJob } from "./analysis_job.ts";
import { pipelineSignature } from "./incremental.ts";
import { DEFAULT_SETTINGS } from "../../sdk/mod.ts";
import { ClaimLostError, ShutdownError, startJobLoop, type Worker, type WorkerOptions } from "./job_loop.ts";
import type { JobProgress } from "./progress.ts";
import {
  ANALYZE_JOB,
  backoffMs,
  type ClaimedJob,
  finishJob,
  recordProgress,
  releaseJob,
  requeueJob,
} from "./queue.ts";
import type { SessionEvents } from "./session_events.ts";

export type { Worker, WorkerOptions } from "./job_loop.ts";

/** Minimum interval between progress writes to the database, ms. */
const PROGRESS_WRITE_MS = 250;

/** Starts a worker loop claiming analysis jobs. */
export function startWorker(
  context: AnalysisContext & {
    events: SessionEvents;
    /** Runs the plugins' analysis hooks after a successful analysis (never rejects). */
    analysisHooks?: (sessionId: string) => Promise<void>;
  },
  options: WorkerOptions,
): Worker {
  const { storage: { db }, events } = context;

  async function failForGood(claim: ClaimedJob, error: string): Promise<void> {
    const sessionId = claim.job.session_id;
    const owned = await db.transaction().execute(async (trx) => {
      if (!await finishJob(trx, claim, { status: "failed", progressJson: claim.job.progress_json, error })) {
        return false;
      }
      // Marked as analysed by these plugins: it is tried again after a plugin upgrade, not at every start.
      await markSessionFailed(
        trx,
        sessionId,
        error,
        pipelineSignature(context.registry, context.settings ?? DEFAULT_SETTINGS),
      );
      return true;
    });
    if (owned) events.publish(sessionId, { type: "status", status: "failed", error });
  }

  async function handle(claim: ClaimedJob, signal: AbortSignal): Promise<void> {
    const sessionId = claim.job.session_id;
    if (claim.job.attempts > claim.job.max_attempts) {
      await failForGood(claim, claim.job.error ?? "the analysis stopped its worker too many times");
      return;
    }
    await setSessionStatus(db, sessionId, "processing");
    events.publish(sessionId, { type: "status", status: "processing", error: null });
    // Progress goes to the database at most every PROGRESS_WRITE_MS, the latest snapshot always last:
    // writes are chained, because two in flight on a connection pool may commit in either order.
    let lastWrite = 0;
    let pending: JobProgress | null = null;
    let writeTimer: ReturnType<typeof setTimeout> | undefined;
    let writing: Promise<unknown> = Promise.resolve();
    const writePending = () => {
      writeTimer = undefined;
      if (!pending) return;
      lastWrite = Date.now();
      const json = JSON.stringify(pending);
      writing = writing.then(() => recordProgress(db, claim, json)).catch(() => {});
      pending = null;
    };
    const onProgress = (progress: JobProgress) => {
      events.publish(sessionId, { type: "progress", progress });
      pending = progress;
      const wait = lastWrite + PROGRESS_WRITE_MS - Date.now();
      if (wait <= 0) writePending();
      else writeTimer ??= setTimeout(writePending, wait);
    };
    try {
      const outcome = await runAnalysisJob(context, claim, signal, onProgress);
      if (outcome.status !== "lost") {
        events.publish(sessionId, { type: "status", status: outcome.status, error: outcome.error });
      }
      if (outcome.status === "ready") await context.analysisHooks?.(sessionId);
    } catch (error) {
      if (signal.reason instanceof ShutdownError) {
        await releaseJob(db, claim);
        await setSessionStatus(db, sessionId, "queued");
        return;
      }
      if (signal.reason instanceof ClaimLostError) return;
      const message = `analysis crashed: ${errorMessage(error)}`;
      console.error(`job ${claim.job.id} (session ${sessionId}), attempt ${claim.job.attempts}: ${message}`);
      if (claim.job.attempts >= claim.job.max_attempts) {
        await failForGood(claim, message);
      } else if (
        await requeueJob(
          db,
          claim,
          backoffMs(claim.job.attempts, options.retryBaseMs, options.retryMaxMs),
          message,
        )
      ) {
        await setSessionStatus(db, sessionId, "queued", message);
        events.publish(sessionId, { type: "status", status: "queued", error: message });
      }
    } finally {
      clearTimeout(writeTimer);
    }
  }

  return startJobLoop({ ...options, storage: context.storage, kind: ANALYZE_JOB, label: "analyze", handle });
}
