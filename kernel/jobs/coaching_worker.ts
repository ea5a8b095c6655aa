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
import {
  backoffMs,
  type ClaimedJob,
  claimNextJob,
  finishJob,
  releaseJob,
  renewLease,
  requeueJob,
} from "./queue.ts";
import type { Worker, WorkerOptions } from "./worker.ts";

class Shutdown extends Error {}

/** Starts the coaching worker. */
export function startCoachingWorker(ctx: CoachingJobContext, options: WorkerOptions): Worker {
  const { db } = ctx.storage;
  const id = `${Deno.hostname()}:${Deno.pid}:coach:${crypto.randomUUID().slice(0, 8)}`;
  let stopping = false;
  let wakeIdle: (() => void) | null = null;
  let current: AbortController | null = null;

  async function failForGood(claim: ClaimedJob, error: string): Promise<void> {
    if (!await finishJob(db, claim, { status: "failed", progressJson: null, error })) return;
    await failWaitingCoachingReports(db, claim.job.session_id, error);
  }

  async function process(claim: ClaimedJob): Promise<void> {
    if (claim.job.attempts > claim.job.max_attempts) {
      await failForGood(claim, claim.job.error ?? "the coaching job stopped its worker too many times");
      return;
    }
    const abort = new AbortController();
    current = abort;
    const heartbeat = setInterval(() => {
      renewLease(db, claim, options.leaseMs)
        .then((held) => held || abort.abort(new Error("claim lost")))
        .catch((error) =>
          console.error(`coaching job ${claim.job.id}: lease renewal failed: ${errorMessage(error)}`)
        );
    }, Math.max(50, options.leaseMs / 3));
    try {
      await runCoachingJob(ctx, claim, abort.signal);
      await finishJob(db, claim, { status: "done", progressJson: null, error: null });
    } catch (error) {
      if (abort.signal.reason instanceof Shutdown) {
        await releaseJob(db, claim);
        return;
      }
      const message = `coaching crashed: ${errorMessage(error)}`;
      console.error(`coaching job ${claim.job.id} (session ${claim.job.session_id}): ${message}`);
      if (claim.job.attempts >= claim.job.max_attempts) await failForGood(claim, message);
      else {await requeueJob(
          db,
          claim,
          backoffMs(claim.job.attempts, options.retryBaseMs, options.retryMaxMs),
          message,
        );}
    } finally {
      clearInterval(heartbeat);
      current = null;
    }
  }

  const loop = (async () => {
    while (!stopping) {
      let claim: ClaimedJob | null = null;
      try {
        claim = await claimNextJob(ctx.storage, id, options.leaseMs, COACH_JOB);
        if (claim) await process(claim);
      } catch (error) {
        console.error(`coaching worker ${id}: ${errorMessage(error)}`);
      }
      if (!claim && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, options.pollMs);
          function done() {
            clearTimeout(timer);
            wakeIdle = null;
            resolve();
          }
          wakeIdle = done;
        });
      }
    }
  })();

  return {
    id,
    wake: () => wakeIdle?.(),
    async stop() {
      stopping = true;
      current?.abort(new Shutdown("server shutting down"));
      wakeIdle?.();
      await loop;
    },
  };
}
