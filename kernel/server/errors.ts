/**
 * API errors: every failure answers `{error: {code, message, details}}` with
 * a 4xx status for anything the caller can fix and 500 only for bugs.
 *
 * @module
 */

import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { RouteError } from "../../sdk/mod.ts";

/** An error with an HTTP status, a machine-readable code and details for the caller. */
export class ApiError extends Error {
  /** HTTP status. */
  readonly status: ContentfulStatusCode;
  /** Short machine-readable kind, e.g. `"session_not_found"`. */
  readonly code: string;
  /** What helps the caller: invalid fields, per-file results, allowed values. */
  readonly details: unknown;
  /** Creates the error. */
  constructor(status: ContentfulStatusCode, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The JSON body of an error. */
export function errorBody(code: string, message: string, details: unknown = null) {
  return { error: { code, message, details } };
}

/** The 404 for a session that does not exist or is not the caller's (existence does not leak). */
export function sessionNotFound(id: string): ApiError {
  return new ApiError(404, "session_not_found", `Session ${id} not found`);
}

/** Turns anything thrown by a handler into the JSON error response. */
export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof RouteError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException) {
    return c.json(
      errorBody("http_error", error.message || "request refused"),
      error.status as ContentfulStatusCode,
    );
  }
  const requestId = c.get("requestId" as never) as string | undefined;
  console.error(`request ${requestId ?? "?"} ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(
    errorBody("internal_error", "The server failed to handle this request; it has been logged.", {
      requestId,
    }),
    500,
  );
}
