/**
 * The browser's account: `GET /api/auth/me` (who is signed in, or local
 * mode) and signing out.
 *
 * @module
 */

/// <reference lib="dom" />

import { requestJson, setCsrfToken } from "./http.ts";

/** A signed-in user (the local user in local mode). */
export interface AccountUser {
  /** Stable id. */
  id: string;
  /** Display name. */
  name: string;
  /** E-mail address, or null (local mode). */
  email: string | null;
}

/** What the server says about the browser's sign-in. */
export interface Account {
  /** `local`: sign-in is not configured, everything belongs to the local user. */
  mode: "local" | "oidc";
  /** The user, or null when signing in is needed. */
  user: AccountUser | null;
  /** Where signing in starts, or null in local mode. */
  loginUrl: string | null;
  /** Who signs users in, e.g. `Google`, or null. */
  issuer: string | null;
}

/** The account; remembers its CSRF token for later changes. */
export async function fetchAccount(): Promise<Account> {
  // deno-lint-ignore no-explicit-any
  const body: any = await requestJson("/api/auth/me");
  setCsrfToken(body.csrf_token ?? null);
  return {
    mode: body.mode,
    user: body.user ?? null,
    loginUrl: body.login_url ?? null,
    issuer: body.issuer ?? null,
  };
}

/** Where signing in starts, coming back to `returnTo` (a path with its query) once signed in. */
export function signInHref(account: Account, returnTo: string): string {
  return `${account.loginUrl ?? "/api/auth/login"}?return_to=${encodeURIComponent(returnTo)}`;
}

/** Signs out (the server deletes the session and its cookie). */
export async function signOut(): Promise<void> {
  await requestJson("/api/auth/logout", { method: "POST" });
  setCsrfToken(null);
}
