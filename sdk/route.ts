/**
 * HTTP routes a plugin contributes to the workbench server, declared without
 * any web framework: a method, a path, the query parameters it accepts and a
 * handler that reads the session's artifacts and returns a JSON-able value.
 *
 * The server mounts a plugin's routes under
 * `/api/plugins/{plugin id}/sessions/{session id}{path}`, validates the query
 * before the handler runs (a bad value is a 422 for the caller, never a call
 * with garbage), lists them in its OpenAPI document, and serialises the
 * result: typed arrays become JSON arrays (keys are sent as the handler names them).
 *
 * @module
 */

import type { ArtifactKey } from "./artifact.ts";

/** One query or path parameter: its type, whether it is required, and its bounds. */
export interface RouteParam {
  /** Value type; `integer` and `number` are parsed from the text, `boolean` accepts `true`/`false`/`1`/`0`. */
  readonly type: "string" | "integer" | "number" | "boolean";
  /** One sentence for the API documentation. */
  readonly description: string;
  /** Whether the caller must give it (path parameters always must). */
  readonly required?: boolean;
  /** Smallest allowed value (numbers). */
  readonly minimum?: number;
  /** Largest allowed value (numbers). */
  readonly maximum?: number;
  /** Allowed values (strings). */
  readonly enum?: readonly string[];
}

/** The TypeScript type a {@linkcode RouteParam} is parsed into. */
export type RouteParamValue<P extends RouteParam> = P["type"] extends "integer" | "number" ? number
  : P["type"] extends "boolean" ? boolean
  : string;

/** Parsed parameters: required ones are always present, optional ones may be `undefined`. */
export type RouteParamValues<M extends Record<string, RouteParam>> = {
  [K in keyof M]: M[K]["required"] extends true ? RouteParamValue<M[K]> : RouteParamValue<M[K]> | undefined;
};

/** Read access to the stored artifacts of one session. */
export interface ArtifactReader {
  /** The artifact's value, or `undefined` when the session has none (its stage did not run or failed). */
  get<T>(key: ArtifactKey<T>): Promise<T | undefined>;
}

/** What a route handler receives. */
export interface RouteRequest<
  Q extends Record<string, RouteParam> = Record<string, RouteParam>,
  P extends Record<string, RouteParam> = Record<string, RouteParam>,
> {
  /** Id of the session the route was called for (it exists and belongs to the caller). */
  readonly sessionId: string;
  /** Path parameters, parsed. */
  readonly params: RouteParamValues<P>;
  /** Query parameters, parsed. */
  readonly query: RouteParamValues<Q>;
  /** The parsed JSON body of a POST or PUT, or `undefined`. The handler validates it. */
  readonly body: unknown;
  /** The session's artifacts. */
  readonly artifacts: ArtifactReader;
}

/** A route a plugin contributes. */
export interface RouteDefinition<
  Q extends Record<string, RouteParam> = Record<string, RouteParam>,
  P extends Record<string, RouteParam> = Record<string, RouteParam>,
> {
  /** HTTP method. */
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /**
   * Path below the session's prefix, starting with `/`; `{name}` marks a path
   * parameter declared in `params`, e.g. `"/laps/{lap}/trace"`.
   */
  readonly path: string;
  /** One sentence for the API documentation. */
  readonly description: string;
  /** Path parameters, by the names used in `path`. */
  readonly params?: P;
  /** Query parameters. */
  readonly query?: Q;
  /**
   * Computes the response body: any JSON-able value (typed arrays allowed).
   * Throw {@linkcode RouteError} for a client error; anything else thrown is
   * reported as a 500 naming the plugin.
   */
  handler(request: RouteRequest<Q, P>): unknown | Promise<unknown>;
}

/** A route with any parameters, as manifests hold them. */
export type AnyRoute = RouteDefinition<Record<string, RouteParam>, Record<string, RouteParam>>;

/** A client error raised by a route handler; the server answers `{error: {code, message, details}}`. */
export class RouteError extends Error {
  /** HTTP status, 400..499. */
  readonly status: number;
  /** Short machine-readable kind, e.g. `"lap_not_found"`. */
  readonly code: string;
  /** Anything that helps the caller fix the request. */
  readonly details: unknown;
  /** Creates the error. */
  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = "RouteError";
    this.status = status >= 400 && status < 500 ? status : 400;
    this.code = code;
    this.details = details;
  }
}

/**
 * Declares a route with its parameters typed from `query` and `params`.
 *
 * @example
 * ```ts
 * import { defineRoute, RouteError } from "./route.ts";
 * import { LapsKey } from "./keys.ts";
 * export const lapTimeRoute = defineRoute({
 *   method: "GET",
 *   path: "/lap-time",
 *   description: "Time of one lap, s.",
 *   query: { lap: { type: "integer", description: "Lap number", required: true, minimum: 1 } },
 *   async handler({ query, artifacts }) {
 *     const lap = (await artifacts.get(LapsKey))?.find((l) => l.number === query.lap);
 *     if (!lap) throw new RouteError(404, "lap_not_found", `no lap ${query.lap}`);
 *     return { lap: lap.number, timeS: lap.timeS };
 *   },
 * });
 * ```
 */
export function defineRoute<
  Q extends Record<string, RouteParam> = Record<never, RouteParam>,
  P extends Record<string, RouteParam> = Record<never, RouteParam>,
>(route: RouteDefinition<Q, P>): RouteDefinition<Q, P> {
  return route;
}
