/**
 * The coaching worker: its own loop over the job queue, claiming only
 * coaching jobs, so a report waiting on the language model never delays the
 * analysis of a new upload. It keeps the claim alive while a job runs;
 * a crash is retried with back-off, and a job that fails for good marks its
 * report failed, so no report stays `generating`.
 *
 * @module
 */

import { errorMessage } from "../parse.ts";
import { failWaitingCoachingReports } from "../storage/coaching.ts";
import { COACH_JOB, type CoachingJobContext, runCoachingJob } from "./coaching_job.ts";
import { ClaimLostError, ShutdownError, startJobLoop, type Worker, type WorkerOptions } from "./job_loop.ts";
import { backoffMs, type ClaimedJob, finishJob, releaseJob, requeueJob } from "./queue.ts";

/** Starts the coaching worker loop. */
export function startCoachingWorker(ctx: CoachingJobContext, options: WorkerOptions): Worker {
  const { db } = ctx.storage;

  async function failForGood(claim: ClaimedJob, error: string): Promise<void> {
    if (!await finishJob(db, claim, { status: "failed", progressJson: null, error })) return;
    await failWaitingCoachingReports(db, claim.job.session_id, error);
  }

  async function handle(claim: ClaimedJob, signal: AbortSignal): Promise<void> {
    if (claim.job.attempts > claim.job.max_attempts) {
      await failForGood(claim, claim.job.error ?? "the coaching job stopped its worker too many times");
      return;
    }
    try {
      await runCoachingJob(ctx, claim, signal);
      await finishJob(db, claim, { status: "done", progressJson: null, error: null });
    } catch (error) {
      if (signal.reason instanceof ShutdownError) {
        await releaseJob(db, claim);
        return;
      }
      if (signal.reason instanceof ClaimLostError) return;
      const message = `coaching crashed: ${errorMessage(error)}`;
      console.error(`coaching job ${claim.job.id} (session ${claim.job.session_id}): ${message}`);
      if (claim.job.attempts >= claim.job.max_attempts) await failForGood(claim, message);
      else {
        await requeueJob(
          db,
          claim,
          backoffMs(claim.job.attempts, options.retryBaseMs, options.retryMaxMs),
          message,
        );
      }
    }
  }

  return startJobLoop({ ...options, storage: ctx.storage, kind: COACH_JOB, label: "coach", handle });
}
