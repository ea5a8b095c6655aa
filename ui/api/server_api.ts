/**
 * The workbench server's HTTP API as the UI uses it, normalised to the
 * shapes views see (`ViewSession`, `ViewLap`, `LapTrace`).
 *
 * @module
 */

/// <reference lib="dom" />

import type { LapDelta } from "../../sdk/delta.ts";
import type { Diagnostic } from "../../sdk/diagnostics.ts";
import type { JsonOf, LapTrace, ViewLap, ViewSession } from "../../sdk/views.ts";
import { ApiError, requestJson } from "./http.ts";

/** Where a session's analysis is. */
export type SessionStatus = "queued" | "processing" | "ready" | "failed";

/** A session in the list. */
export interface SessionListItem {
  /** The session. */
  session: ViewSession;
  /** Analysis state. */
  status: SessionStatus;
  /** Why the analysis failed. */
  error: string | null;
}

/** A session with its laps and the ids of the artifacts it has. */
export interface SessionDetail extends SessionListItem {
  /** Laps in order. */
  laps: ViewLap[];
  /** Artifact ids present. */
  artifacts: Set<string>;
  /** What the analysis reported. */
  diagnostics: Diagnostic[];
}

// deno-lint-ignore no-explicit-any
type Json = any;

const base = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** Every session of the user, newest first. */
export async function listSessions(): Promise<SessionListItem[]> {
  const body: Json = await requestJson("/api/sessions");
  const items: Json[] = body.items;
  return items.map((item) => ({
    session: toViewSession(item),
    status: item.status,
    error: item.error ?? null,
  }));
}

/** One session; laps and artifacts are filled once it is ready. */
export async function fetchSession(id: string): Promise<SessionDetail> {
  const [body, diagnostics] = await Promise.all([
    requestJson<Json>(base(id)),
    requestJson<Json>(`${base(id)}/diagnostics`),
  ]);
  const session = toViewSession(body);
  const ready = body.status === "ready";
  return {
    session,
    status: body.status,
    error: body.error ?? null,
    laps: ready ? (body.laps as Json[]).map(toViewLap) : [],
    artifacts: new Set(ready ? body.artifacts as string[] : []),
    diagnostics: diagnostics.diagnostics,
  };
}

/** The driver's own tags of one lap. */
export async function fetchLapTags(id: string, lap: number): Promise<string[]> {
  return (await requestJson<Json>(`${base(id)}/laps/${lap}/tags`)).tags;
}

/** Whether a change of an analysis input (lap tags, the session's car) queued the analysis again. */
export type AnalysisChange = "queued" | "unchanged";

/** What saving a lap's tags did: the tags as stored, and whether the session is analysed again. */
export interface SavedLapTags {
  /** The tags as stored. */
  tags: string[];
  /** `queued`: the tags changed and the analysis runs again; `unchanged`: they were already these. */
  analysis: AnalysisChange;
}

/** Replaces the driver's own tags of one lap (`[]` clears them). */
export async function saveLapTags(id: string, lap: number, tags: readonly string[]): Promise<SavedLapTags> {
  const body = await requestJson<Json>(`${base(id)}/laps/${lap}/tags`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(tags),
  });
  return { tags: body.tags, analysis: body.analysis };
}

/** One artifact's value. */
export function fetchArtifact(id: string, artifactId: string): Promise<unknown> {
  return requestJson(`${base(id)}/artifacts/${encodeURIComponent(artifactId)}`);
}

/** Some distance-domain channels of one lap, at full resolution. */
export async function fetchTrace(id: string, lap: number, channels: readonly string[]): Promise<LapTrace> {
  const q = new URLSearchParams({ channels: channels.join(",") });
  const body: Json = await requestJson(`${base(id)}/laps/${lap}/data?${q}`);
  const out: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(body.channels ?? {})) {
    if (Array.isArray(values)) out[name] = Float64Array.from(values as (number | null)[], (v) => v ?? NaN);
  }
  return { lap, stepM: body.stepM, points: body.points, channels: out };
}

/** Delta-T of lap `comp` against `ref`, or null when the analysis has none for that pair (e.g. an out-lap). */
export async function fetchPairDelta(
  id: string,
  comp: number,
  ref: number | "theoretical",
): Promise<JsonOf<LapDelta> | null> {
  try {
    return await requestJson(`${base(id)}/delta?comp=${comp}&ref=${ref}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Deletes a session. */
export async function deleteSession(id: string): Promise<void> {
  await requestJson(base(id), { method: "DELETE" });
}

function toViewSession(body: Json): ViewSession {
  return {
    id: body.session_id,
    fileName: body.file_name,
    trackName: body.track_name,
    trackSlug: body.track_slug,
    date: body.session_date,
    bestLap: body.best_lap,
    bestLapTimeS: body.best_lap_time_s,
    lapCount: body.n_laps ?? 0,
  };
}

function toViewLap(lap: Json): ViewLap {
  return {
    number: lap.number,
    timeS: lap.time_s,
    distanceM: lap.distance_m,
    startTimeS: lap.start_time_s,
    kind: lap.kind,
    included: lap.included,
    excludedReason: lap.excluded_reason,
    tags: [...lap.tags ?? [], ...lap.user_tags ?? []],
  };
}
