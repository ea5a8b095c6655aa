/**
 * Core API routes are declared as data — method, path, parameters, body
 * schema, documented responses, handler — and mounted on Hono by
 * {@linkcode mountRoute}, which validates the request before the handler
 * runs. The OpenAPI document is generated from the same declarations.
 * Every route is mounted behind the access rule of `kernel/auth/guard.ts`:
 * sign-in required unless the route is `public`, and a CSRF token on
 * state-changing requests of cookie sessions.
 *
 * @module
 */

import type { Context, Hono } from "hono";
import type { RouteParam, RouteParamValues } from "../../sdk/mod.ts";
import type { Caller } from "../auth/caller.ts";
import { authorizeRequest } from "../auth/guard.ts";
import type { AccountUser } from "../storage/accounts.ts";
import { ApiError } from "./errors.ts";
import { jsonResponse } from "./json.ts";
import { type BodySchema, checkBody, parseParams } from "./schema.ts";

/** Per-request values set by middleware. */
export interface ServerEnv {
  /** Hono variables. */
  Variables: {
    /** Id of this request (header `X-Request-Id`). */
    requestId: string;
    /** The caller, or null when anonymous. */
    caller: Caller | null;
  };
}

/** What a handler receives. */
export interface ApiRequest<Q extends Record<string, RouteParam>, P extends Record<string, RouteParam>> {
  /** Path parameters, validated. */
  params: RouteParamValues<P>;
  /** Query parameters, validated. */
  query: RouteParamValues<Q>;
  /** The JSON body, checked against `body` (undefined without one). */
  body: unknown;
  /** Id of the user the request acts for; `""` (owns nothing) only on a `public` route called anonymously. */
  userId: string;
  /** The signed-in user (the local user in local mode); null only on a `public` route called anonymously. */
  user: AccountUser | null;
  /** The Hono context (raw request, headers, streaming). */
  c: Context<ServerEnv>;
}

/** One API route. */
export interface ApiRoute<
  Q extends Record<string, RouteParam> = Record<string, RouteParam>,
  P extends Record<string, RouteParam> = Record<string, RouteParam>,
> {
  /** HTTP method. */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path with `{name}` parameters, e.g. `/api/sessions/{id}/laps`. */
  path: string;
  /** One line for the API documentation. */
  summary: string;
  /** Group in the documentation. */
  tag: string;
  /** Path parameters. */
  params?: P;
  /** Query parameters. */
  query?: Q;
  /** JSON body schema; `"multipart"` for a file upload the handler reads itself. */
  body?: BodySchema | "multipart";
  /**
   * True: answers anonymous callers too (health, the API document, signing
   * in, a share link's own token). Default false: sign-in required when
   * sign-in is configured, 401 otherwise.
   */
  public?: boolean;
  /** Documented responses: status → description. */
  responses: Record<number, string>;
  /** Computes the response: a `Response`, a JSON-able value (typed arrays allowed), or undefined for 204. */
  handler(request: ApiRequest<Q, P>): unknown | Promise<unknown>;
}

/** A route with any parameters. */
export type AnyApiRoute = ApiRoute<Record<string, RouteParam>, Record<string, RouteParam>>;

/** Declares a route with its handler's parameters typed from `query` and `params`. */
export function defineApiRoute<
  Q extends Record<string, RouteParam> = Record<never, RouteParam>,
  P extends Record<string, RouteParam> = Record<never, RouteParam>,
>(route: ApiRoute<Q, P>): AnyApiRoute {
  return route as unknown as AnyApiRoute;
}

/** Mounts a route on the app. */
export function mountRoute(app: Hono<ServerEnv>, route: AnyApiRoute): void {
  const honoPath = route.path.replace(/\{(\w+)\}/g, ":$1");
  app.on(route.method, honoPath, async (c) => {
    const caller = c.get("caller");
    authorizeRequest(route, caller, c.req.raw);
    const params = parseParams(route.params ?? {}, c.req.param() as Record<string, string>, "path");
    const query = parseParams(route.query ?? {}, c.req.query(), "query");
    const body = route.body && route.body !== "multipart" ? await readJsonBody(c, route.body) : undefined;
    const result = await route.handler({
      params: params as never,
      query: query as never,
      body,
      userId: caller?.user.id ?? "",
      user: caller?.user ?? null,
      c,
    });
    if (result instanceof Response) return result;
    if (result === undefined) return c.body(null, 204);
    return jsonResponse(result, route.method === "POST" ? 201 : 200);
  });
}

async function readJsonBody(c: Context, schema: BodySchema): Promise<unknown> {
  if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the body as JSON (Content-Type: application/json)",
    );
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, "malformed_json", "The request body is not valid JSON");
  }
  checkBody(schema, body);
  return body;
}
