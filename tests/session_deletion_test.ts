/**
 * Deleting a session on a real server (SQLite and PostgreSQL) tells the
 * plugins (`onSessionDeleted`): the notes on it, its share links, its
 * leaderboard entry and its achievements summary go with it; a note for
 * the circuit, written on it, stays for the driver's other sessions there.
 */
import assert from "node:assert/strict";
import {
  DIALECTS,
  sampleFile,
  sendJson,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

const send = async (url: string, method: string, body?: unknown) => {
  const response = await sendJson(url, method, body);
  await response.body?.cancel();
  return response.status;
};

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `deleting a session deletes what plugins keep about it, on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db);
      const base = server.url;
      const records = server.storage.db;
      assert.equal(await send(`${base}/api/plugins/leaderboards/opt-in`, "PUT", { opted_in: true }), 200);
      const id = (await (await upload(base, [await sampleFile("barber-8laps.csv")])).json()).session_ids[0];
      assert.equal((await waitForStatus(base, id)).status, "ready");
      const kept = (plugin: string, collection: string) =>
        records.selectFrom("plugin_records").select(["key", "value_json"]).where("plugin_id", "=", plugin)
          .where("collection", "=", collection).execute();
      // The analysis hooks run once the analysis is stored.
      for (let i = 0; (await kept("leaderboards", "entries")).length === 0 && i < 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      for (let i = 0; (await kept("achievements", "summaries")).length === 0 && i < 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const notes = `${base}/api/plugins/notes/notes`;
      assert.equal(
        await send(notes, "POST", { session_id: id, text: "Brake later into T5", corner: 1 }),
        201,
      );
      assert.equal(
        await send(notes, "POST", { session_id: id, text: "Dry line is wide", scope: "track" }),
        201,
      );
      assert.equal(await send(`${base}/api/plugins/sharing/links`, "POST", { session_id: id }), 201);
      const counts = async () =>
        Object.fromEntries(
          await Promise.all(
            [["leaderboards", "entries"], ["achievements", "summaries"], ["notes", "notes"], [
              "sharing",
              "links",
            ]]
              .map(async ([plugin, collection]) => [plugin, (await kept(plugin, collection)).length]),
          ),
        );
      assert.deepEqual(await counts(), { leaderboards: 1, achievements: 1, notes: 2, sharing: 1 });

      assert.equal(await send(`${base}/api/sessions/${id}`, "DELETE"), 204);
      assert.deepEqual(await counts(), { leaderboards: 0, achievements: 0, notes: 1, sharing: 0 });
      const [left] = await kept("notes", "notes");
      assert.equal(JSON.parse(left.value_json).scope, "track", "the circuit's note stays");
    },
  });
}
