/**
 * The caller's data as a whole, on the real server with SQLite and
 * PostgreSQL: the export holds the caller's session with its original file
 * byte for byte, their lap tags, equipment and plugin records (a note), and
 * nothing of another user's and no analysis results or sign-in secrets;
 * deleting asks for the confirmation words, removes all of it (another
 * user's data stays) and leaves a workbench that takes the next upload.
 * Importing the export brings the session back (analysed again) with its
 * lap tag and its car; importing it twice adds nothing; something else is
 * refused. Signed in, deleting removes the account and signs it out in
 * every browser.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { assignProfile } from "../kernel/storage/equipment.ts";
import { writeLapTags } from "../kernel/storage/lap_tags.ts";
import { CookieJar, send as sendWith, signIn, startAuthTestServer } from "./auth_harness.ts";
import { insertSession } from "../kernel/storage/sessions.ts";
import {
  DIALECTS,
  getJson,
  sampleFile,
  sendJson,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

type Rows = Record<string, unknown>[];

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `account export and deletion on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db);
      const base = server.url;
      const file = await sampleFile("barber-8laps.csv");
      const storage = server.storage.db;
      const id = (await (await upload(base, [file])).json()).session_ids[0];
      assert.equal((await waitForStatus(base, id)).status, "ready");
      // The analysis hooks run once the analysis is stored: wait for the achievements plugin's record
      // of the session, so that no hook writes after the deletion below.
      for (let i = 0; i < 200; i++) {
        const hooked = await storage.selectFrom("plugin_records").select("key")
          .where("plugin_id", "=", "achievements").where("key", "=", id).executeTakeFirst();
        if (hooked) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      // The driver's lap tag stored as the tag route does (the route would analyse the session again).
      await writeLapTags(storage, id, 3, ["rain"]);
      const car = {
        mass_kg: 1140,
        power_w: 115000,
        cda_m2: 0.7,
        crr: 0.015,
        mu_lat: 1.1,
        mu_brake: 1.05,
        mu_accel: 0.6,
        rho: 1.2,
      };
      const profile =
        await (await sendJson(`${base}/api/equipment/profiles`, "POST", { name: "Miata", vehicle: car }))
          .json();
      // Assigned as the equipment route does, without the re-analysis it would start.
      await assignProfile(storage, "local", id, profile.id);
      const note = await sendJson(`${base}/api/plugins/notes/notes`, "POST", {
        session_id: id,
        text: "T5: later apex",
      });
      assert.equal(note.status, 201);
      await note.body?.cancel();
      // Someone else's session in the same database.
      await storage.insertInto("users").values({
        id: "other",
        name: "Other",
        created_at: Date.now(),
        email: null,
        oidc_issuer: null,
        oidc_subject: null,
      }).execute();
      const theirs = await insertSession(storage, {
        userId: "other",
        fileName: "theirs.csv",
        sha256: "0".repeat(64),
        bytes: new TextEncoder().encode("not yours"),
        format: "racechrono",
      });

      const exported = await fetch(`${base}/api/account/export`);
      assert.equal(exported.status, 200);
      assert.match(
        exported.headers.get("content-disposition")!,
        /attachment; filename="cataclysm-workbench-\d{4}-\d\d-\d\d\.json"/,
      );
      const doc = await exported.json() as { format: string; tables: Record<string, Rows> };
      assert.equal(doc.format, "cataclysm-workbench-export/1");
      const { tables } = doc;
      assert.deepEqual(tables.sessions.map((s) => s.id), [id]);
      const stored = tables.session_files[0];
      const bytes = Buffer.from((stored.content as { base64: string }).base64, "base64");
      assert.equal(
        createHash("sha256").update(bytes).digest("hex"),
        createHash("sha256").update(file.bytes).digest("hex"),
      );
      assert.deepEqual(tables.lap_tags.map((t) => [t.lap_number, JSON.parse(t.tags_json as string)]), [[3, [
        "rain",
      ]]]);
      assert.deepEqual(tables.equipment_profiles.map((p) => p.name), ["Miata"]);
      assert.ok(
        tables.plugin_records.some((r) =>
          r.plugin_id === "notes" && String(r.value_json).includes("T5: later apex")
        ),
      );
      assert.deepEqual(tables.users.map((u) => u.id), ["local"]);
      assert.ok(!("analysis_artifacts" in tables) && !("auth_sessions" in tables));
      assert.ok(!JSON.stringify(doc).includes(theirs!), "nothing of another user's");

      const unconfirmed = await sendJson(`${base}/api/account`, "DELETE", { confirm: "yes" });
      assert.equal(unconfirmed.status, 422);
      assert.match((await unconfirmed.json()).error.message, /confirm/);
      assert.equal(
        (await getJson<{ items: unknown[] }>(`${base}/api/sessions`)).items.length,
        1,
        "nothing deleted",
      );

      const deleted = await sendJson(`${base}/api/account`, "DELETE", { confirm: "delete everything" });
      assert.equal(deleted.status, 200);
      const counts = await deleted.json();
      assert.deepEqual(
        [counts.sessions, counts.equipment_profiles, counts.account_deleted],
        [1, 1, false],
        "the local user stays",
      );
      assert.ok(counts.plugin_records >= 1);
      assert.deepEqual((await getJson<{ items: unknown[] }>(`${base}/api/sessions`)).items, []);
      const left = await fetch(`${base}/api/account/export`).then((r) => r.json()) as {
        tables: Record<string, Rows>;
      };
      for (const table of ["sessions", "session_files", "lap_tags", "equipment_profiles", "plugin_records"]) {
        assert.deepEqual(left.tables[table], [], table);
      }
      for (const table of ["analysis_artifacts", "jobs"] as const) {
        const rows = await storage.selectFrom(table).select("session_id").execute();
        assert.deepEqual(rows, [], `${table}: the deleted session's are gone (the other session has none)`);
      }
      const kept = await storage.selectFrom("sessions").select("id").execute();
      assert.deepEqual(kept.map((s) => s.id), [theirs], "another user's session stays");

      // The export brings it all back: the session (analysed again), its lap tag, the car on it.
      const importFile = async () => {
        const form = new FormData();
        form.append("file", new File([JSON.stringify(doc)], "export.json"));
        const response = await fetch(`${base}/api/account/import`, { method: "POST", body: form });
        assert.equal(response.status, 201);
        return await response.json();
      };
      const imported = await importFile();
      assert.deepEqual(
        [
          imported.sessions_created,
          imported.lap_tags_restored,
          imported.equipment_profiles_created,
          imported.files_skipped,
        ],
        [1, 1, 1, []],
      );
      const [back] = (await getJson<{ items: { session_id: string }[] }>(`${base}/api/sessions`)).items;
      assert.equal((await waitForStatus(base, back.session_id)).status, "ready");
      const lap3 = (await getJson<{ number: number; user_tags: string[] }[]>(
        `${base}/api/sessions/${back.session_id}/laps`,
      ))
        .find((l) => l.number === 3)!;
      assert.deepEqual(lap3.user_tags, ["rain"]);
      const optimal = await getJson(`${base}/api/sessions/${back.session_id}/artifacts/optimal-profile`);
      assert.equal(optimal.vehicleSource, "given", "the imported car is the session's again");
      const twice = await importFile();
      assert.deepEqual([twice.sessions_created, twice.sessions_already_here, twice.equipment_profiles_kept], [
        0,
        1,
        1,
      ]);

      const bad = new FormData();
      bad.append("file", new File(['{"format": "something else"}'], "notes.json"));
      const refused = await fetch(`${base}/api/account/import`, { method: "POST", body: bad });
      assert.equal(refused.status, 422);
      assert.match((await refused.json()).error.message, /not a Cataclysm Workbench export/);
    },
  });
}

Deno.test("signed in, deleting all your data deletes the account and every sign-in of it", async () => {
  await using db = await testDatabase("sqlite");
  await using auth = await startAuthTestServer(db);
  const { server } = auth;
  const jar = new CookieJar();
  const csrf = await signIn(jar, server.url);
  const other = new CookieJar();
  await signIn(other, server.url); // the same person in a second browser
  const me = (await (await sendWith(jar, `${server.url}/api/auth/me`)).json()).user;
  const deleted = await sendWith(jar, `${server.url}/api/account`, {
    method: "DELETE",
    headers: { "content-type": "application/json", "x-csrf-token": csrf },
    body: JSON.stringify({ confirm: "delete everything" }),
  });
  assert.equal(deleted.status, 200);
  assert.equal((await deleted.json()).account_deleted, true);
  const users = await server.storage.db.selectFrom("users").select("id").where("id", "=", me.id).execute();
  assert.deepEqual(users, []);
  for (const browser of [jar, other]) {
    assert.equal(
      (await sendWith(browser, `${server.url}/api/sessions`)).status,
      401,
      "signed out everywhere",
    );
  }
});
