/**
 * Uploads survive a crash: a server process is killed with SIGKILL while an
 * analysis job runs; a new process finds the job once its lease lapses,
 * completes it, and serves the original bytes unchanged. On SQLite and on
 * PostgreSQL, with real server processes.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import {
  DIALECTS,
  getJson,
  ROOT,
  sampleFile,
  spawnServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

interface Progress {
  status: string;
  job: { status: string; attempts: number; progress: { steps: { stage: string; status: string }[] } | null };
}

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `a job killed mid-run completes after a restart, bytes intact, on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      const env = {
        ...db.env,
        WORKBENCH_PLUGINS: join(ROOT, "tests", "fixtures", "slow_stage"),
        // The fixture reads SLOW_STAGE_MS from the environment, which a sandboxed plugin may not.
        WORKBENCH_SANDBOX: "0",
        JOB_LEASE_SECONDS: "1",
      };
      const file = await sampleFile("barber-8laps.csv");
      let id = "";
      {
        // The first process's slow stage would take a minute: it is surely killed inside it.
        await using first = await spawnServer({ ...env, SLOW_STAGE_MS: "60000" });
        const response = await upload(first.url, [file]);
        assert.equal(response.status, 201);
        id = (await response.json()).session_ids[0];
        // Wait until the job is inside the slow stage, then kill the process without warning.
        const deadline = Date.now() + 60_000;
        while (true) {
          const progress = await getJson<Progress>(`${first.url}/api/sessions/${id}/progress`);
          const slow = progress.job.progress?.steps.find((s) => s.stage === "slow-probe");
          if (slow?.status === "started") break;
          assert.ok(Date.now() < deadline, `the slow stage never started: ${JSON.stringify(progress)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
        await first.kill("SIGKILL");
      }

      // The second process resumes the job once the lease lapses; its slow stage lasts long enough
      // that the first look below cannot race the resumed job to its end.
      await using second = await spawnServer({ ...env, SLOW_STAGE_MS: "3000" });
      const killed = await getJson<Progress>(`${second.url}/api/sessions/${id}/progress`);
      assert.notEqual(killed.status, "ready", "the killed job had not finished");
      const session = await waitForStatus(second.url, id);
      assert.equal(session.status, "ready");
      const job = session.job as { status: string; attempts: number };
      assert.deepEqual([job.status, job.attempts], ["done", 2]);
      assert.ok((session.artifacts as string[]).includes("slow-probe"));

      const stored = await fetch(`${second.url}/api/sessions/${id}/file`);
      const bytes = new Uint8Array(await stored.arrayBuffer());
      assert.equal(bytes.length, file.bytes.length);
      assert.ok(
        bytes.every((b, i) => b === file.bytes[i]),
        "the stored file is byte-identical to the upload",
      );
      const sha = createHash("sha256").update(file.bytes).digest("hex");
      assert.equal(stored.headers.get("x-content-sha256"), sha);
      assert.equal(session.sha256, sha);
    },
  });
}
