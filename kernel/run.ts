/**
 * Runs the analysis of one logger file: parse, then every planned stage in
 * order, timing each, reporting progress, honouring cancellation, and
 * isolating failures (a throwing stage becomes a diagnostic; only the stages
 * that need its output are skipped).
 *
 * @module
 */

import {
  type ArtifactKey,
  DataError,
  DEFAULT_SETTINGS,
  type Diagnostic,
  type RunSettings,
  SessionKey,
} from "../sdk/mod.ts";
import { errorMessage, parseFile } from "./parse.ts";
import { planStages } from "./plan.ts";
import type { Registry } from "./registry.ts";

/** Progress of one stage of a run. */
export interface ProgressEvent {
  /** Stage id (`"parse"` for reading the file). */
  stage: string;
  /** Owning plugin id. */
  plugin: string;
  /** 0-based position in the run. */
  index: number;
  /** Number of steps in the run, parse included. */
  total: number;
  /** What happened. */
  status: "started" | "done" | "failed" | "skipped";
  /** Seconds the stage took (on `done` and `failed`). */
  seconds?: number;
}

/** One analysis request. */
export interface AnalysisRequest {
  /** File name as uploaded. */
  file: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** Settings; missing fields take {@linkcode DEFAULT_SETTINGS}. */
  settings?: Partial<RunSettings>;
  /** Cancels the run: it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called as each stage starts and ends. */
  onProgress?: (event: ProgressEvent) => void;
}

/** Read access to the artifacts a run produced. */
export interface ArtifactStore {
  /** The value under `key`, or `undefined` when no stage produced it. */
  get<T>(key: ArtifactKey<T>): T | undefined;
  /** Ids of the artifacts present. */
  ids(): string[];
}

/** What a run produced. */
export interface AnalysisResult {
  /** File name. */
  file: string;
  /** Id of the format that read it, or `null`. */
  format: string | null;
  /** Every artifact produced. */
  artifacts: ArtifactStore;
  /** Every diagnostic, in the order reported. */
  diagnostics: Diagnostic[];
  /** Seconds per stage id (`parse` included). */
  stageSeconds: Record<string, number>;
  /** Seconds for the whole run. */
  totalSeconds: number;
}

/** Analyses one file with the registry's plugins. Rejects only when cancelled. */
export async function analyze(registry: Registry, request: AnalysisRequest): Promise<AnalysisResult> {
  const started = performance.now();
  const settings: RunSettings = { ...DEFAULT_SETTINGS, ...request.settings };
  const signal = request.signal ?? new AbortController().signal;
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  const values = new Map<string, unknown>();
  const stageSeconds: Record<string, number> = {};
  const plan = planStages(registry.stages(), [SessionKey.id]);
  diagnostics.push(...plan.problems);
  const total = plan.order.length + 1;
  const progress = (e: ProgressEvent) => {
    try {
      request.onProgress?.(e);
    } catch (error) {
      report({
        severity: "warning",
        plugin: "kernel",
        message: `progress listener failed: ${errorMessage(error)}`,
      });
    }
  };

  signal.throwIfAborted();
  progress({ stage: "parse", plugin: "kernel", index: 0, total, status: "started" });
  let t0 = performance.now();
  const parsed = await parseFile(registry.formats(), request.file, request.bytes, settings, signal, report);
  stageSeconds.parse = (performance.now() - t0) / 1000;
  progress({
    stage: "parse",
    plugin: "kernel",
    index: 0,
    total,
    status: parsed.session ? "done" : "failed",
    seconds: stageSeconds.parse,
  });
  if (parsed.session) values.set(SessionKey.id, parsed.session);

  const failedArtifact = new Map<string, string>();
  if (!parsed.session) failedArtifact.set(SessionKey.id, "parse");
  for (const [index, { plugin, stage }] of plan.order.entries()) {
    signal.throwIfAborted();
    const event = { stage: stage.id, plugin, index: index + 1, total };
    const missing = Object.values(stage.consumes).find((k) => !values.has(k.id));
    if (missing) {
      const cause = failedArtifact.get(missing.id) ?? "?";
      for (const k of Object.values(stage.produces)) failedArtifact.set(k.id, cause);
      report({
        severity: "warning",
        plugin,
        stage: stage.id,
        message: `skipped: needs "${missing.id}", which is missing because "${cause}" failed`,
      });
      progress({ ...event, status: "skipped" });
      continue;
    }
    progress({ ...event, status: "started" });
    const inputs: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(stage.consumes)) inputs[name] = values.get(key.id);
    t0 = performance.now();
    try {
      signal.throwIfAborted();
      const outputs = await stage.run(
        {
          plugin,
          stage: stage.id,
          settings,
          signal,
          report: (d) => report({ ...d, plugin, stage: stage.id }),
        },
        inputs,
      );
      for (const [name, key] of Object.entries(stage.produces)) {
        if (!outputs || !(name in outputs)) throw new Error(`run() returned no "${name}" output`);
        values.set(key.id, (outputs as Record<string, unknown>)[name]);
      }
      stageSeconds[stage.id] = (performance.now() - t0) / 1000;
      progress({ ...event, status: "done", seconds: stageSeconds[stage.id] });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      stageSeconds[stage.id] = (performance.now() - t0) / 1000;
      for (const k of Object.values(stage.produces)) failedArtifact.set(k.id, stage.id);
      report({
        severity: "error",
        plugin,
        stage: stage.id,
        message: error instanceof DataError ? error.message : `stage failed: ${errorMessage(error)}`,
        ...(error instanceof DataError ? error.location : {}),
      });
      progress({ ...event, status: "failed", seconds: stageSeconds[stage.id] });
    }
  }
  return {
    file: request.file,
    format: parsed.format,
    artifacts: {
      get: <T>(key: ArtifactKey<T>) => values.get(key.id) as T | undefined,
      ids: () => [...values.keys()],
    },
    diagnostics,
    stageSeconds,
    totalSeconds: (performance.now() - started) / 1000,
  };
}
