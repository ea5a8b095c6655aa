/**
 * Calls a plugin's workbench-wide routes (`/api/plugins/<plugin><path>`) for
 * its browser modules: a JSON body or a file (multipart field `file`), the
 * server's error message on failure (see `http.ts`).
 *
 * @module
 */

/// <reference lib="dom" />

import type { AppApi, AppApiInit } from "../../sdk/views.ts";
import { requestJson } from "./http.ts";

/** The request init of one call. */
function requestInit(init: AppApiInit | undefined): RequestInit | undefined {
  if (!init) return undefined;
  const method = init.method ?? "GET";
  if (init.file) {
    const form = new FormData();
    form.append("file", init.file, init.file.name ?? "upload");
    return { method, body: form };
  }
  // `requestJson` asks for JSON (`accept`) on every request.
  if (init.body !== undefined) {
    return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(init.body) };
  }
  return { method };
}

/** The {@linkcode AppApi} of plugin `plugin`. */
export function appApi(plugin: string): AppApi {
  const prefix = `/api/plugins/${encodeURIComponent(plugin)}`;
  return <T>(path: string, init?: AppApiInit) => requestJson<T>(`${prefix}${path}`, requestInit(init));
}
