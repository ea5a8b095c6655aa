/**
 * The job queue and incremental re-analysis, on SQLite and on PostgreSQL:
 * concurrent claimers never get the same job; a lapsed lease hands the job
 * to another worker and fences the old one out; retries wait their back-off;
 * and a re-analysis reuses every stored artifact whose inputs are unchanged,
 * recomputing only a plugin whose version, settings or analysis data
 * changed and what depends on it.
 */

import assert from "node:assert/strict";
import { runAnalysisJob } from "../kernel/jobs/analysis_job.ts";
import { createSessionEvents } from "../kernel/jobs/session_events.ts";
import { startWorker } from "../kernel/jobs/worker.ts";
import type { JobProgress } from "../kernel/jobs/progress.ts";
import {
  backoffMs,
  claimNextJob,
  enqueueAnalysis,
  finishJob,
  renewLease,
  requeueJob,
} from "../kernel/jobs/queue.ts";
import { loadPlugins } from "../kernel/loader.ts";
import { createRegistry, type Registry } from "../kernel/registry.ts";
import { decodeArtifact } from "../kernel/storage/artifact_codec.ts";
import { listArtifacts } from "../kernel/storage/artifacts.ts";
import { pluginStore } from "../kernel/storage/plugin_records.ts";
import { databaseLocation, openStorage, type Storage } from "../kernel/storage/database.ts";
import { LOCAL_USER_ID } from "../kernel/storage/migrations.ts";
import { insertSession, sessionsNeedingAnalysis } from "../kernel/storage/sessions.ts";
import { pipelineSignature } from "../kernel/jobs/incremental.ts";
import {
  artifact,
  DEFAULT_SETTINGS,
  definePlugin,
  defineSettings,
  defineStage,
  LapsKey,
  type PluginManifest,
  type RunSettings,
  settingsOf,
} from "../sdk/mod.ts";
import { DEMO_FILE, DIALECTS, testDatabase } from "./server_harness.ts";

async function openTestStorage(env: Record<string, string>): Promise<Storage & AsyncDisposable> {
  const storage = await openStorage(databaseLocation(env.DATABASE_URL, env.DATA_DIR));
  return { ...storage, [Symbol.asyncDispose]: () => storage.close() };
}

async function newSession(storage: Storage, bytes: Uint8Array, sha256: string): Promise<string> {
  const id = await insertSession(storage.db, {
    userId: LOCAL_USER_ID,
    fileName: "s.csv",
    sha256,
    bytes,
    format: "racechrono",
  });
  assert.ok(id);
  return id;
}

const LapCountKey = artifact<number>("lap-count-probe", "Number of laps (fixture)");
const DoubledKey = artifact<number>("lap-count-doubled", "Twice the number of laps (fixture)");

/** What the lap counter adds, from `plugins.json`. */
const counterSettings = defineSettings({
  offset: { type: "integer", description: "Added to the count", default: 0 },
});

/** Counts laps; version 2 adds 1000 and the setting `offset` adds itself, so a recomputation is visible. */
const lapCounter = (version: string): PluginManifest =>
  definePlugin({
    id: "lap-counter",
    version,
    sdk: "^1.0",
    description: "Fixture: counts laps.",
    settings: counterSettings,
    stages: [defineStage({
      id: "count-laps-probe",
      description: "Counts laps.",
      consumes: { laps: LapsKey },
      produces: { count: LapCountKey },
      run: (ctx, { laps }) => ({
        count: laps.length + (version.startsWith("2") ? 1000 : 0) + settingsOf(ctx, counterSettings).offset,
      }),
    })],
  });

/** Depends on the counter, so it must be recomputed when the counter changes. */
const doubler: PluginManifest = definePlugin({
  id: "lap-doubler",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Fixture: doubles the lap count.",
  stages: [defineStage({
    id: "double-laps-probe",
    description: "Doubles the lap count.",
    consumes: { count: LapCountKey },
    produces: { doubled: DoubledKey },
    run: (_ctx, { count }) => ({ doubled: 2 * count }),
  })],
});

const DataProbeKey = artifact<string | null>("data-probe", "The probe plugin's analysis data (fixture)");

/** Hands its stage what its store holds under `value/current` (or null), via `analysisData`. */
const dataProbe: PluginManifest = definePlugin({
  id: "data-probe",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Fixture: a stage that reads its plugin's analysis data.",
  analysisData: async (store) => (await store.get("value", "current"))?.value ?? null,
  stages: [defineStage({
    id: "read-data-probe",
    description: "Returns the plugin's analysis data.",
    consumes: { laps: LapsKey },
    produces: { data: DataProbeKey },
    run: (ctx) => ({ data: (ctx.settings.pluginData[ctx.plugin] ?? null) as string | null }),
  })],
});

/** Its analysis data cannot be read: its stage sees none, and nothing else is disturbed. */
const brokenData: PluginManifest = definePlugin({
  id: "broken-data",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Fixture: analysis data that throws.",
  analysisData: () => Promise.reject(new Error("store on fire")),
});

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `job queue: exactly-once claims, leases, fencing and back-off, on ${dialect}`,
    ignore,
    async fn(t) {
      await using db = await testDatabase(dialect);
      await using storage = await openTestStorage(db.env);
      const bytes = new TextEncoder().encode("x");

      await t.step("six concurrent claimers take 30 jobs, each exactly once", async () => {
        for (let i = 0; i < 30; i++) {
          await enqueueAnalysis(storage.db, await newSession(storage, bytes, `claim-${i}`), 5);
        }
        const claimed: number[] = [];
        await Promise.all(Array.from({ length: 6 }, async (_, w) => {
          while (true) {
            const claim = await claimNextJob(storage, `worker-${w}`, 60_000);
            if (!claim) return;
            claimed.push(claim.job.id);
            assert.ok(
              await finishJob(storage.db, claim, { status: "done", progressJson: null, error: null }),
            );
          }
        }));
        assert.equal(claimed.length, 30);
        assert.equal(new Set(claimed).size, 30);
      });

      // Time passing is simulated by moving the job's deadlines into the past: no timing in the test.
      const lapse = (id: number, column: "lease_until" | "run_after") =>
        storage.db.updateTable("jobs").set({ [column]: Date.now() - 1 }).where("id", "=", id).execute();

      await t.step("a lapsed lease passes the job on and fences the first worker out", async () => {
        await enqueueAnalysis(storage.db, await newSession(storage, bytes, "lease"), 5);
        const first = (await claimNextJob(storage, "slow", 60_000))!;
        assert.equal(
          await claimNextJob(storage, "eager", 60_000),
          null,
          "not claimable while the lease holds",
        );
        await lapse(first.job.id, "lease_until");
        const second = (await claimNextJob(storage, "eager", 60_000))!;
        assert.deepEqual([second.job.id, second.job.attempts], [first.job.id, 2]);
        assert.equal(await renewLease(storage.db, first, 60_000), false);
        assert.equal(
          await finishJob(storage.db, first, { status: "done", progressJson: null, error: null }),
          false,
        );
        assert.equal(
          await finishJob(storage.db, second, { status: "done", progressJson: null, error: null }),
          true,
        );
      });

      await t.step("a retried job waits for its back-off", async () => {
        await enqueueAnalysis(storage.db, await newSession(storage, bytes, "retry"), 5);
        const claim = (await claimNextJob(storage, "w", 60_000))!;
        assert.ok(await requeueJob(storage.db, claim, 60_000, "database hiccup"));
        assert.equal(await claimNextJob(storage, "w", 60_000), null);
        await lapse(claim.job.id, "run_after");
        const again = (await claimNextJob(storage, "w", 60_000))!;
        assert.deepEqual([again.job.id, again.job.attempts, again.job.error], [
          claim.job.id,
          2,
          "database hiccup",
        ]);
        assert.deepEqual([1, 2, 3, 10].map((n) => backoffMs(n, 1000, 60_000)), [1000, 2000, 4000, 60_000]);
      });
    },
  });

  Deno.test({
    name: `a job that keeps crashing is retried with back-off, then fails its session, on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      await using storage = await openTestStorage(db.env);
      const id = await newSession(storage, new TextEncoder().encode("x"), "crash");
      await enqueueAnalysis(storage.db, id, 3);
      const { registry } = await loadPlugins({ builtin: false });
      const crashing: Registry = {
        ...registry,
        stages: () => {
          throw new Error("planner exploded");
        },
      };
      const statuses: string[] = [];
      const events = createSessionEvents();
      events.subscribe(id, (e) => e.type === "status" && statuses.push(e.status));
      const worker = startWorker(
        { storage, registry: crashing, loadProblems: [], events },
        { leaseMs: 60_000, pollMs: 10, retryBaseMs: 1, retryMaxMs: 5 },
      );
      try {
        while (!statuses.includes("failed")) await new Promise((r) => setTimeout(r, 10));
      } finally {
        await worker.stop();
      }
      const job = await storage.db.selectFrom("jobs").selectAll().where("session_id", "=", id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([job.status, job.attempts], ["failed", 3]);
      assert.match(job.error!, /planner exploded/);
      const session = await storage.db.selectFrom("sessions").selectAll().where("id", "=", id)
        .executeTakeFirstOrThrow();
      assert.equal(session.status, "failed");
      assert.match(session.error!, /planner exploded/);
      assert.deepEqual(statuses, ["processing", "queued", "processing", "queued", "processing", "failed"]);
    },
  });

  Deno.test({
    name: `an analysis that ends while another of its session waits leaves the session queued, on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      await using storage = await openTestStorage(db.env);
      const { registry } = await loadPlugins({ sandbox: false });
      const id = await newSession(storage, await Deno.readFile(DEMO_FILE), "demo");
      const run = async () => {
        const claim = (await claimNextJob(storage, "w", 60_000))!;
        return await runAnalysisJob(
          { storage, registry, loadProblems: [], followUpJobs: [{ kind: "coach", maxAttempts: 1 }] },
          claim,
          new AbortController().signal,
          () => {},
        );
      };
      const sessionStatus = async () =>
        (await storage.db.selectFrom("sessions").select("status").where("id", "=", id)
          .executeTakeFirstOrThrow())
          .status;
      const coachJobs = async () =>
        (await storage.db.selectFrom("jobs").select("id").where("kind", "=", "coach").execute()).length;
      await enqueueAnalysis(storage.db, id, 3);
      await enqueueAnalysis(storage.db, id, 3); // the driver changed an input while the first waited
      assert.equal((await run()).status, "queued");
      assert.equal(await sessionStatus(), "queued", "not ready while the newer analysis waits");
      assert.equal(await coachJobs(), 0, "follow-up jobs wait for the last analysis");
      assert.equal((await run()).status, "ready");
      assert.equal(await sessionStatus(), "ready");
      assert.equal(await coachJobs(), 1);
    },
  });

  Deno.test({
    name: `a plugin's analysis data reaches its stage, and a change re-runs that stage only, on ${dialect}`,
    ignore,
    async fn() {
      await using db = await testDatabase(dialect);
      await using storage = await openTestStorage(db.env);
      const registry = createRegistry();
      for (const plugin of [...(await loadPlugins()).registry.plugins(), dataProbe, brokenData]) {
        registry.register(plugin);
      }
      const id = await newSession(storage, await Deno.readFile(DEMO_FILE), "demo");
      const logged: string[] = [];
      const originalError = console.error;
      const analyse = async () => {
        await enqueueAnalysis(storage.db, id, 5);
        const claim = (await claimNextJob(storage, "w", 60_000))!;
        let progress: JobProgress | null = null;
        console.error = (line: string) => logged.push(line);
        try {
          const outcome = await runAnalysisJob(
            { storage, registry, loadProblems: [] },
            claim,
            new AbortController().signal,
            (p) => (progress = p),
          );
          assert.equal(outcome.status, "ready");
        } finally {
          console.error = originalError;
        }
        const row = await storage.db.selectFrom("analysis_artifacts").select("content")
          .where("session_id", "=", id).where("artifact_id", "=", DataProbeKey.id).executeTakeFirstOrThrow();
        const ran = (progress as JobProgress | null)!.steps.filter((s) => s.stage !== "parse" && !s.reused);
        return { data: decodeArtifact(row.content), ran: ran.map((s) => s.stage) };
      };
      const store = pluginStore(storage.db, "data-probe");
      await store.put("value", "current", "first");
      assert.equal((await analyse()).data, "first");
      assert.ok(
        logged.some((l) => /plugin "broken-data" analysis data could not be read: store on fire/.test(l)),
      );
      assert.deepEqual((await analyse()).ran, [], "unchanged data: everything is reused");
      await store.put("value", "current", "second");
      const changed = await analyse();
      assert.deepEqual([changed.data, changed.ran], ["second", ["read-data-probe"]]);
      assert.deepEqual(
        await sessionsNeedingAnalysis(storage.db, pipelineSignature(registry, DEFAULT_SETTINGS)),
        [],
        "the data is not part of the pipeline signature: a change does not make every session stale",
      );
    },
  });

  Deno.test({
    name: `re-analysis reuses unchanged artifacts and recomputes a plugin upgrade's, on ${dialect}`,
    ignore,
    async fn(t) {
      await using db = await testDatabase(dialect);
      await using storage = await openTestStorage(db.env);
      const builtins = (await loadPlugins()).registry.plugins();
      const registryWith = (counterVersion: string): Registry => {
        const registry = createRegistry();
        for (const plugin of [...builtins, lapCounter(counterVersion), doubler]) registry.register(plugin);
        return registry;
      };
      const id = await newSession(storage, await Deno.readFile(DEMO_FILE), "demo");
      const analyse = async (registry: Registry, settings: RunSettings = DEFAULT_SETTINGS) => {
        await enqueueAnalysis(storage.db, id, 5);
        const claim = (await claimNextJob(storage, "w", 60_000))!;
        let progress: JobProgress | null = null;
        const outcome = await runAnalysisJob(
          { storage, registry, loadProblems: [], settings },
          claim,
          new AbortController().signal,
          (p) => (progress = p),
        );
        assert.equal(outcome.status, "ready");
        const steps = (progress as JobProgress | null)!.steps.filter((s) => s.stage !== "parse");
        const artifacts = new Map((await listArtifacts(storage.db, id)).map((a) => [a.artifact_id, a]));
        return {
          reused: steps.filter((s) => s.reused).map((s) => s.stage),
          ran: steps.filter((s) => !s.reused).map((s) => s.stage),
          artifacts,
        };
      };

      const first = await analyse(registryWith("1.0.0"));
      await t.step("the first analysis runs every stage", () => {
        assert.deepEqual(first.reused, []);
        assert.ok(first.ran.includes("count-laps-probe") && first.ran.includes("double-laps-probe"));
      });

      await t.step("the same plugins again reuse everything", async () => {
        const again = await analyse(registryWith("1.0.0"));
        assert.deepEqual(again.ran, []);
        assert.deepEqual(again.reused.sort(), [...first.ran].sort());
        for (const [id, row] of first.artifacts) {
          assert.equal(again.artifacts.get(id)?.created_at, row.created_at, id);
        }
      });

      await t.step("upgrading one plugin recomputes it and its dependants only", async () => {
        const upgraded = await analyse(registryWith("2.0.0"));
        assert.deepEqual(upgraded.ran.sort(), ["count-laps-probe", "double-laps-probe"]);
        const counter = upgraded.artifacts.get("lap-count-probe")!;
        assert.deepEqual([counter.plugin_id, counter.plugin_version], ["lap-counter", "2.0.0"]);
        assert.equal(upgraded.artifacts.get("laps")!.created_at, first.artifacts.get("laps")!.created_at);
        const row = await storage.db.selectFrom("analysis_artifacts").select("content")
          .where("session_id", "=", id).where("artifact_id", "=", "lap-count-doubled")
          .executeTakeFirstOrThrow();
        const laps = (await storage.db.selectFrom("sessions").select("summary_json").where("id", "=", id)
          .executeTakeFirstOrThrow()).summary_json!;
        assert.equal(decodeArtifact(row.content), 2 * (JSON.parse(laps).laps.length + 1000));
      });

      await t.step(
        "changing one plugin's settings makes the session stale and recomputes that plugin only",
        async () => {
          const registry = registryWith("2.0.0");
          const settings = { ...DEFAULT_SETTINGS, plugins: { "lap-counter": { offset: 7 } } };
          assert.deepEqual(
            await sessionsNeedingAnalysis(storage.db, pipelineSignature(registry, DEFAULT_SETTINGS)),
            [],
          );
          assert.deepEqual(await sessionsNeedingAnalysis(storage.db, pipelineSignature(registry, settings)), [
            id,
          ]);
          const changed = await analyse(registry, settings);
          assert.deepEqual(changed.ran.sort(), ["count-laps-probe", "double-laps-probe"]);
          assert.equal(changed.artifacts.get("laps")!.created_at, first.artifacts.get("laps")!.created_at);
          const row = await storage.db.selectFrom("analysis_artifacts").select("content")
            .where("session_id", "=", id).where("artifact_id", "=", "lap-count-probe")
            .executeTakeFirstOrThrow();
          const summary = (await storage.db.selectFrom("sessions").select("summary_json").where("id", "=", id)
            .executeTakeFirstOrThrow()).summary_json!;
          assert.equal(decodeArtifact(row.content), JSON.parse(summary).laps.length + 1000 + 7);
          assert.deepEqual(
            await sessionsNeedingAnalysis(storage.db, pipelineSignature(registry, settings)),
            [],
          );
        },
      );
    },
  });
}
