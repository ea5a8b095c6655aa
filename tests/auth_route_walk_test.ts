/**
 * The authorization walk, generated from the server's own route table (so a
 * route added later is walked without touching this file), on SQLite and
 * PostgreSQL, with sign-in configured against the fake issuer.
 *
 * User A signs in and builds up data: the shared Barber session analysed,
 * an equipment profile assigned to it, a lap tag, coaching settings, a
 * coaching report and a chat exchange, a share link to the session, and an
 * organization with an event. Then every route is called as user B
 * (signed in, with B's own CSRF token so that checks past CSRF are reached)
 * and as an anonymous caller, with A's ids in every path parameter (and
 * query and body fields that name ids), a plausible body (generated from the
 * route's schema, or a file upload), and made-up tokens where a parameter
 * names nothing of A's. It asserts:
 * - an anonymous caller gets 401 from every route that is not public;
 * - given A's own share token, a public route shows A's display name (who
 *   shared) and nothing else of A's; given a made-up one, it answers 404;
 * - B never gets a 5xx, never a 409 (which would tell A's session exists),
 *   and no 2xx answer of B's or of an anonymous caller contains any of A's
 *   ids, names, file name, tags or chat text;
 * - a public plugin route given a made-up token answers 404;
 * - A's data — every row of every table that references A's user, session
 *   or profile, artifacts included — is identical after each route.
 * A walks the same core GET requests too: each must succeed for A, so B's
 * 404s come from ownership, not from a malformed request. The fixture
 * plugin `route_probe` adds a plugin's session routes to the walk.
 *
 * @module
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { sql } from "kysely";
import type { AnyApiRoute } from "../kernel/server/route.ts";
import { type BodySchema, checkBody } from "../kernel/server/schema.ts";
import type { RouteParam } from "../sdk/mod.ts";
import { CookieJar, send, signIn, startAuthTestServer } from "./auth_harness.ts";
import { DIALECTS, ROOT, SESSIONS_DIR, testDatabase } from "./server_harness.ts";

/** What the walk knows of user A. */
interface Owner {
  userId: string;
  sessionId: string;
  profileId: string;
  lap: number;
  trackSlug: string;
  /** A's share link token, when the sharing plugin is loaded. */
  shareToken?: string;
  /** A's organization's slug, when the organizations plugin is loaded. */
  orgSlug?: string;
  /** Strings that must never reach another caller. */
  secrets: string[];
}

/** A's display name. */
const A_NAME = "Owner A";

/** A made-up token for parameters that name nothing of A's (share links, invitations...). */
const MADE_UP = "made-up-token-4f1c2a9b7e";

/** A file B uploads (another circuit than A's, so shared rankings never involve A). */
const OTHER_FILE = "roebling-6laps.csv";

/** One request of the walk. */
interface WalkRequest {
  route: AnyApiRoute;
  url: string;
  init: RequestInit;
  /** True when a path parameter got the made-up token. */
  madeUp: boolean;
}

/** Candidate values of a parameter, by its name and type. */
function candidates(name: string, spec: RouteParam, a: Owner): { value: string; madeUp: boolean }[] {
  const n = name.toLowerCase();
  const of = (...values: string[]) => values.map((value) => ({ value, madeUp: value === MADE_UP }));
  if (spec.enum?.length) return of(spec.enum[0]);
  if (spec.type === "integer" || spec.type === "number") {
    return of(String(Math.min(Math.max(a.lap, spec.minimum ?? 0), spec.maximum ?? a.lap))); // lap numbers mostly
  }
  if (spec.type === "boolean") return of("true");
  if (n === "id" || n === "other" || n.includes("session")) return of(a.sessionId);
  if (n.includes("user") || n.includes("owner") || n.includes("driver")) return of(a.userId);
  if (n === "pid" || n.includes("profile") || n.includes("equipment")) return of(a.profileId);
  if (n.includes("track")) return of(a.trackSlug);
  if (n.includes("artifact")) return of("corners");
  if (n === "token" && a.shareToken) return of(a.shareToken, MADE_UP);
  if (n === "slug" && a.orgSlug) return of(a.orgSlug, MADE_UP);
  // A name the walk does not know: each of A's ids, and a made-up token.
  return of(a.sessionId, a.userId, a.profileId, MADE_UP);
}

/** A JSON body valid against `schema`, with id-like fields set to A's ids. */
function bodyFor(schema: BodySchema, a: Owner, name = ""): unknown {
  switch (schema.type) {
    case "string": {
      const pick = /id$|session|user|owner|profile|token/i.test(name)
        ? candidates(name, { type: "string", description: "" }, a)[0].value
        : "walk";
      // A pattern that is one fixed phrase (a confirmation such as "delete everything") is that phrase.
      const phrase = schema.pattern && /^\^[\w ]+\$$/.test(schema.pattern)
        ? schema.pattern.slice(1, -1)
        : null;
      const choices = [...(phrase ? [phrase] : []), pick, "novice", "intermediate", "walk", "traffic", "a"];
      const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
      return choices.find((c) => (!pattern || pattern.test(c)) && c.length >= (schema.minLength ?? 0)) ??
        "walk";
    }
    case "integer":
    case "number":
      return name.includes("lap") ? a.lap : Math.max(schema.minimum ?? 1, Math.min(1, schema.maximum ?? 1));
    case "boolean":
      return false;
    case "array":
      return [bodyFor(schema.items, a, name)];
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties)
          .filter(([key]) => schema.required?.includes(key) || /id$|name|question/.test(key))
          .map(([key, property]) => [key, bodyFor(property, a, key)]),
      );
  }
}

/** A body for a route without a schema (plugin routes read their own): id-like fields name A's things. */
function looseBody(a: Owner): Record<string, unknown> {
  return {
    session_id: a.sessionId,
    sessionId: a.sessionId,
    user_id: a.userId,
    userId: a.userId,
    profile_id: a.profileId,
    token: MADE_UP,
    code: MADE_UP,
    email: "b-walker@example.com",
    name: "walk",
  };
}

/** Every request the walk sends to one route (several when a parameter has several candidates). */
async function requestsFor(route: AnyApiRoute, a: Owner, baseUrl: string): Promise<WalkRequest[]> {
  let paths = [{ path: route.path, madeUp: false }];
  for (const [name, spec] of Object.entries(route.params ?? {})) {
    paths = paths.flatMap(({ path, madeUp }) =>
      candidates(name, spec, a).map((c) => ({
        path: path.replace(`{${name}}`, encodeURIComponent(c.value)),
        madeUp: madeUp || c.madeUp,
      }))
    );
  }
  const query = new URLSearchParams();
  for (const [name, spec] of Object.entries(route.query ?? {})) {
    if (spec.required || /session|user|owner|profile|token/i.test(name)) {
      query.set(name, candidates(name, spec, a)[0].value);
    }
  }
  const init: RequestInit = { method: route.method };
  if (route.body === "multipart") {
    const bytes = await Deno.readFile(join(SESSIONS_DIR, OTHER_FILE));
    const form = new FormData();
    form.append("file", new File([bytes], OTHER_FILE));
    init.body = form;
  } else if (route.body) {
    const body = bodyFor(route.body, a);
    checkBody(route.body, body); // the walk's bodies pass validation, so handlers run
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  } else if (route.method !== "GET" && route.method !== "DELETE") {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(looseBody(a));
  }
  const search = query.size > 0 ? `?${query}` : "";
  return paths.map(({ path, madeUp }) => ({ route, url: `${baseUrl}${path}${search}`, init, madeUp }));
}

/** Every row of every table that references one of `ids`, as sorted JSON (binary columns as digests). */
async function rowsReferencing(db: import("kysely").Kysely<unknown>, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const table of await db.introspection.getTables()) {
    if (table.name.startsWith("kysely_")) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    for (const row of rows) {
      const values = Object.entries(row).sort(([x], [y]) => x.localeCompare(y));
      if (!values.some(([, v]) => typeof v === "string" && ids.some((id) => v.includes(id)))) continue;
      const json: Record<string, unknown> = {};
      for (const [key, value] of values) {
        json[key] = value instanceof Uint8Array ? createHash("sha256").update(value).digest("hex") : value;
      }
      out.push(`${table.name} ${JSON.stringify(json)}`);
    }
  }
  return out.sort();
}

/** Reads a response's text (an event stream only until it ends or 5 s pass). */
async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return "";
  }
}

/** Signs A in and builds A's data; returns what the walk knows of A. */
async function seedOwner(
  baseUrl: string,
  jar: CookieJar,
  csrf: string,
  routes: AnyApiRoute[],
): Promise<Owner> {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await send(jar, `${baseUrl}${path}`, {
      method,
      headers: {
        "x-csrf-token": csrf,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `A: ${method} ${path} answered ${response.status} ${text}`);
    return text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  };
  const form = new FormData();
  const bytes = await Deno.readFile(join(SESSIONS_DIR, "barber-8laps.csv"));
  form.append("files", new File([bytes], "a-private-barber.csv"));
  const uploaded = await send(jar, `${baseUrl}/api/sessions/upload`, {
    method: "POST",
    headers: { "x-csrf-token": csrf },
    body: form,
  });
  assert.equal(uploaded.status, 201, await uploaded.clone().text());
  const sessionId = (await uploaded.json()).session_ids[0] as string;
  let session: Record<string, unknown> = {};
  for (let i = 0; i < 1200 && session.status !== "ready"; i++) {
    session = await call("GET", `/api/sessions/${sessionId}`);
    assert.notEqual(session.status, "failed");
    if (session.status !== "ready") await new Promise((r) => setTimeout(r, 100));
  }
  const profile = await call("POST", "/api/equipment/profiles", {
    name: "A-private-profile",
    notes: "A-notes",
  });
  await call("PUT", `/api/sessions/${sessionId}/equipment`, { profile_id: profile.id });
  const lap = session.best_lap as number;
  await call("PUT", `/api/sessions/${sessionId}/laps/${lap}/tags`, ["a-private-tag"]);
  const me = await call("GET", "/api/auth/me");
  const secrets = [
    me.user.id,
    sessionId,
    profile.id,
    "a-owner@example.com",
    A_NAME,
    "a-private-barber",
    "A-private-profile",
    "A-notes",
    "a-private-tag",
  ];
  if (routes.some((r) => r.path === "/api/coaching/{session_id}/report")) {
    await call("PUT", "/api/coaching/settings", { skill_level: "advanced", daily_budget_usd: 0.5 });
    let report: Record<string, unknown> = {};
    for (let i = 0; i < 1200 && !["ready", "failed"].includes(report.status as string); i++) {
      report = await call("GET", `/api/coaching/${sessionId}/report`);
      if (!["ready", "failed"].includes(report.status as string)) {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await call("POST", `/api/coaching/${sessionId}/chat`, { question: "a-private-question about turn 5?" });
    secrets.push("a-private-question");
  }
  // Workbench-wide plugins' records of A's: a share link, an organization with an event.
  const has = (method: string, path: string) => routes.some((r) => r.method === method && r.path === path);
  let shareToken: string | undefined;
  if (has("POST", "/api/plugins/sharing/links")) {
    shareToken =
      (await call("POST", "/api/plugins/sharing/links", { session_id: sessionId, expires_in_days: 7 }))
        .token;
  }
  let orgSlug: string | undefined;
  if (has("POST", "/api/plugins/organizations/orgs")) {
    orgSlug = (await call("POST", "/api/plugins/organizations/orgs", { name: "Walk Club" })).slug;
    await call("POST", `/api/plugins/organizations/orgs/${orgSlug}/events`, {
      name: "a-private-event",
      track_slug: session.track_slug,
      date: "2026-06-14",
    });
    secrets.push("a-private-event");
  }
  return {
    userId: me.user.id,
    sessionId,
    profileId: profile.id,
    lap,
    trackSlug: session.track_slug as string,
    shareToken,
    orgSlug,
    secrets,
  };
}

/** Waits until A's rows stop changing (background work after A's requests has finished). */
async function settledRows(db: import("kysely").Kysely<unknown>, ids: string[]): Promise<string[]> {
  let last = await rowsReferencing(db, ids);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await rowsReferencing(db, ids);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error("A's data kept changing");
}

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `route walk (${dialect}): no route leaks or changes another user's data; anonymous gets 401`,
    ignore,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      await using db = await testDatabase(dialect);
      await using auth = await startAuthTestServer(db, {}, [join(ROOT, "tests", "fixtures", "route_probe")]);
      const { server, issuer } = auth;
      const routes = [...server.routes];
      const kdb = server.storage.db as unknown as import("kysely").Kysely<unknown>;

      const aJar = new CookieJar();
      issuer.identity = { sub: "driver-a", email: "a-owner@example.com", name: A_NAME };
      const aCsrf = await signIn(aJar, server.url);
      const a = await seedOwner(server.url, aJar, aCsrf, routes);
      const bJar = new CookieJar();
      issuer.identity = { sub: "driver-b", email: "b-walker@example.com", name: "Walker B" };
      let bCsrf = await signIn(bJar, server.url);

      const ids = [a.userId, a.sessionId, a.profileId];
      const before = await settledRows(kdb, ids);
      assert.ok(before.some((r) => r.startsWith("analysis_artifacts ")), "A's artifacts are in the snapshot");

      const problems: string[] = [];
      let requests = 0;
      for (const route of routes) {
        const label = `${route.method} ${route.path}`;
        for (const request of await requestsFor(route, a, server.url)) {
          for (const caller of ["B", "anonymous"] as const) {
            const jar = caller === "B" ? bJar : new CookieJar();
            const headers = new Headers(request.init.headers);
            if (caller === "B") headers.set("x-csrf-token", bCsrf);
            const response = await send(jar, request.url, {
              ...request.init,
              headers,
              signal: AbortSignal.timeout(15_000),
            });
            requests++;
            const text = await readText(response);
            const status = response.status;
            const where = `${caller} ${label} (${request.url.slice(server.url.length)}) → ${status}`;
            if (caller === "anonymous" && !route.public && status !== 401) {
              problems.push(`${where}: expected 401`);
            }
            if (status >= 500) problems.push(`${where}: server error ${text.slice(0, 200)}`);
            if (caller === "B" && (status === 401 || status === 409)) {
              problems.push(`${where}: ${text.slice(0, 200)}`);
            }
            if (status < 300) {
              // A share link shows whoever holds it the sharer's display name, by design; nothing else of A's.
              const shown = route.public && a.shareToken && request.url.includes(a.shareToken)
                ? [A_NAME]
                : [];
              const leaked = a.secrets.filter((s) => !shown.includes(s) && text.includes(s));
              if (leaked.length > 0) problems.push(`${where}: answer contains A's ${leaked.join(", ")}`);
            }
            if (route.public && request.madeUp && route.path.startsWith("/api/plugins/") && status !== 404) {
              problems.push(`${where}: a made-up token must get 404`);
            }
          }
        }
        // A route that signs B out (logout) must not end the walk for B.
        if (!(await (await send(bJar, `${server.url}/api/auth/me`)).json()).user) {
          bCsrf = await signIn(bJar, server.url);
        }
        const after = await rowsReferencing(kdb, ids);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          const changed = [
            ...after.filter((r) => !before.includes(r)),
            ...before.filter((r) => !after.includes(r)),
          ];
          problems.push(`${label} changed A's data: ${changed.slice(0, 3).join(" | ").slice(0, 600)}`);
          before.splice(0, before.length, ...after);
        }
      }

      // A can make the same core GET requests: B's refusals come from ownership, not from bad requests.
      let ownGets = 0;
      const ownRoutes = routes.filter((r) =>
        r.method === "GET" && !r.public && !r.path.startsWith("/api/plugins/")
      );
      for (const route of ownRoutes) {
        for (const request of await requestsFor(route, a, server.url)) {
          if (request.madeUp) continue;
          const response = await send(aJar, request.url, { signal: AbortSignal.timeout(15_000) });
          await readText(response);
          ownGets++;
          if (!response.ok) problems.push(`A GET ${route.path} (${request.url}) → ${response.status}`);
        }
      }

      console.log(
        `route walk (${dialect}): ${routes.length} routes (${
          routes.filter((r) => r.public).length
        } public), ` +
          `${requests} requests as B and anonymous, ${ownGets} GETs as A`,
      );
      assert.deepEqual(problems, []);
      assert.ok(routes.length >= 40, `only ${routes.length} routes were registered`);
    },
  });
}
