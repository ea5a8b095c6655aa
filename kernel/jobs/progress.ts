/**
 * The progress document of an analysis job: one entry per step of the run
 * (parsing, then every stage), built from the kernel's progress events.
 *
 * @module
 */

import type { ProgressEvent } from "../run.ts";

/** One step of the run. */
export interface StepProgress {
  /** Stage id (`"parse"` for reading the file). */
  stage: string;
  /** Owning plugin. */
  plugin: string;
  /** Where it is. */
  status: ProgressEvent["status"];
  /** Seconds it took, once finished. */
  seconds?: number;
  /** True when a stored result was reused instead of running the stage. */
  reused?: boolean;
}

/** Progress of a job. */
export interface JobProgress {
  /** Steps finished (done, failed or skipped). */
  finished: number;
  /** Steps in the run. */
  total: number;
  /** Steps in the order they started. */
  steps: StepProgress[];
}

/** Accumulates progress events into a {@linkcode JobProgress}. */
export interface ProgressTracker {
  /** Applies one event; `reused` marks a stage that returned stored values. Returns the new document. */
  apply(event: ProgressEvent, reused?: boolean): JobProgress;
  /** The current document. */
  snapshot(): JobProgress;
}

/** Creates a tracker with no steps yet. */
export function createProgressTracker(): ProgressTracker {
  const steps: StepProgress[] = [];
  let total = 0;
  const snapshot = (): JobProgress => ({
    finished: steps.filter((s) => s.status !== "started").length,
    total,
    steps: steps.map((s) => ({ ...s })),
  });
  return {
    apply(event, reused = false) {
      total = event.total;
      let step = steps.find((s) => s.stage === event.stage);
      if (!step) {
        step = { stage: event.stage, plugin: event.plugin, status: event.status };
        steps.push(step);
      }
      step.status = event.status;
      if (event.seconds !== undefined) step.seconds = Number(event.seconds.toFixed(4));
      if (reused) step.reused = true;
      return snapshot();
    },
    snapshot,
  };
}
