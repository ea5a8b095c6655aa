/**
 * The leaderboards and Wrapped plugins on the real server, on SQLite and
 * PostgreSQL: opting in enters the sessions already analysed, the analysis
 * hook enters later ones, a lap the driver tags `traffic` leaves the boards
 * when the tag is saved, deleting a session through the API takes its
 * entries off the boards, Wrapped counts the stored sessions, and bad
 * requests get clear 4xx answers.
 */
import assert from "node:assert/strict";
import {
  DIALECTS,
  getJson,
  sampleFile,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

const LB = "/api/plugins/leaderboards";
const BARBER = "barber-motorsports-park";

interface BoardsJson {
  lap_time: { drivers: number; yours: { lap: number; value: number; session_id: string } | null };
  corners: { key: string; king: { driver: string } | null }[];
}

const putJson = (url: string, body: unknown) =>
  fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function analysed(base: string, file: string): Promise<string> {
  const id = (await (await upload(base, [await sampleFile(file)])).json()).session_ids[0] as string;
  assert.equal((await waitForStatus(base, id)).status, "ready");
  return id;
}

/** The boards once `until` holds (the hook runs just after the analysis is stored). */
async function boardsWhen(base: string, until: (doc: BoardsJson) => boolean): Promise<BoardsJson> {
  let doc = await getJson<BoardsJson>(`${base}${LB}/tracks/${BARBER}`);
  for (let i = 0; i < 200 && !until(doc); i++) {
    await new Promise((r) => setTimeout(r, 50));
    doc = await getJson<BoardsJson>(`${base}${LB}/tracks/${BARBER}`);
  }
  return doc;
}

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `leaderboards and wrapped on the server (${dialect}): opt-in, hook, deletion, bad requests`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db);
      const base = server.url;
      const faults = await analysed(base, "barber-faults.csv");
      assert.equal((await getJson<BoardsJson>(`${base}${LB}/tracks/${BARBER}`)).lap_time.drivers, 0);

      const joined = await putJson(`${base}${LB}/opt-in`, { opted_in: true });
      assert.equal(joined.status, 200);
      assert.equal((await joined.json()).sessions_entered, 1);
      const first = await getJson<BoardsJson>(`${base}${LB}/tracks/${BARBER}`);
      assert.equal(first.lap_time.yours?.session_id, faults);
      assert.ok(first.corners.length >= 10 && first.corners.every((c) => c.king?.driver === "Local driver"));

      const eight = await analysed(base, "barber-8laps.csv");
      const both = await boardsWhen(base, (d) => d.lap_time.yours?.session_id === eight);
      assert.equal(both.lap_time.yours?.session_id, eight, "the hook entered the new session");
      assert.ok(both.lap_time.yours!.value < first.lap_time.yours!.value);

      const deleted = await fetch(`${base}/api/sessions/${eight}`, { method: "DELETE" });
      assert.ok(deleted.ok);
      await deleted.body?.cancel();
      const after = await getJson<BoardsJson>(`${base}${LB}/tracks/${BARBER}`);
      assert.deepEqual(after.lap_time.yours, first.lap_time.yours, "back to the remaining session's best");

      // The driver's own tag queues the analysis again, which takes the lap out of it and (its hook
      // runs once the analysis is stored) off the boards; clearing the tag brings it back.
      const bestLap = first.lap_time.yours!.lap;
      const tagUrl = `${base}/api/sessions/${faults}/laps/${bestLap}/tags`;
      const retag = async (tags: string[]) => {
        const put = await putJson(tagUrl, tags);
        assert.equal(put.status, 200);
        assert.equal((await put.json()).analysis, "queued");
        assert.equal((await waitForStatus(base, faults)).status, "ready");
        const laps = await getJson<{ number: number; excluded_reason: string | null }[]>(
          `${base}/api/sessions/${faults}/laps`,
        );
        return laps.find((l) => l.number === bestLap)!.excluded_reason;
      };
      assert.equal(await retag(["traffic"]), "you tagged it traffic");
      const tagged = await boardsWhen(base, (d) => d.lap_time.yours?.lap !== bestLap);
      assert.notEqual(tagged.lap_time.yours?.lap, bestLap);
      assert.ok(tagged.lap_time.yours!.value > first.lap_time.yours!.value);
      assert.equal(await retag([]), null);
      const cleared = await boardsWhen(base, (d) => d.lap_time.yours?.lap === bestLap);
      assert.deepEqual(cleared.lap_time.yours, first.lap_time.yours);

      const year = await getJson<{ sessions: number; tracks: { slug: string }[] }>(
        `${base}/api/plugins/wrapped/2026`,
      );
      assert.deepEqual([year.sessions, year.tracks.map((t) => t.slug)], [1, [BARBER]]);

      for (
        const [url, status, pattern] of [
          [`${LB}/tracks/Not%20a%20slug`, 400, /circuit slug/],
          [`${LB}/tracks/${BARBER}?tyres=bald`, 422, /tyres/],
          ["/api/plugins/wrapped/1800", 422, /year/],
          ["/api/plugins/wrapped/next", 422, /year/],
        ] as const
      ) {
        const response = await fetch(`${base}${url}`);
        assert.equal(response.status, status, url);
        assert.match((await response.json()).error.message, pattern, url);
      }
      const bad = await putJson(`${base}${LB}/opt-in`, { opted_in: "yes" });
      assert.equal(bad.status, 400);
      assert.equal((await bad.json()).error.code, "invalid_field");

      const left = await putJson(`${base}${LB}/opt-in`, { opted_in: false });
      assert.equal((await left.json()).entries_removed, 1);
      assert.equal((await getJson<BoardsJson>(`${base}${LB}/tracks/${BARBER}`)).lap_time.drivers, 0);
      // The coaching report written after the analysis must end before the server stops (a job
      // still running at shutdown leaves a PostgreSQL connection open when the database is dropped).
      for (let i = 0; i < 400; i++) {
        const { status } = await getJson<{ status: string }>(`${base}/api/coaching/${faults}/report`);
        if (status === "ready" || status === "failed") break;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  });
}
