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
import type { JobProgress } from "./progress.ts";
import {
  backoffMs,
  type ClaimedJob,
  claimNextJob,
  finishJob,
  recordProgress,
  releaseJob,
  renewLease,
  requeueJob,
} from "./queue.ts";
import type { SessionEvents } from "./session_events.ts";

/** Timing of the worker. */
export interface WorkerOptions {
  /** How long a claim lasts without renewal, ms; renewed every third of it. */
  leaseMs: number;
  /** How often to look for work when idle, ms. */
  pollMs: number;
  /** First retry delay, ms (doubles per attempt). */
  retryBaseMs: number;
  /** Longest retry delay, ms. */
  retryMaxMs: number;
}

/** A running worker. */
export interface Worker {
  /** This worker's id (recorded on the jobs it claims). */
  readonly id: string;
  /** Looks for work now instead of at the next poll. */
  wake(): void;
  /** Stops after giving back the job in hand; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/** Minimum interval between progress writes to the database, ms. */
const PROGRESS_WRITE_MS = 250;

class ShutdownError extends Error {}
class ClaimLostError extends Error {}

/** Starts a worker loop. */
export function startWorker(
  context: AnalysisContext & { events: SessionEvents },
  options: WorkerOptions,
): Worker {
  const { storage: { db }, events } = context;
  const id = `${Deno.hostname()}:${Deno.pid}:${crypto.randomUUID().slice(0, 8)}`;
  let stopping = false;
  let wakeIdle: (() => void) | null = null;
  let current: AbortController | null = null;

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeIdle = null;
        resolve();
      }
      wakeIdle = done;
    });

  async function failForGood(claim: ClaimedJob, error: string): Promise<void> {
    const sessionId = claim.job.session_id;
    const owned = await db.transaction().execute(async (trx) => {
      if (!await finishJob(trx, claim, { status: "failed", progressJson: claim.job.progress_json, error })) {
        return false;
      }
      // Marked as analysed by these plugins: it is tried again after a plugin upgrade, not at every start.
      await markSessionFailed(trx, sessionId, error, pipelineSignature(context.registry));
      return true;
    });
    if (owned) events.publish(sessionId, { type: "status", status: "failed", error });
  }

  async function process(claim: ClaimedJob): Promise<void> {
    const sessionId = claim.job.session_id;
    if (claim.job.attempts > claim.job.max_attempts) {
      await failForGood(claim, claim.job.error ?? "the analysis stopped its worker too many times");
      return;
    }
    await setSessionStatus(db, sessionId, "processing");
    events.publish(sessionId, { type: "status", status: "processing", error: null });
    const abort = new AbortController();
    current = abort;
    const heartbeat = setInterval(() => {
      renewLease(db, claim, options.leaseMs)
        .then((held) => held || abort.abort(new ClaimLostError("claim lost")))
        .catch((error) => console.error(`job ${claim.job.id}: lease renewal failed: ${errorMessage(error)}`));
    }, Math.max(50, options.leaseMs / 3));
    // Progress goes to the database at most every PROGRESS_WRITE_MS, the latest snapshot always last.
    let lastWrite = 0;
    let pending: JobProgress | null = null;
    let writeTimer: ReturnType<typeof setTimeout> | undefined;
    const writePending = () => {
      writeTimer = undefined;
      if (!pending) return;
      lastWrite = Date.now();
      recordProgress(db, claim, JSON.stringify(pending)).catch(() => {});
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
      const outcome = await runAnalysisJob(context, claim, abort.signal, onProgress);
      if (outcome.status !== "lost") {
        events.publish(sessionId, { type: "status", status: outcome.status, error: outcome.error });
      }
    } catch (error) {
      if (abort.signal.reason instanceof ShutdownError) {
        await releaseJob(db, claim);
        await setSessionStatus(db, sessionId, "queued");
        return;
      }
      if (abort.signal.reason instanceof ClaimLostError) return;
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
      clearInterval(heartbeat);
      clearTimeout(writeTimer);
      current = null;
    }
  }

  const loop = (async () => {
    while (!stopping) {
      let claim: ClaimedJob | null = null;
      try {
        claim = await claimNextJob(context.storage, id, options.leaseMs);
        if (claim) await process(claim);
      } catch (error) {
        console.error(`worker ${id}: ${errorMessage(error)}`);
      }
      if (!claim && !stopping) await idle(options.pollMs);
    }
  })();

  return {
    id,
    wake: () => wakeIdle?.(),
    async stop() {
      stopping = true;
      current?.abort(new ShutdownError("server shutting down"));
      wakeIdle?.();
      await loop;
    },
  };
}
