/**
 * Sending one file and following its analysis: an XMLHttpRequest upload (so
 * the bytes sent can be shown) and the server-sent progress stream of the
 * session it created.
 *
 * @module
 */

/// <reference lib="dom" />

import { ApiError, errorOfText, withCsrf } from "../api/http.ts";

/** What the server answered for an uploaded file. */
export interface UploadResult {
  /** The session the file belongs to. */
  sessionId: string;
  /** True when the same file had been uploaded before (the existing session is returned). */
  duplicate: boolean;
}

/** Uploads one file as the `files` field; reports bytes sent. Rejects with an {@linkcode ApiError}. */
export function sendFile(
  file: File,
  onProgress: (loaded: number, total: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/sessions/upload");
    withCsrf("POST", { accept: "application/json" }).forEach((value, name) =>
      xhr.setRequestHeader(name, value)
    );
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () =>
      reject(new ApiError(0, "network", "The upload was interrupted: the server could not be reached."));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOfText(xhr.status, xhr.responseText));
      try {
        resolve(uploadResult(JSON.parse(xhr.responseText)));
      } catch (error) {
        reject(
          error instanceof ApiError
            ? error
            : new ApiError(xhr.status, "bad_response", "The server's answer was not understood."),
        );
      }
    };
    const form = new FormData();
    form.append("files", file, file.name);
    xhr.send(form);
  });
}

/** The first file's result of `{session_ids, files: [{session_id, status: "created" | "duplicate"}]}`. */
// deno-lint-ignore no-explicit-any
function uploadResult(body: any): UploadResult {
  const file = body.files?.[0];
  const sessionId = file?.session_id ?? body.session_ids?.[0];
  if (!sessionId) throw new ApiError(200, "rejected", body.message ?? "The server did not accept the file.");
  return { sessionId, duplicate: file?.status === "duplicate" };
}

/** One step of an analysis as the progress stream reports it. */
export interface AnalysisProgress {
  /** `queued`, `processing`, `ready` or `failed`. */
  status: string;
  /** Stage running or just finished. */
  stage?: string;
  /** Steps done so far. */
  done?: number;
  /** Steps in all. */
  total?: number;
  /** Why it failed. */
  error?: string;
}

/**
 * Follows a session's analysis through its server-sent events (`status`:
 * `{status, error}`; `progress`: `{finished, total, steps}`) until it is
 * ready or failed. Returns a function that stops following.
 */
export function followAnalysis(sessionId: string, onProgress: (p: AnalysisProgress) => void): () => void {
  const source = new EventSource(`/api/sessions/${encodeURIComponent(sessionId)}/events`);
  let status = "queued";
  let last: AnalysisProgress = { status };
  const emit = (p: AnalysisProgress) => {
    last = p;
    onProgress(p);
  };
  source.addEventListener("progress", (event) => {
    const data = parse((event as MessageEvent).data);
    if (!data) return;
    const steps: { stage: string; status: string }[] = data.steps ?? [];
    const current = [...steps].reverse().find((s) => s.status === "started") ?? steps.at(-1);
    emit({
      status: status === "queued" ? "processing" : status,
      stage: current?.stage,
      done: data.finished,
      total: data.total,
    });
  });
  source.addEventListener("status", (event) => {
    const data = parse((event as MessageEvent).data);
    if (!data) return;
    status = data.status;
    if (status === "deleted") status = "failed";
    emit({
      ...last,
      status,
      error: data.error ?? (data.status === "deleted" ? "The session was deleted." : undefined),
    });
    if (status === "ready" || status === "failed") source.close();
  });
  return () => source.close();
}

/**
 * After a change of one of a session's analysis inputs: when it queued the
 * analysis again, waits for it and resolves true (rejects if it failed);
 * resolves false when nothing changed.
 */
export async function reanalysed(sessionId: string, change: "queued" | "unchanged"): Promise<boolean> {
  if (change === "unchanged") return false;
  const end = await new Promise<AnalysisProgress>((resolve) => {
    const stop = followAnalysis(sessionId, (p) => {
      if (p.status !== "ready" && p.status !== "failed") return;
      stop();
      resolve(p);
    });
  });
  if (end.status === "failed") throw new Error(`The analysis failed: ${end.error ?? "no reason was given"}.`);
  return true;
}

// deno-lint-ignore no-explicit-any
function parse(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
