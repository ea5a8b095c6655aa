/**
 * One analysis job: read the stored original file, run the registered
 * pipeline with the server's settings, the driver's own lap tags, the car
 * of the session's equipment profile and the plugins' analysis data (reusing
 * every stored artifact whose inputs are unchanged), and store the new
 * artifacts, the session summary and the job's end in one
 * transaction that first checks the job is still this worker's.
 *
 * @module
 */

import {
  type ArtifactKey,
  DEFAULT_SETTINGS,
  type Diagnostic,
  type RunSettings,
  SessionKey,
  TrackKey,
} from "../../sdk/mod.ts";
import { toAnalyzeJson } from "../cli/analyze_json.ts";
import { detectFormat, errorMessage } from "../parse.ts";
import type { Registry } from "../registry.ts";
import { analyze } from "../run.ts";
import { decodeArtifact, encodeArtifact } from "../storage/artifact_codec.ts";
import {
  deleteArtifactsExcept,
  listArtifacts,
  readArtifactContent,
  upsertArtifacts,
} from "../storage/artifacts.ts";
import type { Storage } from "../storage/database.ts";
import type { AnalysisArtifactsTable } from "../storage/schema.ts";
import { sessionVehicle } from "../storage/equipment.ts";
import { readLapTags } from "../storage/lap_tags.ts";
import { readSessionFile, recordAnalysis } from "../storage/sessions.ts";
import { rememberTrack } from "../storage/tracks.ts";
import { pipelineSignature, prepareIncrementalRun, sessionFingerprint } from "./incremental.ts";
import type { FileHandoff } from "./file_handoff.ts";
import { createProgressTracker, type JobProgress } from "./progress.ts";
import { readPluginData } from "./plugin_data.ts";
import { analysisQueued, type ClaimedJob, enqueueJob, finishJob } from "./queue.ts";

/** What an analysis needs. */
export interface AnalysisContext {
  /** The database. */
  storage: Storage;
  /** Active plugins. */
  registry: Registry;
  /** Problems found while loading plugins (part of every summary). */
  loadProblems: readonly Diagnostic[];
  /** Run settings; default {@linkcode DEFAULT_SETTINGS}. */
  settings?: RunSettings;
  /** Files just uploaded to this process (read from the database when absent). */
  handoff?: FileHandoff;
  /** Jobs queued in the same transaction after a successful analysis (e.g. the coaching report), by kind. */
  followUpJobs?: readonly { kind: string; maxAttempts: number }[];
}

/** How a job ended. */
export interface AnalysisOutcome {
  /**
   * `ready`: analysed; `queued`: analysed and stored, but an input changed
   * meanwhile and another analysis of the session waits (so the session
   * stays `queued` until that one ends); `failed`: the file could not be
   * read; `lost`: the claim was lost, nothing stored.
   */
  status: "ready" | "queued" | "failed" | "lost";
  /** Why the file could not be read. */
  error: string | null;
  /** The final progress document. */
  progress: JobProgress;
}

/** Runs a claimed analysis job to its end. Rejects when `signal` aborts or the database fails. */
export async function runAnalysisJob(
  context: AnalysisContext,
  claim: ClaimedJob,
  signal: AbortSignal,
  onProgress: (progress: JobProgress) => void,
): Promise<AnalysisOutcome> {
  const { storage: { db }, registry } = context;
  const sessionId = claim.job.session_id;
  const serverSettings = context.settings ?? DEFAULT_SETTINGS;
  const settings: RunSettings = {
    ...serverSettings,
    vehicle: await sessionVehicle(db, sessionId) ?? serverSettings.vehicle,
    userLapTags: Object.fromEntries(await readLapTags(db, sessionId)),
    pluginData: await readPluginData(registry, db),
  };
  const tracker = createProgressTracker();
  const file = context.handoff?.take(sessionId) ?? await readSessionFile(db, sessionId);
  if (!file) return { status: "lost", error: null, progress: tracker.snapshot() }; // session deleted meanwhile

  const stored = await listArtifacts(db, sessionId);
  const format = await detectFormat(registry.formats(), file.content, () => {});
  const incremental = prepareIncrementalRun(
    registry,
    settings,
    sessionFingerprint(registry, file.sha256, format, settings),
    {
      fingerprints: new Map(stored.map((a) => [a.artifact_id, a.fingerprint])),
      async load(artifactId) {
        const row = await readArtifactContent(db, sessionId, artifactId);
        if (!row) throw new Error(`artifact "${artifactId}" vanished`);
        return decodeArtifact(row.content);
      },
    },
  );
  const result = await analyze(incremental.registry, {
    file: file.file_name,
    bytes: file.content,
    settings,
    signal,
    onProgress: (event) => onProgress(tracker.apply(event, incremental.reused.has(event.stage))),
  });

  const now = Date.now();
  const rows: AnalysisArtifactsTable[] = [];
  const unstorable: Diagnostic[] = [];
  const produced = result.artifacts.ids().filter((id) =>
    id !== SessionKey.id && incremental.producers.has(id)
  );
  for (const id of produced) {
    const producer = incremental.producers.get(id)!;
    if (incremental.reused.has(producer.stage)) continue;
    let content: Uint8Array;
    try {
      content = encodeArtifact(result.artifacts.get({ id } as ArtifactKey<unknown>));
    } catch (error) {
      // A value that is not plain data (a Map, a class instance...) is the producing plugin's bug.
      const message = `artifact "${id}" cannot be stored: ${errorMessage(error)}`;
      unstorable.push({ severity: "error", plugin: producer.plugin, stage: producer.stage, message });
      continue;
    }
    rows.push({
      session_id: sessionId,
      artifact_id: id,
      plugin_id: producer.plugin,
      plugin_version: producer.version,
      stage_id: producer.stage,
      fingerprint: producer.fingerprint,
      size_bytes: content.length,
      content,
      diagnostics_json: JSON.stringify(result.diagnostics.filter((d) => d.stage === producer.stage)),
      created_at: now,
    });
  }
  const kept = produced.filter((id) => !unstorable.some((d) => d.message.startsWith(`artifact "${id}"`)));

  const reusedDiagnostics = stored
    .filter((a) => incremental.reused.has(a.stage_id))
    .filter((a, i, all) => all.findIndex((b) => b.stage_id === a.stage_id) === i)
    .flatMap((a) => JSON.parse(a.diagnostics_json) as Diagnostic[]);
  const diagnostics = [...result.diagnostics, ...reusedDiagnostics, ...unstorable];
  const summary = toAnalyzeJson({ ...result, diagnostics }, context.loadProblems);
  const session = result.artifacts.get(SessionKey);
  const track = result.artifacts.get(TrackKey)?.track ?? null;
  const error = session
    ? null
    : diagnostics.find((d) => d.severity === "error")?.message ?? "the file could not be read";

  const progress = tracker.snapshot();
  const committed = await db.transaction().execute(async (trx) => {
    const owned = await finishJob(trx, claim, {
      status: "done",
      progressJson: JSON.stringify(progress),
      error,
    });
    if (!owned) return null;
    await upsertArtifacts(trx, rows);
    await deleteArtifactsExcept(trx, sessionId, kept);
    if (track) await rememberTrack(trx, track);
    const again = session !== undefined && await analysisQueued(trx, sessionId, claim.job.id);
    await recordAnalysis(trx, sessionId, {
      status: !session ? "failed" : again ? "queued" : "ready",
      error,
      format: result.format,
      track,
      drivenAt: session?.startUnixS != null ? session.startUnixS * 1000 : null,
      summaryJson: JSON.stringify(summary),
      pipelineSignature: pipelineSignature(registry, serverSettings),
    });
    if (session && !again) {
      for (const job of context.followUpJobs ?? []) {
        await enqueueJob(trx, sessionId, job.kind, job.maxAttempts);
      }
    }
    return !session ? "failed" : again ? "queued" : "ready";
  });
  if (committed === null) return { status: "lost", error: null, progress };
  return { status: committed, error, progress };
}
