/**
 * Concurrency on loopback: 20 uploads in parallel with reads in between,
 * nothing lost and nothing duplicated, on SQLite and on PostgreSQL; and on
 * PostgreSQL two server processes sharing one database, every job run
 * exactly once.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { ANALYZE_JOB } from "../kernel/jobs/queue.ts";
import { openStorage } from "../kernel/storage/database.ts";
import {
  DEMO_FILE,
  DIALECTS,
  getJson,
  POSTGRES_AVAILABLE,
  spawnServer,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

/** `count` different files: the demo session with 0, 1, 2... extra line ends (each has its own hash). */
async function variants(count: number) {
  const demo = await Deno.readFile(DEMO_FILE);
  return Array.from({ length: count }, (_, k) => {
    const bytes = new Uint8Array(demo.length + k);
    bytes.set(demo);
    bytes.fill(0x0a, demo.length);
    return { name: `demo-${k}.csv`, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
}

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `20 parallel uploads with reads lose and duplicate nothing, on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db);
      const base = server.url;
      const files = await variants(10);
      const uploads = [...files, ...files].map((f) =>
        upload(base, [f]).then(async (r) => ({ file: f, status: r.status, body: await r.json() }))
      );
      const reads = Array.from(
        { length: 20 },
        (_, i) =>
          new Promise((r) => setTimeout(r, i * 10)).then(() => fetch(`${base}/api/sessions?limit=100`))
            .then(async (r) => ({ status: r.status, body: await r.json() })),
      );
      const [results, listings] = await Promise.all([Promise.all(uploads), Promise.all(reads)]);
      for (const listing of listings) assert.equal(listing.status, 200);
      for (const r of results) assert.ok(r.status === 200 || r.status === 201, JSON.stringify(r.body));

      const idByFile = new Map<string, string>();
      for (const r of results) {
        const id = r.body.session_ids[0];
        assert.equal(idByFile.get(r.file.name) ?? id, id, `both uploads of ${r.file.name} got one session`);
        idByFile.set(r.file.name, id);
      }
      assert.equal(new Set(idByFile.values()).size, files.length);
      assert.equal(results.filter((r) => r.body.files[0].status === "created").length, files.length);

      for (const file of files) {
        const session = await waitForStatus(base, idByFile.get(file.name)!);
        assert.equal(session.status, "ready");
        assert.equal(session.sha256, file.sha256);
        assert.equal((session.job as { attempts: number }).attempts, 1);
      }
      assert.equal((await getJson(`${base}/api/sessions`)).total, files.length);
      const jobs = await server.storage.db.selectFrom("jobs").select(["session_id", "status", "attempts"])
        .where("kind", "=", ANALYZE_JOB).execute();
      assert.equal(jobs.length, files.length);
      assert.ok(jobs.every((j) => j.status === "done" && j.attempts === 1));
    },
  });
}

Deno.test({
  name: "two server processes on one PostgreSQL database run every job exactly once",
  ignore: !POSTGRES_AVAILABLE,
  async fn() {
    await using db = await testDatabase("postgres");
    await using a = await spawnServer(db.env);
    await using b = await spawnServer(db.env);
    const files = await variants(20);
    const results = await Promise.all(
      files.map((f, i) => upload(i % 2 === 0 ? a.url : b.url, [f]).then((r) => r.json())),
    );
    const ids: string[] = results.map((r) => r.session_ids[0]);
    assert.equal(new Set(ids).size, files.length);
    for (const [i, id] of ids.entries()) {
      assert.equal((await waitForStatus(i % 2 === 0 ? b.url : a.url, id)).status, "ready");
    }
    const storage = await openStorage({ dialect: "postgres", url: db.env.DATABASE_URL });
    try {
      const jobs = await storage.db.selectFrom("jobs").select([
        "session_id",
        "status",
        "attempts",
        "claimed_by",
      ])
        .where("kind", "=", ANALYZE_JOB).execute();
      assert.equal(jobs.length, files.length);
      assert.deepEqual(new Set(jobs.map((j) => j.session_id)), new Set(ids));
      for (const job of jobs) assert.deepEqual([job.status, job.attempts], ["done", 1], job.session_id);
      console.log(
        `jobs per process: ${
          JSON.stringify(
            Object.groupBy(jobs, (j) => j.claimed_by ?? "?"),
            (_, v) => Array.isArray(v) ? v.length : v,
          )
        }`,
      );
    } finally {
      await storage.close();
    }
  },
});
