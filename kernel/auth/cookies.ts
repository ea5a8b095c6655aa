/**
 * The two cookies of signing in: the session cookie (`HttpOnly;
 * SameSite=Lax; Path=/`, plus `Secure` and the `__Host-` prefix when the
 * workbench is served over https) and the short-lived login cookie that
 * binds a login sent to the issuer to the browser that started it.
 * `SameSite=Lax` still sends both on the issuer's top-level redirect back
 * to the callback.
 *
 * @module
 */

import type { AuthConfig } from "./auth_config.ts";

/** How long a sign-in lasts, ms. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** How long a login may stay at the issuer, ms. */
export const LOGIN_TTL_MS = 10 * 60 * 1000;

/** Names of the cookies under `config` (`__Host-` needs `Secure`). */
export function cookieNames(config: Pick<AuthConfig, "secureCookies">): { session: string; login: string } {
  const prefix = config.secureCookies ? "__Host-" : "";
  return { session: `${prefix}wb_session`, login: `${prefix}wb_login` };
}

/** A `Set-Cookie` value; `maxAgeMs` 0 deletes the cookie. */
export function setCookie(
  config: Pick<AuthConfig, "secureCookies">,
  name: string,
  value: string,
  maxAgeMs: number,
): string {
  const parts = [
    `${name}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ];
  if (config.secureCookies) parts.push("Secure");
  return parts.join("; ");
}

/** A cookie's value from a `Cookie` header, or undefined. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
