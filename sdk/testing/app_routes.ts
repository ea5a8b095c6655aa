/**
 * Calling a workbench-wide plugin's app routes in unit tests, on a
 * {@linkcode TestWorkbench}: find a route by method and path, call its
 * handler as a given user, and assert that a call is refused with a given
 * status and message.
 *
 * @example
 * ```ts ignore
 * const call = routeCaller(bench, sharing);
 * const link = await call("POST", "/links", { user: alice, body: { session_id: "s1" } });
 * await assertRouteError(call("DELETE", "/links/{token}", { user: bob, params: { token: link.token } }), 404, /no share link/);
 * ```
 *
 * @module
 */

import assert from "node:assert/strict";
import { type AnyAppRoute, type PluginManifest, RouteError } from "../mod.ts";
import type { TestWorkbench } from "./app_services.ts";

/** What a call sets of the request (user, params, query, body, file). */
export type RouteCallFields = Parameters<TestWorkbench["request"]>[1];

/** Calls `method path` of the plugin with `fields`; resolves to the handler's answer. */
// deno-lint-ignore no-explicit-any
export type RouteCall = (method: string, path: string, fields?: RouteCallFields) => Promise<any>;

/** The route `method path` of `plugin`; throws when it has none. */
export function findAppRoute(plugin: PluginManifest, method: string, path: string): AnyAppRoute {
  const found = plugin.appRoutes?.find((r) => r.method === method && r.path === path);
  if (!found) throw new Error(`${plugin.id} has no route ${method} ${path}`);
  return found;
}

/** A function that calls the plugin's routes on the bench. */
export function routeCaller(bench: TestWorkbench, plugin: PluginManifest): RouteCall {
  return async (method, path, fields = {}) =>
    await findAppRoute(plugin, method, path).handler(bench.request(plugin.id, fields));
}

/**
 * Asserts that `promise` rejects with a `RouteError` of `status` whose
 * message matches `message` (and whose code is `code`, when given).
 */
export async function assertRouteError(
  promise: Promise<unknown>,
  status: number,
  message: RegExp,
  code?: string,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof RouteError, `expected a RouteError, got ${error}`);
    assert.equal(error.status, status, error.message);
    assert.match(error.message, message);
    if (code !== undefined) assert.equal(error.code, code, error.message);
    return true;
  });
}
