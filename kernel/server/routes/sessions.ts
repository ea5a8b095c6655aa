/**
 * Sessions: list, one session (with laps, job and artifacts), delete, the
 * original file, job progress and diagnostics.
 *
 * @module
 */

import { announceDeletedSessions } from "../app_services.ts";
import { latestJob } from "../../jobs/queue.ts";
import { listArtifacts } from "../../storage/artifacts.ts";
import { readLapTags } from "../../storage/lap_tags.ts";
import { deleteSession, listSessions, readSessionFile } from "../../storage/sessions.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { sessionNotFound } from "../errors.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import { jobJson, sessionDetailJson, sessionListJson, summaryOf } from "../session_json.ts";

/** The `{id}` path parameter of session routes. */
export const SESSION_ID = {
  id: { type: "string", description: "Session id", required: true },
} as const;

/** The `{id}` and `{lap}` path parameters of lap routes. */
export const LAP_PATH = {
  ...SESSION_ID,
  lap: { type: "integer", description: "Lap number", required: true, minimum: 0 },
} as const;

/** Session routes. */
export function sessionRoutes(ctx: ServerContext): AnyApiRoute[] {
  const db = ctx.storage.db;
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/sessions",
      summary: "The caller's sessions, newest first",
      tag: "sessions",
      query: {
        limit: { type: "integer", description: "Page size", minimum: 1, maximum: 500 },
        offset: { type: "integer", description: "Sessions to skip", minimum: 0 },
        track: { type: "string", description: "Only sessions on this circuit (slug)" },
        status: {
          type: "string",
          description: "Only sessions in this state",
          enum: ["queued", "processing", "ready", "failed"],
        },
      },
      responses: { 200: "`{items, total}`", 422: "invalid query" },
      async handler({ query, userId }) {
        const { items, total } = await listSessions(db, userId, {
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
          trackSlug: query.track,
          status: query.status as "queued" | "processing" | "ready" | "failed" | undefined,
        });
        return { items: items.map(sessionListJson), total };
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}",
      summary: "One session: status, summary, laps and best lap once analysed, job progress",
      tag: "sessions",
      params: SESSION_ID,
      responses: { 200: "the session", 404: "no such session" },
      async handler({ params, userId }) {
        const row = await requireSession(ctx, userId, params.id);
        const [job, tags, artifacts] = await Promise.all([
          latestJob(db, row.id),
          readLapTags(db, row.id),
          listArtifacts(db, row.id),
        ]);
        return sessionDetailJson(row, job, tags, artifacts.map((a) => a.artifact_id));
      },
    }),
    defineApiRoute({
      method: "DELETE",
      path: "/api/sessions/{id}",
      summary: "Deletes a session with its file, artifacts, tags and jobs",
      tag: "sessions",
      params: SESSION_ID,
      responses: { 204: "deleted", 404: "no such session" },
      async handler({ params, userId }) {
        const row = await requireSession(ctx, userId, params.id);
        if (!await deleteSession(ctx.storage, userId, params.id)) throw sessionNotFound(params.id);
        await announceDeletedSessions(ctx, [row]);
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/file",
      summary: "The original file, byte for byte",
      tag: "sessions",
      params: SESSION_ID,
      responses: { 200: "the file", 404: "no such session" },
      async handler({ params, userId }) {
        const row = await requireSession(ctx, userId, params.id);
        const file = await readSessionFile(db, row.id);
        if (!file) throw sessionNotFound(params.id);
        return new Response(file.content as Uint8Array<ArrayBuffer>, {
          headers: {
            "content-type": "application/octet-stream",
            "content-disposition": `attachment; filename="${file.file_name.replace(/["\\]/g, "_")}"`,
            "x-content-sha256": file.sha256,
          },
        });
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/progress",
      summary: "State of the session's analysis job, per stage",
      tag: "sessions",
      params: SESSION_ID,
      responses: { 200: "`{status, error, job}`", 404: "no such session" },
      async handler({ params, userId }) {
        const row = await requireSession(ctx, userId, params.id);
        return { status: row.status, error: row.error, job: jobJson(await latestJob(db, row.id)) };
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/diagnostics",
      summary: "Every diagnostic of the last analysis (bad rows with line and column, skipped stages...)",
      tag: "sessions",
      params: SESSION_ID,
      responses: { 200: "`{diagnostics}`", 404: "no such session" },
      async handler({ params, userId }) {
        const row = await requireSession(ctx, userId, params.id);
        return { diagnostics: summaryOf(row)?.diagnostics ?? [] };
      },
    }),
  ];
}
