/**
 * Answers with stored artifacts: finds them (or says precisely why they are
 * missing), and serves them as JSON with an ETag derived from the artifacts'
 * fingerprints, so a client that already has the value gets a 304.
 *
 * @module
 */

import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { ArtifactKey } from "../../sdk/mod.ts";
import type { SessionRow } from "../storage/schema.ts";
import type { ServerContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import { jsonResponse } from "./json.ts";
import { summaryOf } from "./session_json.ts";

/** A loaded artifact value with its fingerprint. */
export interface Loaded<T> {
  /** The value. */
  value: T;
  /** Fingerprint of its inputs. */
  fingerprint: string;
}

/**
 * The session's artifact, or a 409 while the session has not been analysed
 * yet, or a 404 saying why it is missing (no plugin produces it, or its
 * stage failed or was skipped in this session's analysis).
 */
export async function requireArtifact<T>(
  ctx: ServerContext,
  userId: string,
  session: SessionRow,
  key: ArtifactKey<T>,
): Promise<Loaded<T>> {
  const loaded = await ctx.artifacts.load(userId, session.id, key.id);
  if (loaded) return loaded as Loaded<T>;
  if (session.status === "queued" || session.status === "processing") {
    throw new ApiError(
      409,
      "analysis_not_ready",
      `Session ${session.id} is still being analysed (${session.status})`,
      {
        status: session.status,
      },
    );
  }
  throw new ApiError(404, "artifact_not_available", missingReason(ctx, session, key.id), {
    artifact: key.id,
  });
}

function missingReason(ctx: ServerContext, session: SessionRow, artifactId: string): string {
  const producer = ctx.registry.stages().find((s) =>
    Object.values(s.stage.produces).some((k) => k.id === artifactId)
  );
  if (!producer) return `No installed plugin produces "${artifactId}"`;
  if (session.status === "failed") return `Session ${session.id} could not be analysed: ${session.error}`;
  const problem = summaryOf(session)?.diagnostics.find((d) =>
    d.stage === producer.stage.id && (d.severity === "error" || /skipped/.test(d.message))
  );
  return `Session ${session.id} has no "${artifactId}": stage "${producer.stage.id}" of plugin "${producer.plugin}" ${
    problem ? `reported: ${problem.message}` : "did not produce it"
  }`;
}

/**
 * A JSON response built by `build` unless the request's `If-None-Match`
 * matches the ETag of `fingerprints` and the query, then a 304.
 */
export function cachedJson(c: Context, fingerprints: readonly string[], build: () => unknown): Response {
  const search = new URL(c.req.url).search;
  const etag = `"${
    createHash("sha256").update(`${fingerprints.join(",")}|${search}`).digest("base64url").slice(0, 27)
  }"`;
  const headers = { etag, "cache-control": "private, no-cache" };
  const match = c.req.header("if-none-match");
  if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return jsonResponse(build(), 200, headers);
}
