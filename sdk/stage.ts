/**
 * Pipeline stages: pure functions from artifacts to artifacts.
 *
 * @module
 */

import type { KeyMap, ValuesOf } from "./artifact.ts";
import type { Reporter } from "./diagnostics.ts";
import type { RunSettings } from "./settings.ts";

/** What a stage's `run` receives besides its inputs. */
export interface StageContext {
  /** Id of the plugin the stage belongs to. */
  readonly plugin: string;
  /** Id of the stage. */
  readonly stage: string;
  /** Run settings. */
  readonly settings: RunSettings;
  /** Aborted when the caller cancels; long loops should check it. */
  readonly signal: AbortSignal;
  /** Records a diagnostic; the kernel adds the plugin and stage ids. */
  readonly report: Reporter;
}

/**
 * A pipeline stage. The kernel runs it once all of `consumes` exist, and
 * stores what it returns under `produces`. `run` must not mutate its inputs.
 */
export interface StageDefinition<C extends KeyMap = KeyMap, P extends KeyMap = KeyMap> {
  /** Unique id, kebab-case, e.g. `"split-laps"`; also the key in `stage_seconds`. */
  readonly id: string;
  /** One sentence saying what it computes. */
  readonly description: string;
  /** Artifacts it reads, by the names `run` receives them under. */
  readonly consumes: C;
  /** Artifacts it returns, by the names `run` returns them under. */
  readonly produces: P;
  /** Computes the outputs. May be async. */
  run(ctx: StageContext, inputs: ValuesOf<C>): ValuesOf<P> | Promise<ValuesOf<P>>;
}

/** A stage of any inputs and outputs, as registries and manifests hold them. */
export type AnyStage = StageDefinition<KeyMap, KeyMap>;

/**
 * Declares a stage with full typing of its inputs and outputs.
 *
 * @example
 * ```ts
 * import { defineStage } from "./stage.ts";
 * import { LapsKey } from "./keys.ts";
 * import { artifact } from "./artifact.ts";
 * const LapCountKey = artifact<number>("lap-count", "Number of complete laps");
 * export const countLaps = defineStage({
 *   id: "count-laps",
 *   description: "Counts complete laps.",
 *   consumes: { laps: LapsKey },
 *   produces: { count: LapCountKey },
 *   run: (_ctx, { laps }) => ({ count: laps.filter((l) => l.complete).length }),
 * });
 * ```
 */
export function defineStage<C extends KeyMap, P extends KeyMap>(
  stage: StageDefinition<C, P>,
): StageDefinition<C, P> {
  return stage;
}
