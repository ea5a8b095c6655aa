/**
 * Sign-in through OpenID Connect against a fake issuer on 127.0.0.1, through
 * the real oauth4webapi code: the full round trip (PKCE S256, state, nonce,
 * a hashed server-side session, the cookie's attributes, CSRF on changes,
 * sign-out), and every refusal — a changed state, a login not started in
 * this browser, a replayed callback, the issuer's "access denied", and ID
 * tokens with a wrong nonce, an expiry in the past, a foreign signature,
 * claims altered after signing, another audience or another issuer. Local
 * mode (no client id) needs no sign-in and says so.
 *
 * @module
 */

import assert from "node:assert/strict";
import { hashToken } from "../kernel/auth/tokens.ts";
import { configFromEnv } from "../kernel/server/config.ts";
import type { IssuerFault } from "./fixtures/fake_oidc_issuer.ts";
import { CookieJar, finishLogin, send, signIn, startAuthTestServer, startLogin } from "./auth_harness.ts";
import { startTestServer, testDatabase } from "./server_harness.ts";

Deno.test("sign-in round trip: PKCE, state, nonce, hashed session, cookie, CSRF, sign-out", async () => {
  await using db = await testDatabase("sqlite");
  await using auth = await startAuthTestServer(db);
  const { server, issuer } = auth;
  const jar = new CookieJar();

  const anonymous = await send(jar, `${server.url}/api/sessions`);
  assert.equal(anonymous.status, 401);
  assert.equal((await anonymous.json()).error.code, "sign_in_required");
  const meBefore = await (await send(jar, `${server.url}/api/auth/me`)).json();
  assert.deepEqual(meBefore, {
    mode: "oidc",
    user: null,
    csrf_token: null,
    login_url: "/api/auth/login",
    issuer: new URL(issuer.url).host,
  });

  const { authorizeUrl, callbackUrl } = await startLogin(jar, server.url, "/?s=abc");
  assert.equal(authorizeUrl.origin, issuer.url);
  const q = authorizeUrl.searchParams;
  assert.equal(q.get("code_challenge_method"), "S256");
  assert.match(q.get("code_challenge")!, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(q.get("state")!.length >= 32 && q.get("nonce")!.length >= 32);
  assert.equal(q.get("redirect_uri"), `${server.url}/api/auth/callback`);
  assert.equal(q.get("scope"), "openid email profile");
  assert.ok(jar.cookies.has("wb_login"), "the login is bound to this browser by a cookie");

  const done = await finishLogin(jar, server.url, callbackUrl);
  assert.equal(done.status, 303);
  assert.equal(done.headers.get("location"), "/?s=abc");
  const sessionCookie = jar.received.find((c) => c.startsWith("wb_session="))!;
  assert.match(sessionCookie, /; Path=\//);
  assert.match(sessionCookie, /; HttpOnly/);
  assert.match(sessionCookie, /; SameSite=Lax/);
  assert.doesNotMatch(sessionCookie, /Secure/, "http PUBLIC_URL: no Secure flag");
  assert.ok(!jar.cookies.has("wb_login"), "the login cookie is cleared");

  const me = await (await send(jar, `${server.url}/api/auth/me`)).json();
  assert.equal(me.user.email, "ada@example.com");
  assert.equal(me.user.name, "Ada Lovelace");
  assert.match(me.csrf_token, /^[A-Za-z0-9_-]{43}$/);

  // Stored hashed: the cookie's value is nowhere in the database.
  const token = jar.cookies.get("wb_session")!;
  const rows = await server.storage.db.selectFrom("auth_sessions").selectAll().execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0].token_hash, hashToken(token));
  assert.notEqual(rows[0].token_hash, token);
  assert.equal(rows[0].user_id, me.user.id);

  assert.equal((await send(jar, `${server.url}/api/sessions`)).status, 200);
  const change = (headers: Record<string, string>) =>
    send(jar, `${server.url}/api/equipment/profiles`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ name: "Miata" }),
    });
  const noToken = await change({});
  assert.equal(noToken.status, 403);
  assert.equal((await noToken.json()).error.code, "csrf_token_invalid");
  assert.equal((await change({ "x-csrf-token": "x".repeat(43) })).status, 403);
  assert.equal((await change({ "x-csrf-token": me.csrf_token })).status, 201);

  // A second sign-in of the same person is the same user.
  const again = new CookieJar();
  await signIn(again, server.url);
  const meAgain = await (await send(again, `${server.url}/api/auth/me`)).json();
  assert.equal(meAgain.user.id, me.user.id);

  assert.equal((await send(jar, `${server.url}/api/auth/logout`, { method: "POST" })).status, 403);
  const out = await send(jar, `${server.url}/api/auth/logout`, {
    method: "POST",
    headers: { "x-csrf-token": me.csrf_token },
  });
  assert.equal(out.status, 204);
  assert.ok(!jar.cookies.has("wb_session"), "the cookie is deleted");
  const left = await server.storage.db.selectFrom("auth_sessions").select("user_id").execute();
  assert.equal(left.length, 1, "only the other browser's session is left");
  const replayed = await fetch(`${server.url}/api/sessions`, { headers: { cookie: `wb_session=${token}` } });
  assert.equal(replayed.status, 401, "a signed-out cookie no longer works");
});

Deno.test("sign-in refusals: state, browser binding, replay, denial, and bad ID tokens", async (t) => {
  await using db = await testDatabase("sqlite");
  await using auth = await startAuthTestServer(db);
  const { server, issuer } = auth;

  /** The callback's answer; asserts nobody was signed in. */
  const refused = async (jar: CookieJar, callbackUrl: URL): Promise<string> => {
    const response = await finishLogin(jar, server.url, callbackUrl);
    assert.equal(response.status, 303);
    assert.ok(!jar.cookies.has("wb_session"), "no session cookie");
    const me = await (await send(jar, `${server.url}/api/auth/me`)).json();
    assert.equal(me.user, null);
    return new URL(response.headers.get("location")!, server.url).searchParams.get("auth_error") ?? "";
  };

  await t.step("a changed state", async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await startLogin(jar, server.url);
    callbackUrl.searchParams.set("state", "forged-state");
    assert.equal(await refused(jar, callbackUrl), "state_mismatch");
  });
  await t.step("a callback in a browser that did not start the login", async () => {
    const { callbackUrl } = await startLogin(new CookieJar(), server.url);
    assert.equal(await refused(new CookieJar(), callbackUrl), "login_not_started");
  });
  await t.step("a replayed callback", async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await startLogin(jar, server.url);
    const login = jar.cookies.get("wb_login")!;
    assert.equal((await finishLogin(jar, server.url, callbackUrl)).status, 303);
    const attacker = new CookieJar();
    attacker.cookies.set("wb_login", login);
    assert.equal(await refused(attacker, callbackUrl), "login_expired");
  });

  const faults: [IssuerFault, string][] = [
    ["access_denied", "issuer_error"],
    ["wrong_nonce", "id_token_invalid"],
    ["expired", "id_token_invalid"],
    ["bad_signature", "id_token_invalid"],
    ["tampered_claims", "id_token_invalid"],
    ["wrong_audience", "id_token_invalid"],
    ["wrong_issuer", "id_token_invalid"],
  ];
  for (const [fault, code] of faults) {
    await t.step(`the issuer's ${fault.replace("_", " ")}`, async () => {
      issuer.fault = fault;
      try {
        const jar = new CookieJar();
        const { callbackUrl } = await startLogin(jar, server.url);
        assert.equal(await refused(jar, callbackUrl), code);
      } finally {
        issuer.fault = null;
      }
    });
  }

  await t.step("nothing was stored for the refused logins", async () => {
    const users = await server.storage.db.selectFrom("users").select("email").execute();
    assert.deepEqual(users.map((u) => u.email).filter((e) => e !== null), ["ada@example.com"]);
    assert.ok(!users.some((u) => u.email === "mallory@example.com"));
    const sessions = await server.storage.db.selectFrom("auth_sessions").select("user_id").execute();
    assert.equal(sessions.length, 1, "only the replayed login's first, valid use signed in");
  });
});

Deno.test("sign-in over https: Secure __Host- cookies; PUBLIC_URL and the secret are required", async () => {
  await using db = await testDatabase("sqlite");
  await using auth = await startAuthTestServer(db, { PUBLIC_URL: "https://laps.example.com" });
  const jar = new CookieJar();
  const { authorizeUrl, callbackUrl } = await startLogin(jar, auth.server.url);
  assert.equal(authorizeUrl.searchParams.get("redirect_uri"), "https://laps.example.com/api/auth/callback");
  await finishLogin(jar, auth.server.url, callbackUrl);
  const cookie = jar.received.find((c) => c.startsWith("__Host-wb_session="));
  assert.ok(cookie, "the session cookie has the __Host- prefix");
  assert.match(cookie, /; Secure/);
  assert.match(cookie, /; HttpOnly/);

  const base = { GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "secret", PUBLIC_URL: "https://x.example" };
  assert.equal(configFromEnv(base).auth?.issuer, "https://accounts.google.com");
  assert.throws(() => configFromEnv({ ...base, PUBLIC_URL: "" }), /PUBLIC_URL/);
  assert.throws(() => configFromEnv({ ...base, GOOGLE_CLIENT_SECRET: "" }), /GOOGLE_CLIENT_SECRET/);
  assert.throws(() => configFromEnv({ ...base, OIDC_ISSUER: "http://issuer.example" }), /OIDC_ISSUER/);
  assert.throws(() => configFromEnv({ GOOGLE_CLIENT_SECRET: "secret" }), /GOOGLE_CLIENT_ID/);
  assert.equal(configFromEnv({}).auth, null);
});

Deno.test("local mode: no sign-in, the local user, no CSRF token needed", async () => {
  await using db = await testDatabase("sqlite");
  await using server = await startTestServer(db);
  const me = await (await fetch(`${server.url}/api/auth/me`)).json();
  assert.deepEqual(me, {
    mode: "local",
    user: { id: "local", name: "Local driver", email: null },
    csrf_token: null,
    login_url: null,
    issuer: null,
  });
  assert.equal((await fetch(`${server.url}/api/sessions`)).status, 200);
  const created = await fetch(`${server.url}/api/equipment/profiles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Miata" }),
  });
  assert.equal(created.status, 201);
  const login = await fetch(`${server.url}/api/auth/login`, { redirect: "manual" });
  assert.equal(login.status, 404);
  assert.equal((await login.json()).error.code, "sign_in_not_configured");
});
