/**
 * Shared set-up of the sign-in tests: a server with sign-in configured
 * against the fake issuer, a cookie jar that plays the browser, and the
 * redirect walk of one login (workbench → issuer → callback).
 *
 * @module
 */

import type { RunningServer } from "../kernel/server/server.ts";
import { type FakeIssuer, startFakeIssuer } from "./fixtures/fake_oidc_issuer.ts";
import { freePort, startTestServer, type TestDatabase } from "./server_harness.ts";

/** A browser's cookies for one site. */
export class CookieJar {
  /** Cookie values by name. */
  readonly cookies = new Map<string, string>();
  /** Every `Set-Cookie` header received, in order. */
  readonly received: string[] = [];

  /** Takes the `Set-Cookie` headers of a response (`Max-Age=0` deletes). */
  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      this.received.push(header);
      const [pair, ...attributes] = header.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      if (attributes.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }

  /** The `Cookie` header to send. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** A workbench with sign-in configured against a fake issuer. */
export interface AuthTestServer extends AsyncDisposable {
  /** The workbench. */
  server: RunningServer;
  /** The issuer. */
  issuer: FakeIssuer;
}

/** Starts the fake issuer and a workbench (on `db`, with extra plugin folders) that signs users in there. */
export async function startAuthTestServer(
  db: TestDatabase,
  env: Record<string, string> = {},
  pluginDirs: string[] = [],
): Promise<AuthTestServer> {
  const issuer = await startFakeIssuer();
  const port = freePort();
  const server = await startTestServer(db, {
    PORT: String(port),
    GOOGLE_CLIENT_ID: issuer.clientId,
    GOOGLE_CLIENT_SECRET: issuer.clientSecret,
    OIDC_ISSUER: issuer.url,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...env,
  }, pluginDirs);
  return {
    server,
    issuer,
    async [Symbol.asyncDispose]() {
      await server.close();
      await issuer.close();
    },
  };
}

/** A request with the jar's cookies; the jar takes the answer's cookies. */
export async function send(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar.cookies.size > 0) headers.set("cookie", jar.header());
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.take(response);
  return response;
}

/** The three hops of a login, for tests that tamper with one. */
export interface LoginHops {
  /** Where `/api/auth/login` sent the browser (the issuer's authorization URL). */
  authorizeUrl: URL;
  /** Where the issuer sent the browser back (the callback URL with code and state). */
  callbackUrl: URL;
}

/** Starts a login and lets the issuer approve it; returns the URLs before the callback is followed. */
export async function startLogin(jar: CookieJar, baseUrl: string, returnTo = "/"): Promise<LoginHops> {
  const login = await send(jar, `${baseUrl}/api/auth/login?return_to=${encodeURIComponent(returnTo)}`);
  await login.body?.cancel();
  if (login.status !== 303) throw new Error(`login answered ${login.status}`);
  const authorizeUrl = new URL(login.headers.get("location")!);
  const approved = await fetch(authorizeUrl, { redirect: "manual" });
  await approved.body?.cancel();
  if (approved.status !== 302) throw new Error(`the issuer answered ${approved.status}`);
  return { authorizeUrl, callbackUrl: new URL(approved.headers.get("location")!) };
}

/** Follows the callback (on `baseUrl`, whatever host the issuer named); returns its response. */
export async function finishLogin(jar: CookieJar, baseUrl: string, callbackUrl: URL): Promise<Response> {
  const response = await send(jar, `${baseUrl}${callbackUrl.pathname}${callbackUrl.search}`);
  await response.body?.cancel();
  return response;
}

/** A whole login; returns the jar's CSRF token (from `/api/auth/me`). */
export async function signIn(jar: CookieJar, baseUrl: string): Promise<string> {
  const { callbackUrl } = await startLogin(jar, baseUrl);
  const done = await finishLogin(jar, baseUrl, callbackUrl);
  if (done.status !== 303 || done.headers.get("location")?.includes("auth_error")) {
    throw new Error(`sign-in failed: ${done.status} ${done.headers.get("location")}`);
  }
  const me = await (await send(jar, `${baseUrl}/api/auth/me`)).json();
  if (!me.user) throw new Error("signed in, but /api/auth/me names no user");
  return me.csrf_token;
}
