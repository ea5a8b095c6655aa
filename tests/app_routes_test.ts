/**
 * Workbench-wide plugin routes and hooks end to end, on SQLite and
 * PostgreSQL: app routes are mounted under `/api/plugins/{id}`, documented,
 * validated (query, path, JSON body, multipart upload analysed in memory),
 * a client error keeps its status, a throwing route is a 500 naming its
 * plugin while the server lives on, a malformed route is refused as a
 * loading problem, analysis hooks see every finished analysis, a throwing
 * hook does not fail it, and each plugin's record store is its own.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { configFromEnv } from "../kernel/server/config.ts";
import { databaseLocation, openStorage } from "../kernel/storage/database.ts";
import { pluginStore } from "../kernel/storage/plugin_records.ts";
import {
  DIALECTS,
  getJson,
  ROOT,
  sampleFile,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

const FIXTURES = join(ROOT, "tests", "fixtures");
const PROBE = "/api/plugins/app-probe";

/** The status of a GET, its body discarded. */
async function statusOf(url: string): Promise<number> {
  const response = await fetch(url);
  await response.body?.cancel();
  return response.status;
}

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `app routes and analysis hooks on ${dialect}`,
    ignore,
    async fn(t) {
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db, {}, [
        join(FIXTURES, "app_throwing"),
        join(FIXTURES, "app_probe"),
      ]);
      const base = server.url;

      await t.step("app routes are documented in the OpenAPI document", async () => {
        const doc = await getJson<{ paths: Record<string, Record<string, { responses: object }>> }>(
          `${base}/api/openapi.json`,
        );
        assert.ok(doc.paths[`${PROBE}/echo/{word}`]?.get);
        assert.ok(doc.paths[`${PROBE}/inspect`]?.post);
        assert.ok(!("401" in doc.paths[`${PROBE}/open`].get.responses), "a public route is not 401");
        assert.ok("401" in doc.paths[`${PROBE}/notes`].get.responses);
      });

      await t.step("a malformed app route is refused and reported, not mounted", async () => {
        const { problems } = await getJson<{ problems: { plugin: string; message: string }[] }>(
          `${base}/api/plugins`,
        );
        assert.ok(problems.some((p) => p.plugin === "app-probe" && /\{thing\}/.test(p.message)));
        assert.equal(
          await statusOf(`${base}${PROBE}/undeclared/x`),
          404,
        );
      });

      await t.step("path and query parameters are validated; keys come back snake_case", async () => {
        assert.deepEqual(await getJson(`${base}${PROBE}/echo/ab?times=2`), {
          echoed_word: "abab",
          caller_name: "Local driver",
        });
        const bad = await fetch(`${base}${PROBE}/echo/ab?times=9`);
        assert.equal(bad.status, 422);
        assert.match((await bad.json()).error.message, /query\.times/);
      });

      await t.step("a JSON body reaches the handler and the plugin's store keeps it", async () => {
        const created = await postJson(`${base}${PROBE}/notes`, { text: "late apex at 5" });
        assert.equal(created.status, 201);
        await created.body?.cancel();
        const refused = await postJson(`${base}${PROBE}/notes`, { text: 5 });
        assert.equal(refused.status, 422);
        assert.equal((await refused.json()).error.code, "bad_note");
        const malformed = await fetch(`${base}${PROBE}/notes`, { method: "POST", body: "{nope" });
        assert.equal(malformed.status, 400);
        await malformed.body?.cancel();
        const notes = await getJson<{ value: { text: string }; owner_id: string }[]>(`${base}${PROBE}/notes`);
        assert.deepEqual(notes.map((n) => [n.value.text, n.owner_id]), [["late apex at 5", "local"]]);
      });

      await t.step("a RouteError keeps its status; a throwing route is a 500 naming the plugin", async () => {
        const conflict = await fetch(`${base}${PROBE}/conflict`, { method: "DELETE" });
        assert.equal(conflict.status, 409);
        assert.equal((await conflict.json()).error.code, "probe_conflict");
        const boom = await fetch(`${base}/api/plugins/app-throwing/boom`);
        assert.equal(boom.status, 500);
        assert.match((await boom.json()).error.message, /app-throwing.*route boom/);
        assert.equal(
          await statusOf(`${base}/health`),
          200,
        );
      });

      await t.step("an upload route analyses the file in memory and stores nothing", async () => {
        const file = await sampleFile("barber-8laps.csv");
        const form = new FormData();
        form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
        const response = await fetch(`${base}${PROBE}/inspect`, { method: "POST", body: form });
        const body = await response.json();
        assert.equal(response.status, 201, JSON.stringify(body));
        assert.equal(body.track_slug, "barber-motorsports-park");
        assert.ok(body.lap_count >= 8);
        assert.equal((await getJson<{ total: number }>(`${base}/api/sessions`)).total, 0);

        const garbage = new FormData();
        garbage.append("file", new File(["not a logger file\n1,2,3\n"], "junk.csv"));
        const refused = await fetch(`${base}${PROBE}/inspect`, { method: "POST", body: garbage });
        assert.equal(refused.status, 500);
        assert.match((await refused.json()).error.message, /junk\.csv/);
        const empty = await fetch(`${base}${PROBE}/inspect`, { method: "POST", body: new FormData() });
        assert.equal(empty.status, 400);
        await empty.body?.cancel();
      });

      await t.step("hooks see every finished analysis; a throwing hook does not fail it", async () => {
        const response = await upload(base, [await sampleFile("barber-8laps.csv")]);
        const id = (await response.json()).session_ids[0];
        const session = await waitForStatus(base, id);
        assert.equal(session.status, "ready");
        let seen: {
          session_id: string;
          track_slug: string;
          status: string;
          owner_name: string;
          lap_count: number;
        }[] = [];
        for (let i = 0; i < 100 && seen.length === 0; i++) {
          seen = await getJson(`${base}${PROBE}/analysed`);
          if (seen.length === 0) await new Promise((r) => setTimeout(r, 50));
        }
        assert.equal(seen.length, 1);
        assert.equal(seen[0].session_id, id);
        assert.equal(seen[0].track_slug, "barber-motorsports-park");
        assert.equal(seen[0].status, "done");
        assert.equal(seen[0].owner_name, "Local driver");
        assert.equal(seen[0].lap_count, (session.laps as unknown[]).length);
      });
    },
  });

  Deno.test({
    name: `plugin record stores are separate per plugin on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      const config = configFromEnv({ ...db.env });
      const storage = await openStorage(databaseLocation(db.env.DATABASE_URL, config.dataDir));
      try {
        const a = pluginStore(storage.db, "plugin-a");
        const b = pluginStore(storage.db, "plugin-b");
        await a.put("links", "k1", { n: 1 }, { ownerId: "local", index: "barber" });
        await a.put("links", "k2", { n: 2 }, { index: "roebling" });
        await a.put("links", "k1", { n: 3 }, { ownerId: "local", index: "barber" });
        assert.equal(await b.get("links", "k1"), undefined);
        assert.deepEqual(await b.list("links"), []);
        assert.equal(await b.delete("links", "k1"), false);
        const k1 = await a.get<{ n: number }>("links", "k1");
        assert.deepEqual([k1?.value, k1?.ownerId, k1?.index], [{ n: 3 }, "local", "barber"]);
        assert.ok(k1!.updatedAt >= k1!.createdAt);
        assert.deepEqual((await a.list("links")).map((r) => r.key), ["k1", "k2"]);
        assert.deepEqual((await a.list("links", { ownerId: null })).map((r) => r.key), ["k2"]);
        assert.deepEqual((await a.list("links", { ownerId: "local" })).map((r) => r.key), ["k1"]);
        assert.deepEqual((await a.list("links", { index: "roebling" })).map((r) => r.key), ["k2"]);
        assert.equal(await a.delete("links", "k1"), true);
        assert.deepEqual((await a.list("links")).map((r) => r.key), ["k2"]);
      } finally {
        await storage.close();
      }
    },
  });
}
