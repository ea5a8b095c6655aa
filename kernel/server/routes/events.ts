/**
 * `GET /api/sessions/{id}/events`: server-sent events of a session's
 * analysis. The stream opens with the current `status` (and `progress` when
 * a job has any), then sends each `progress` document and `status` change,
 * and ends after the status becomes `ready` or `failed`. Events of a job run
 * by this process arrive at once; a job run by another process is seen by
 * polling the database every {@linkcode POLL_MS}.
 *
 * @module
 */

import { streamSSE } from "hono/streaming";
import { latestJob } from "../../jobs/queue.ts";
import type { SessionEvent } from "../../jobs/session_events.ts";
import { getSession } from "../../storage/sessions.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import { SESSION_ID } from "./sessions.ts";

/** How often the stream reads the database for changes made by other processes, ms. */
const POLL_MS = 500;
/** Comment lines keep idle connections open through proxies, ms. */
const KEEPALIVE_MS = 15_000;

/** The events route. */
export function eventsRoute(ctx: ServerContext): AnyApiRoute {
  return defineApiRoute({
    method: "GET",
    path: "/api/sessions/{id}/events",
    summary: "Server-sent events: `status` ({status, error}) and `progress` (per-stage job progress)",
    tag: "sessions",
    params: SESSION_ID,
    responses: { 200: "text/event-stream", 404: "no such session" },
    async handler({ params, userId, c }) {
      const session = await requireSession(ctx, userId, params.id);
      return streamSSE(c, async (stream) => {
        const queue: SessionEvent[] = [];
        let wake: (() => void) | null = null;
        const unsubscribe = ctx.events.subscribe(session.id, (event) => {
          queue.push(event);
          wake?.();
        });
        stream.onAbort(() => wake?.());
        let lastStatus = "";
        let lastProgress = "";
        let lastRank = -1;
        const send = async (event: SessionEvent): Promise<boolean> => {
          if (event.type === "progress") {
            // The database may hold an older snapshot than the one just streamed: never go backwards.
            const rank = event.progress.finished * 1000 + event.progress.steps.length;
            const data = JSON.stringify(event.progress);
            if (data === lastProgress || rank < lastRank) return false;
            lastProgress = data;
            lastRank = rank;
            await stream.writeSSE({ event: "progress", data });
            return false;
          }
          const data = JSON.stringify({ status: event.status, error: event.error });
          if (data !== lastStatus) {
            lastStatus = data;
            await stream.writeSSE({ event: "status", data });
          }
          return event.status === "ready" || event.status === "failed";
        };
        const fromDatabase = async (): Promise<boolean> => {
          const row = await getSession(ctx.storage.db, userId, session.id);
          if (!row) {
            await stream.writeSSE({
              event: "status",
              data: JSON.stringify({ status: "deleted", error: null }),
            });
            return true;
          }
          const job = await latestJob(ctx.storage.db, row.id);
          if (job?.progress_json) await send({ type: "progress", progress: JSON.parse(job.progress_json) });
          return await send({ type: "status", status: row.status, error: row.error });
        };
        try {
          let finished = await fromDatabase();
          let lastPoll = Date.now();
          let lastWrite = Date.now();
          while (!finished && !stream.aborted) {
            if (queue.length === 0) {
              await new Promise<void>((resolve) => {
                wake = resolve;
                setTimeout(resolve, POLL_MS);
              });
              wake = null;
            }
            while (queue.length > 0 && !finished) {
              const event = queue.shift()!;
              // The job's last progress may predate this stream; the database holds it with the final status.
              const ends = event.type === "status" && (event.status === "ready" || event.status === "failed");
              finished = ends ? await fromDatabase() : await send(event);
            }
            if (!finished && Date.now() - lastPoll >= POLL_MS) {
              finished = await fromDatabase();
              lastPoll = Date.now();
            }
            if (Date.now() - lastWrite >= KEEPALIVE_MS) {
              await stream.write(": keep-alive\n\n");
              lastWrite = Date.now();
            }
          }
        } finally {
          unsubscribe();
        }
      });
    },
  });
}
