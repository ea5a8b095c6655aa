/**
 * Signing in and out (all public routes):
 * - `GET /api/auth/me` → `{mode, user, csrf_token, login_url, issuer}`: who
 *   the browser is signed in as (`mode` `local`: no sign-in, the local user);
 * - `GET /api/auth/login?return_to=/path` redirects to the issuer, with a
 *   short-lived login cookie that binds the login to this browser;
 * - `GET /api/auth/callback` completes it (see `kernel/auth/oidc_client.ts`
 *   for every check), stores a server-side session, sets the session cookie
 *   and redirects to `return_to`; a refused sign-in redirects to
 *   `/?auth_error=<code>` without signing anyone in;
 * - `POST /api/auth/logout` deletes the session and the cookie.
 *
 * @module
 */

import { cookieNames, LOGIN_TTL_MS, readCookie, SESSION_TTL_MS, setCookie } from "../../auth/cookies.ts";
import { GOOGLE_ISSUER } from "../../auth/auth_config.ts";
import { createOidcClient, LoginRejected } from "../../auth/oidc_client.ts";
import { hashToken, randomToken } from "../../auth/tokens.ts";
import {
  createAuthSession,
  deleteAuthSession,
  savePendingLogin,
  takePendingLogin,
  upsertOidcUser,
} from "../../storage/accounts.ts";
import type { ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";

/** `raw` when it is a path on this site, else `/` (no open redirect to another site). */
function localPath(raw: string | undefined): string {
  if (!raw || raw.length > 2000 || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) {
    return "/";
  }
  return raw;
}

/** A redirect with cookies. */
function redirect(location: string, cookies: string[]): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** Sign-in routes (local mode when `ctx.config.auth` is null). */
export function authRoutes(ctx: ServerContext): AnyApiRoute[] {
  const config = ctx.config.auth;
  const oidc = config ? createOidcClient(config) : null;
  const secure = { secureCookies: config?.secureCookies ?? false };
  const names = cookieNames(secure);
  const cookie = (name: string, value: string, maxAgeMs: number) => setCookie(secure, name, value, maxAgeMs);
  const mode = config ? "oidc" : "local";
  const loginUrl = config ? "/api/auth/login" : null;
  const issuer = config ? (config.issuer === GOOGLE_ISSUER ? "Google" : new URL(config.issuer).host) : null;
  const requireOidc = () => {
    if (!oidc) {
      throw new ApiError(
        404,
        "sign_in_not_configured",
        "Sign-in is not configured: the workbench runs in local mode",
      );
    }
    return oidc;
  };

  return [
    defineApiRoute({
      method: "GET",
      path: "/api/auth/me",
      summary: "Who is signed in, the CSRF token for changes, and whether sign-in is configured",
      tag: "auth",
      public: true,
      responses: { 200: "`{mode: local|oidc, user, csrf_token, login_url, issuer}`" },
      handler: ({ c }) => {
        const caller = c.get("caller");
        return {
          mode,
          user: caller?.user ?? null,
          csrf_token: caller?.csrfToken ?? null,
          login_url: loginUrl,
          issuer,
        };
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/auth/login",
      summary: "Starts signing in: redirects to the issuer (authorization code, PKCE, state, nonce)",
      tag: "auth",
      public: true,
      query: {
        return_to: { type: "string", description: "Local path to open after signing in (default /)" },
      },
      responses: {
        303: "to the issuer",
        404: "sign-in is not configured",
        502: "the issuer cannot be reached",
      },
      async handler({ query }) {
        const client = requireOidc();
        const login = client.newLogin(localPath(query.return_to));
        let url: URL;
        try {
          url = await client.authorizationUrl(login);
        } catch (error) {
          throw new ApiError(
            502,
            "issuer_unreachable",
            `The sign-in issuer cannot be reached: ${String(error)}`,
          );
        }
        const loginToken = randomToken();
        await savePendingLogin(ctx.storage.db, hashToken(loginToken), login, Date.now() + LOGIN_TTL_MS);
        return redirect(url.href, [cookie(names.login, loginToken, LOGIN_TTL_MS)]);
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/auth/callback",
      summary: "Completes signing in (the issuer redirects here); sets the session cookie",
      tag: "auth",
      public: true,
      responses: {
        303: "signed in: to `return_to`; refused: to `/?auth_error=<code>`",
        404: "sign-in is not configured",
      },
      async handler({ c }) {
        const client = requireOidc();
        const clearLogin = cookie(names.login, "", 0);
        const refuse = (code: string, message: string) => {
          console.warn(`sign-in refused (${code}): ${message}`);
          return redirect(`/?auth_error=${encodeURIComponent(code)}`, [clearLogin]);
        };
        const loginToken = readCookie(c.req.header("cookie"), names.login);
        if (!loginToken) {
          return refuse("login_not_started", "no login cookie: the login was not started in this browser");
        }
        const login = await takePendingLogin(ctx.storage.db, hashToken(loginToken));
        if (!login) return refuse("login_expired", "the login is unknown, used or expired");
        try {
          const identity = await client.complete(new URL(c.req.url), login);
          const user = await upsertOidcUser(ctx.storage.db, identity);
          const sessionToken = randomToken();
          await createAuthSession(ctx.storage.db, {
            tokenHash: hashToken(sessionToken),
            userId: user.id,
            csrfToken: randomToken(),
            expiresAt: Date.now() + SESSION_TTL_MS,
          });
          return redirect(login.returnTo, [clearLogin, cookie(names.session, sessionToken, SESSION_TTL_MS)]);
        } catch (error) {
          if (error instanceof LoginRejected) return refuse(error.code, error.message);
          return refuse("issuer_unreachable", String(error));
        }
      },
    }),
    defineApiRoute({
      method: "POST",
      path: "/api/auth/logout",
      summary: "Signs out: deletes the server-side session and the cookie",
      tag: "auth",
      public: true,
      responses: { 204: "signed out", 403: "missing CSRF token" },
      async handler({ c }) {
        const sessionHash = c.get("caller")?.sessionHash;
        if (sessionHash) await deleteAuthSession(ctx.storage.db, sessionHash);
        const headers = new Headers({ "cache-control": "no-store" });
        if (oidc) headers.append("set-cookie", cookie(names.session, "", 0));
        return new Response(null, { status: 204, headers });
      },
    }),
  ];
}
