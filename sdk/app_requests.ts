/**
 * Reading an app route's request the same way in every workbench-wide
 * plugin: the signed-in caller, and the fields of a JSON body, each bad
 * value a 400 (a missing caller a 401) whose message names the field and
 * what it must be.
 *
 * @example
 * ```ts
 * import { bodyObject, stringField } from "./app_requests.ts";
 * const body = bodyObject({ name: "Track club" });
 * console.assert(stringField(body, "name", { maxLength: 80 }) === "Track club");
 * ```
 *
 * @module
 */

import type { AppServices, AppSession, AppUser } from "./app.ts";
import { RouteError } from "./route.ts";

/** The caller, or a 401 saying what signing in is needed for (`action`, e.g. `"see your achievements"`). */
export function signedInUser(user: AppUser | null, action: string): AppUser {
  if (user === null) throw new RouteError(401, "sign_in_required", `sign in to ${action}`);
  return user;
}

/** The JSON body as an object; a 400 when it is missing or not an object. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new RouteError(400, "invalid_body", "the request body must be a JSON object");
  }
  return body as Record<string, unknown>;
}

/** Limits of a text field. */
export interface StringFieldOptions {
  /** Longest allowed length (default 200). */
  readonly maxLength?: number;
  /** Allowed values. */
  readonly oneOf?: readonly string[];
  /** A pattern the value must match, with what it means for the message (e.g. `"YYYY-MM-DD"`). */
  readonly pattern?: { readonly regex: RegExp; readonly means: string };
}

/** A required, non-empty text field (trimmed); a 400 naming the field otherwise. */
export function stringField(
  body: Record<string, unknown>,
  name: string,
  options: StringFieldOptions = {},
): string {
  const value = body[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new RouteError(400, "invalid_field", `"${name}" is required and must be non-empty text`);
  }
  const text = value.trim();
  const maxLength = options.maxLength ?? 200;
  if (text.length > maxLength) {
    throw new RouteError(400, "invalid_field", `"${name}" must be at most ${maxLength} characters`);
  }
  if (options.oneOf && !options.oneOf.includes(text)) {
    throw new RouteError(
      400,
      "invalid_field",
      `"${name}" must be one of ${options.oneOf.join(", ")}, got "${text}"`,
    );
  }
  if (options.pattern && !options.pattern.regex.test(text)) {
    throw new RouteError(400, "invalid_field", `"${name}" must be ${options.pattern.means}, got "${text}"`);
  }
  return text;
}

/** An optional text field: undefined when absent or null, else as {@linkcode stringField}. */
export function optionalStringField(
  body: Record<string, unknown>,
  name: string,
  options: StringFieldOptions = {},
): string | undefined {
  return body[name] === undefined || body[name] === null ? undefined : stringField(body, name, options);
}

/** A required whole number within `minimum..maximum`; a 400 naming the field otherwise. */
export function integerField(
  body: Record<string, unknown>,
  name: string,
  minimum: number,
  maximum: number,
): number {
  const value = body[name];
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw new RouteError(
      400,
      "invalid_field",
      `"${name}" must be a whole number from ${minimum} to ${maximum}`,
    );
  }
  return value;
}

/** A required `true` or `false`; a 400 naming the field otherwise. */
export function booleanField(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (typeof value !== "boolean") {
    throw new RouteError(400, "invalid_field", `"${name}" is required and must be true or false`);
  }
  return value;
}

/**
 * The session `sessionId` when it belongs to `ownerId`; otherwise a 404
 * (`session_not_found`, with `message` or a plain one), never a 403, so
 * that nobody learns whether another driver's session exists.
 */
export async function sessionOwnedBy(
  services: AppServices,
  ownerId: string,
  sessionId: string,
  message = `Session ${sessionId} not found`,
): Promise<AppSession> {
  const session = await services.session(sessionId);
  if (!session || session.userId !== ownerId) throw new RouteError(404, "session_not_found", message);
  return session;
}
