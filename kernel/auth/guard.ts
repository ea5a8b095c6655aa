/**
 * The access rule every route is mounted with: a route that is not
 * `public` answers 401 to an anonymous caller, and a state-changing
 * request (POST, PUT, PATCH, DELETE) of a caller signed in by cookie must
 * carry the session's token in `X-CSRF-Token` (public routes included), or
 * it answers 403. Local mode has no cookie, so it needs no token.
 *
 * @module
 */

import { ApiError } from "../server/errors.ts";
import type { Caller } from "./caller.ts";
import { sameSecret } from "./tokens.ts";

/** The header carrying the CSRF token. */
export const CSRF_HEADER = "X-CSRF-Token";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Throws the 401 or 403 for a request `caller` may not make to a route. */
export function authorizeRequest(
  route: { method: string; public?: boolean },
  caller: Caller | null,
  request: Request,
): void {
  if (!caller) {
    if (route.public) return;
    throw new ApiError(401, "sign_in_required", "Sign in to use this (GET /api/auth/login)");
  }
  if (caller.csrfToken === null || !STATE_CHANGING.has(request.method)) return;
  const sent = request.headers.get(CSRF_HEADER) ?? "";
  if (!sameSecret(sent, caller.csrfToken)) {
    throw new ApiError(
      403,
      "csrf_token_invalid",
      `Send the token of GET /api/auth/me as the ${CSRF_HEADER} header with every change`,
    );
  }
}
