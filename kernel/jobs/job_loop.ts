/**
 * The loop every job worker shares: claim the next job of one kind, keep the
 * claim alive while it runs (renewing the lease every third of it), sleep
 * when there is no work until the next poll or a wake-up, and on stop abort
 * the job in hand and wait for the loop to end. What a job does, and what
 * happens after it fails, is the worker's own `handle`.
 *
 * @module
 */

import { errorMessage } from "../parse.ts";
import type { Storage } from "../storage/database.ts";
import { type ClaimedJob, claimNextJob, renewLease } from "./queue.ts";

/** Timing of a worker. */
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

/** The reason a job's signal is aborted when the worker stops: give the job back. */
export class ShutdownError extends Error {}

/** The reason a job's signal is aborted when its lease was taken over: another worker owns it now. */
export class ClaimLostError extends Error {}

/** What a job loop needs. */
export interface JobLoopOptions extends WorkerOptions {
  /** The database. */
  storage: Storage;
  /** Job kind this loop claims. */
  kind: string;
  /** Label in the worker id and log lines, e.g. `"coach"`. */
  label: string;
  /** Runs one claimed job; `signal` is aborted with {@linkcode ShutdownError} or {@linkcode ClaimLostError}. */
  handle(claim: ClaimedJob, signal: AbortSignal): Promise<void>;
}

/** Starts a loop claiming and handling jobs of one kind until stopped. */
export function startJobLoop(options: JobLoopOptions): Worker {
  const { storage, leaseMs } = options;
  const id = `${Deno.hostname()}:${Deno.pid}:${options.label}:${crypto.randomUUID().slice(0, 8)}`;
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

  async function run(claim: ClaimedJob): Promise<void> {
    const abort = new AbortController();
    current = abort;
    const heartbeat = setInterval(() => {
      renewLease(storage.db, claim, leaseMs)
        .then((held) => held || abort.abort(new ClaimLostError("claim lost")))
        .catch((error) => console.error(`job ${claim.job.id}: lease renewal failed: ${errorMessage(error)}`));
    }, Math.max(50, leaseMs / 3));
    try {
      await options.handle(claim, abort.signal);
    } finally {
      clearInterval(heartbeat);
      current = null;
    }
  }

  const loop = (async () => {
    while (!stopping) {
      let claim: ClaimedJob | null = null;
      try {
        claim = await claimNextJob(storage, id, leaseMs, options.kind);
        if (claim) await run(claim);
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
