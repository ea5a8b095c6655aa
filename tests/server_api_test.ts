/**
 * The workbench API end to end, on SQLite and on PostgreSQL: upload, the
 * analysis streamed as server-sent events, laps checked against the truth
 * file, every registered artifact served, the named analysis endpoints,
 * thinning, ETags, lap tags, equipment, comparison, trends, plugin routes,
 * OpenAPI, health, and deletion.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DEMO_FILE,
  DIALECTS,
  getJson,
  readEvents,
  ROOT,
  sampleFile,
  SESSIONS_DIR,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

/** Largest difference between API lap times and the truth file's, s (measured: 0.03 s on barber-8laps). */
const LAP_TIME_TOLERANCE_S = 0.05;

interface Lap {
  number: number;
  time_s: number | null;
  included: boolean;
  complete: boolean;
  tags: string[];
  user_tags: string[];
  excluded_reason: string | null;
}

const json = (body: unknown, method = "PUT") => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `server API on ${dialect}`,
    ignore,
    async fn(t) {
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db, {}, [join(ROOT, "tests", "fixtures", "route_probe")]);
      const base = server.url;
      const file = await sampleFile("barber-8laps.csv");
      const truth = JSON.parse(await Deno.readTextFile(join(SESSIONS_DIR, "barber-8laps.csv.truth.json")));
      let id = "";
      let laps: Lap[] = [];

      await t.step("an upload creates a session whose analysis streams to ready", async () => {
        const response = await upload(base, [file]);
        assert.equal(response.status, 201);
        const body = await response.json();
        assert.equal(body.files[0].status, "created");
        id = body.session_ids[0];
        const events = await readEvents(`${base}/api/sessions/${id}/events`);
        const last = events.at(-1)!;
        assert.deepEqual([last.event, last.data.status], ["status", "ready"]);
        const progress = events.filter((e) => e.event === "progress").at(-1);
        assert.ok(progress, "at least one progress event");
        const steps = progress.data.steps as { stage: string; status: string }[];
        assert.ok(steps.some((s) => s.stage === "parse" && s.status === "done"));
        assert.equal(progress.data.finished, progress.data.total);
      });

      await t.step("the session carries its laps and best lap, matching the truth file", async () => {
        const session = await getJson(`${base}/api/sessions/${id}`);
        assert.equal(session.status, "ready");
        assert.equal(session.best_lap, truth.best_lap);
        assert.ok(
          Math.abs((session.best_lap_time_s as number) - truth.best_lap_time_s) <= LAP_TIME_TOLERANCE_S,
        );
        laps = await getJson<Lap[]>(`${base}/api/sessions/${id}/laps`);
        assert.deepEqual(laps, session.laps);
        const timed = laps.filter((l) => l.time_s !== null);
        const truthTimed = truth.laps.filter((l: { time_s: number | null }) => l.time_s !== null);
        assert.equal(timed.length, truthTimed.length);
        for (const lap of timed) {
          const expected = truthTimed.find((l: { number: number }) => l.number === lap.number);
          assert.ok(Math.abs(lap.time_s! - expected.time_s) <= LAP_TIME_TOLERANCE_S, `lap ${lap.number}`);
        }
        const job = session.job as { status: string; attempts: number };
        assert.deepEqual([job.status, job.attempts], ["done", 1]);
      });

      await t.step("re-uploading the same bytes returns the same session", async () => {
        const response = await upload(base, [{ ...file, name: "renamed.csv" }]);
        assert.equal(response.status, 200);
        const body = await response.json();
        assert.deepEqual(body.session_ids, [id]);
        assert.equal(body.files[0].status, "duplicate");
        assert.equal((await getJson(`${base}/api/sessions`)).total, 1);
      });

      await t.step("every registered artifact is served, or its absence is explained", async () => {
        const registered = await getJson<{ id: string }[]>(`${base}/api/artifacts`);
        const stored = (await getJson<{ id: string }[]>(`${base}/api/sessions/${id}/artifacts`)).map((a) =>
          a.id
        );
        for (const { id: artifact } of registered) {
          const response = await fetch(`${base}/api/sessions/${id}/artifacts/${artifact}?max_points=50`);
          const body = await response.json();
          if (stored.includes(artifact)) assert.equal(response.status, 200, artifact);
          else {assert.deepEqual(
              [response.status, body.error.code],
              [404, "artifact_not_available"],
              artifact,
            );}
        }
        for (const always of ["track", "laps", "distance-laps"]) assert.ok(stored.includes(always), always);
        const lapsArtifact = await getJson<{ number: number; timeS: number | null }[]>(
          `${base}/api/sessions/${id}/artifacts/laps`,
        );
        assert.deepEqual(lapsArtifact.map((l) => l.timeS !== null), laps.map((l) => l.time_s !== null));
        const session = await getJson<{ rows: number; channels: { speedMps: number[] } }>(
          `${base}/api/sessions/${id}/artifacts/session?max_points=100`,
        );
        // The GPS quality filter drops the truth file's two poor patches (100 of 27,580 rows on barber-8laps).
        assert.ok(session.rows <= truth.rows && session.rows >= 0.99 * truth.rows, `${session.rows} rows`);
        assert.ok(session.channels.speedMps.length <= 100);
      });

      await t.step(
        "named analysis endpoints serve their artifacts (or say which plugin is missing)",
        async () => {
          const registered = new Set(
            (await getJson<{ id: string }[]>(`${base}/api/artifacts`)).map((a) => a.id),
          );
          const best = laps.find((l) => l.number === truth.best_lap)!;
          const other = laps.find((l) => l.included && l.number !== best.number)!;
          const endpoints: [string, string[]][] = [
            ["corners", ["corners", "corner-kpis"]],
            ["corners/all-laps", ["corners", "corner-kpis"]],
            [`delta?comp=${other.number}`, ["delta"]],
            ["gains", ["gains"]],
            ["consistency", ["consistency"]],
            ["sectors", ["sectors"]],
            ["gps-quality", ["gps-quality"]],
          ];
          for (const [path, needs] of endpoints) {
            const response = await fetch(`${base}/api/sessions/${id}/${path}`);
            const body = await response.json();
            if (needs.every((n) => registered.has(n))) {
              assert.equal(response.status, 200, `${path}: ${JSON.stringify(body).slice(0, 200)}`);
            } else {
              assert.deepEqual([response.status, body.error.code], [404, "artifact_not_available"], path);
            }
          }
          if (registered.has("delta")) {
            const delta = await getJson(
              `${base}/api/sessions/${id}/delta?comp=${other.number}&max_points=200`,
            );
            assert.equal(delta.lap, other.number);
            assert.ok((delta.deltaS as number[]).length <= 200);
            assert.ok(Math.abs((delta.totalS as number) - (other.time_s! - best.time_s!)) < 1e-3);
            const missing = await fetch(`${base}/api/sessions/${id}/delta?comp=${other.number}&ref=9999`);
            assert.deepEqual([missing.status, (await missing.json()).error.code], [
              404,
              "delta_not_available",
            ]);
          }
          if (registered.has("corners")) {
            const corners = await getJson<{ lap: number; corners: { kpi: unknown }[] }>(
              `${base}/api/sessions/${id}/corners`,
            );
            assert.equal(corners.lap, truth.best_lap);
            assert.ok(corners.corners.length > 0 && corners.corners.every((c) => c.kpi !== null));
          }
        },
      );

      await t.step("a lap's channels are columnar and can be thinned", async () => {
        const full = await getJson<{ points: number; stepM: number; channels: Record<string, number[]> }>(
          `${base}/api/sessions/${id}/laps/${truth.best_lap}/data?channels=speedMps,timeS,longG`,
        );
        assert.deepEqual(Object.keys(full.channels), ["speedMps", "timeS", "longG"]);
        assert.equal(full.channels.speedMps.length, full.points);
        assert.ok(Math.abs(full.channels.timeS.at(-1)! - truth.best_lap_time_s) < 0.1);
        const thin = await getJson<{ points: number; stepM: number; channels: Record<string, number[]> }>(
          `${base}/api/sessions/${id}/laps/${truth.best_lap}/data?channels=speedMps&max_points=100`,
        );
        assert.ok(thin.points <= 100 && thin.channels.speedMps.length === thin.points);
        const stride = Math.round(thin.stepM / full.stepM);
        for (let i = 0; i < thin.points - 1; i++) {
          assert.equal(thin.channels.speedMps[i], full.channels.speedMps[i * stride]);
        }
        assert.equal(thin.channels.speedMps.at(-1), full.channels.speedMps.at(-1));
      });

      await t.step("a repeated artifact request is answered 304 from its ETag", async () => {
        const first = await fetch(`${base}/api/sessions/${id}/artifacts/laps`);
        await first.body?.cancel();
        const etag = first.headers.get("etag")!;
        assert.ok(etag);
        const second = await fetch(`${base}/api/sessions/${id}/artifacts/laps`, {
          headers: { "if-none-match": etag },
        });
        assert.equal(second.status, 304);
        await second.body?.cancel();
      });

      await t.step(
        "lap tags round-trip, sit beside the automatic tags, and re-run the analysis",
        async () => {
          const url = `${base}/api/sessions/${id}/laps/3/tags`;
          const lap3 = async () =>
            (await getJson<Lap[]>(`${base}/api/sessions/${id}/laps`)).find((l) => l.number === 3)!;
          const before = await lap3();
          assert.equal(before.included, true, "precondition: lap 3 counts");
          const save = async (tags: string[], analysis: string) => {
            const put = await fetch(url, json(tags));
            assert.equal(put.status, 200);
            assert.equal((await put.json()).analysis, analysis);
            assert.equal((await waitForStatus(base, id)).status, "ready");
          };
          await save(["traffic", "cold-tires"], "queued");
          assert.deepEqual((await getJson(url)).tags, ["traffic", "cold-tires"]);
          const tagged = await lap3();
          assert.deepEqual(tagged.user_tags, ["traffic", "cold-tires"]);
          assert.deepEqual([tagged.included, tagged.excluded_reason], [
            false,
            "you tagged it traffic, cold-tires",
          ]);
          assert.equal(tagged.time_s, before.time_s);
          await save(["traffic", "cold-tires"], "unchanged");
          await save(["rain"], "queued");
          assert.deepEqual([(await lap3()).included, (await lap3()).user_tags], [true, ["rain"]]);
          await save([], "queued");
          assert.deepEqual((await getJson(url)).tags, []);
          assert.deepEqual({ ...(await lap3()), user_tags: [] }, { ...before, user_tags: [] });
        },
      );

      await t.step(
        "equipment profiles are created and assigned; the optimal lap is solved for their car",
        async () => {
          const car = {
            mass_kg: 1400,
            power_w: 150000,
            cda_m2: 0.7,
            crr: 0.012,
            mu_lat: 1.1,
            mu_brake: 1.1,
            mu_accel: 0.9,
            rho: 1.2,
          };
          type Optimal = {
            vehicleSource: string;
            vehicle: { massKg: number; powerW: number };
            lapTimeS: number;
          };
          const optimal = () => getJson<Optimal>(`${base}/api/sessions/${id}/artifacts/optimal-profile`);
          const analysedAgain = async (response: Response, analysis: string) => {
            const body = await response.json();
            assert.equal(body.analysis, analysis);
            assert.equal((await waitForStatus(base, id)).status, "ready");
            return body;
          };
          const estimated = await optimal();
          assert.equal(estimated.vehicleSource, "estimated", "precondition: no car yet");

          const created = await fetch(
            `${base}/api/equipment/profiles`,
            json({ name: "Miata", vehicle: car, is_default: true }, "POST"),
          );
          assert.equal(created.status, 201);
          const profile = await created.json();
          assert.deepEqual([profile.name, profile.is_default, profile.vehicle.mass_kg], [
            "Miata",
            true,
            1400,
          ]);
          const clash = await fetch(`${base}/api/equipment/profiles`, json({ name: "Miata" }, "POST"));
          assert.deepEqual([clash.status, (await clash.json()).error.code], [409, "duplicate_name"]);

          const assigned = await analysedAgain(
            await fetch(`${base}/api/sessions/${id}/equipment`, json({ profile_id: profile.id })),
            "queued",
          );
          assert.equal(assigned.profile.id, profile.id);
          assert.equal((await getJson(`${base}/api/sessions/${id}`)).equipment_profile_id, profile.id);
          const given = await optimal();
          assert.deepEqual([given.vehicleSource, given.vehicle.massKg], ["given", 1400]);
          assert.notEqual(given.lapTimeS, estimated.lapTimeS);
          await analysedAgain(
            await fetch(`${base}/api/sessions/${id}/equipment`, json({ profile_id: profile.id })),
            "unchanged",
          );

          // Notes are not an input of the analysis; more power is, for every session with the profile.
          // (A PATCH's details replace the old ones, so the car is sent again.)
          const noted = await fetch(
            `${base}/api/equipment/profiles/${profile.id}`,
            json({ vehicle: car, notes: "new pads" }, "PATCH"),
          );
          const notedBody = await noted.json();
          assert.deepEqual([notedBody.notes, notedBody.reanalysed], ["new pads", []]);
          assert.equal((await getJson(`${base}/api/sessions/${id}`)).status, "ready");
          const tuned = await fetch(
            `${base}/api/equipment/profiles/${profile.id}`,
            json({ vehicle: { ...car, power_w: 250000 }, notes: "new pads" }, "PATCH"),
          );
          assert.equal(tuned.status, 200);
          assert.deepEqual((await tuned.json()).reanalysed, [id]);
          assert.equal((await waitForStatus(base, id)).status, "ready");
          const stronger = await optimal();
          assert.equal(stronger.vehicle.powerW, 250000);
          assert.ok(stronger.lapTimeS < given.lapTimeS, `${stronger.lapTimeS} < ${given.lapTimeS}`);

          const deleted = await fetch(`${base}/api/equipment/profiles/${profile.id}`, { method: "DELETE" });
          assert.equal(deleted.status, 200);
          assert.deepEqual(await deleted.json(), { deleted: profile.id, reanalysed: [id] });
          assert.equal((await waitForStatus(base, id)).status, "ready");
          assert.equal((await getJson(`${base}/api/sessions/${id}/equipment`)).profile, null);
          assert.deepEqual(await optimal(), estimated, "without a car the optimal lap is estimated again");
        },
      );

      await t.step("a new upload gets the default equipment profile", async () => {
        const created = await fetch(
          `${base}/api/equipment/profiles`,
          json({ name: "Track car", tires: { category: "r_compound" }, is_default: true }, "POST"),
        );
        const preset = await created.json();
        const response = await upload(base, [{ name: "tiny.csv", bytes: await Deno.readFile(DEMO_FILE) }]);
        const newId = (await response.json()).session_ids[0];
        assert.equal((await getJson(`${base}/api/sessions/${newId}`)).equipment_profile_id, preset.id);
        assert.equal((await waitForStatus(base, newId)).status, "ready");
        const removed = await fetch(`${base}/api/sessions/${newId}`, { method: "DELETE" });
        await removed.body?.cancel();
        const gone = await fetch(`${base}/api/equipment/profiles/${preset.id}`, { method: "DELETE" });
        assert.deepEqual(
          await gone.json(),
          { deleted: preset.id, reanalysed: [] },
          "no car on it, nothing to analyse",
        );
      });

      let demoId = "";
      await t.step("two sessions on one circuit compare best lap against best lap", async () => {
        const response = await upload(base, [{ name: "demo.csv", bytes: await Deno.readFile(DEMO_FILE) }]);
        demoId = (await response.json()).session_ids[0];
        const demo = await waitForStatus(base, demoId);
        assert.equal(demo.status, "ready");
        const comparison = await getJson(`${base}/api/sessions/${id}/compare/${demoId}?max_points=500`);
        const expected = (demo.best_lap_time_s as number) - truth.best_lap_time_s;
        assert.ok(Math.abs((comparison.best_lap_delta_s as number) - expected) <= 2 * LAP_TIME_TOLERANCE_S);
        const trace = (comparison.delta as { deltaS: number[] }).deltaS;
        assert.ok(trace.length <= 500);
        assert.ok(Math.abs(trace.at(-1)! - (comparison.best_lap_delta_s as number)) < 1e-9);
      });

      await t.step("tracks and trends list the caller's sessions on the circuit, oldest first", async () => {
        const tracks = await getJson<{ slug: string; sessions: number }[]>(`${base}/api/tracks`);
        assert.deepEqual(tracks.map((t) => [t.slug, t.sessions]), [[truth.track.slug, 2]]);
        const trends = await getJson<{ sessions: { session_date: string }[] }>(
          `${base}/api/trends/${truth.track.slug}`,
        );
        const dates = trends.sessions.map((s) => s.session_date);
        assert.equal(dates.length, 2);
        assert.deepEqual(dates, [...dates].sort());
      });

      await t.step("plugin routes are mounted, validated, and their errors mapped", async () => {
        const prefix = `${base}/api/plugins/route-probe/sessions`;
        const ok = await getJson(`${prefix}/${id}/laps/${truth.best_lap}/time?unit=ms`);
        assert.ok(
          Math.abs((ok.time as number) - truth.best_lap_time_s * 1000) <= LAP_TIME_TOLERANCE_S * 1000,
        );
        assert.deepEqual(ok.samples, [1, 2]);
        const cases: [string, number, string][] = [
          [`${prefix}/${id}/laps/999/time`, 404, "lap_not_found"],
          [`${prefix}/${id}/laps/3/time?unit=hours`, 422, "invalid_request"],
          [`${prefix}/nope/laps/3/time`, 404, "session_not_found"],
          [`${prefix}/${id}/broken`, 500, "plugin_route_failed"],
          [`${prefix}/${id}/things/x`, 404, "route_not_found"],
        ];
        for (const [url, status, code] of cases) {
          const response = await fetch(url);
          assert.deepEqual([response.status, (await response.json()).error.code], [status, code], url);
        }
        const plugins = await getJson<{ problems: { plugin: string; message: string }[] }>(
          `${base}/api/plugins`,
        );
        assert.ok(plugins.problems.some((p) => p.plugin === "route-probe" && /\{thing\}/.test(p.message)));
      });

      await t.step("the OpenAPI document lists the core and plugin routes", async () => {
        const doc = await getJson<{ paths: Record<string, Record<string, unknown>> }>(
          `${base}/api/openapi.json`,
        );
        for (
          const path of [
            "/api/sessions/upload",
            "/api/sessions/{id}/delta",
            "/api/sessions/{id}/laps/{lap}/tags",
          ]
        ) {
          assert.ok(doc.paths[path], path);
        }
        assert.ok(doc.paths["/api/plugins/route-probe/sessions/{session_id}/laps/{lap}/time"]?.get);
      });

      await t.step("health and readiness answer", async () => {
        assert.deepEqual(await getJson(`${base}/health`), { status: "ok" });
        assert.deepEqual(await getJson(`${base}/api/health`), { status: "ok" });
        assert.equal((await getJson(`${base}/api/ready`)).database, dialect);
      });

      await t.step("deleting a session removes it and everything stored with it", async () => {
        const response = await fetch(`${base}/api/sessions/${id}`, { method: "DELETE" });
        assert.equal(response.status, 204);
        assert.equal((await fetch(`${base}/api/sessions/${id}`)).status, 404);
        const db = server.storage.db;
        for (const table of ["session_files", "analysis_artifacts", "jobs", "lap_tags"] as const) {
          const rows = await db.selectFrom(table).select("session_id").where("session_id", "=", id).execute();
          assert.equal(rows.length, 0, table);
        }
        assert.equal((await getJson(`${base}/api/sessions`)).total, 1);
      });
    },
  });
}
