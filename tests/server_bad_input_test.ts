/**
 * Bad input never crashes the server and never leaves anything half
 * written: empty, unknown, truncated and oversized files, malformed
 * multipart bodies, unknown ids and invalid parameters each get a 4xx with
 * `{error: {code, message, details}}`, on SQLite and on PostgreSQL; the
 * database afterwards holds exactly the sessions that were accepted.
 */

import assert from "node:assert/strict";
import { ANALYZE_JOB } from "../kernel/jobs/queue.ts";
import {
  DEMO_FILE,
  DIALECTS,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

const text = (s: string) => new TextEncoder().encode(s);

/** Expects a JSON error with this status and code; returns it. */
async function expectError(response: Response, status: number, code: string) {
  const body = await response.json();
  assert.equal(response.status, status, JSON.stringify(body));
  assert.equal(body.error?.code, code, JSON.stringify(body));
  assert.equal(typeof body.error.message, "string");
  assert.ok("details" in body.error);
  return body.error;
}

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name: `bad input gets clear 4xx errors and stores nothing, on ${dialect}`,
    ignore,
    async fn(t) {
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db, { MAX_UPLOAD_MB: "4" });
      const base = server.url;
      const demo = await Deno.readFile(DEMO_FILE);
      const counts = async () => {
        const q = server.storage.db;
        const n = async (table: "sessions" | "session_files" | "analysis_artifacts") =>
          Number(
            (await q.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n,
          );
        const analysisJobs = await q.selectFrom("jobs").select("id").where("kind", "=", ANALYZE_JOB)
          .execute();
        return {
          sessions: await n("sessions"),
          files: await n("session_files"),
          jobs: analysisJobs.length,
          artifacts: await n("analysis_artifacts"),
        };
      };

      await t.step("files that cannot be analysed are refused with the reason", async () => {
        await expectError(
          await upload(base, [{ name: "zero.csv", bytes: new Uint8Array(0) }]),
          422,
          "empty_file",
        );
        const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
        const notLog = await expectError(
          await upload(base, [{ name: "photo.png", bytes: png }]),
          422,
          "unsupported_format",
        );
        assert.match(notLog.message, /not a supported logger file/);
        await expectError(
          await upload(base, [{ name: "blank.csv", bytes: text("\n\n   \n") }]),
          422,
          "unsupported_format",
        );
        // Cut inside the header: the format is recognised but there is no data to read.
        const headerOnly = demo.subarray(0, demo.indexOf(0x0a, 400) + 1);
        const cut = await expectError(
          await upload(base, [{ name: "cut.csv", bytes: headerOnly }]),
          422,
          "unreadable_file",
        );
        assert.ok(cut.details.files[0].problems.length > 0, "the format's diagnostics are returned");
      });

      await t.step("a file over the size limit is refused with 413", async () => {
        const big = new Uint8Array(5 * 1024 * 1024); // a readable file padded past the 4 MB limit
        big.set(demo);
        await expectError(await upload(base, [{ name: "big.csv", bytes: big }]), 413, "file_too_large");
        const huge = new Uint8Array(10 * 1024 * 1024);
        await expectError(await upload(base, [{ name: "huge.csv", bytes: huge }]), 413, "request_too_large");
      });

      await t.step("plugin routes, even public ones, refuse bodies over the request limit", async () => {
        // The sharing plugin's public comparison upload: refused before its handler reads anything.
        const url = `${base}/api/plugins/sharing/shared/no-such-token/compare`;
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(10 * 1024 * 1024)]), "huge.csv");
        await expectError(await fetch(url, { method: "POST", body: form }), 413, "request_too_large");
        // Streamed without a length, so only counting the bytes can stop it.
        const chunk = new Uint8Array(1024 * 1024);
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ < 12) controller.enqueue(chunk);
            else controller.close();
          },
        });
        const streamed = await fetch(url, {
          method: "POST",
          body: stream,
          headers: { "content-type": "multipart/form-data; boundary=x" },
        });
        await expectError(streamed, 413, "request_too_large");
        const json = await fetch(`${base}/api/plugins/sharing/links`, {
          method: "POST",
          body: `{"pad":"${"x".repeat(10 * 1024 * 1024)}"}`,
          headers: { "content-type": "application/json" },
        });
        await expectError(json, 413, "request_too_large");
      });

      await t.step("one bad file in a multi-file upload stores none of them", async () => {
        const error = await expectError(
          await upload(base, [{ name: "good.csv", bytes: demo }, {
            name: "zero.csv",
            bytes: new Uint8Array(0),
          }]),
          422,
          "empty_file",
        );
        assert.deepEqual(error.details.files.map((f: { status: string }) => f.status), [
          "accepted",
          "rejected",
        ]);
      });

      await t.step("malformed requests are refused", async () => {
        const url = `${base}/api/sessions/upload`;
        await expectError(
          await fetch(url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
          415,
          "unsupported_media_type",
        );
        await expectError(
          await fetch(url, {
            method: "POST",
            body: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\nabc',
            headers: { "content-type": "multipart/form-data; boundary=x" },
          }),
          400,
          "malformed_multipart",
        );
        await expectError(
          await fetch(url, {
            method: "POST",
            body: "garbage",
            headers: { "content-type": "multipart/form-data" },
          }),
          400,
          "malformed_multipart",
        );
        const noFiles = new FormData();
        noFiles.append("other", "x");
        await expectError(await fetch(url, { method: "POST", body: noFiles }), 400, "no_files");
        const textField = new FormData();
        textField.append("files", "not a file");
        await expectError(await fetch(url, { method: "POST", body: textField }), 400, "not_a_file");
      });

      await t.step("nothing was stored by any refused upload", async () => {
        assert.deepEqual(await counts(), { sessions: 0, files: 0, jobs: 0, artifacts: 0 });
      });

      let id = "";
      await t.step("a file cut in the middle of its data is analysed, the cut row reported", async () => {
        const cutMidData = demo.subarray(0, Math.floor(demo.length * 0.6) + 7);
        const response = await upload(base, [{ name: "cut-mid.csv", bytes: cutMidData }]);
        assert.equal(response.status, 201);
        id = (await response.json()).session_ids[0];
        assert.equal((await waitForStatus(base, id)).status, "ready");
        const { diagnostics } = await (await fetch(`${base}/api/sessions/${id}/diagnostics`)).json();
        assert.ok(
          diagnostics.some((d: { message: string; line?: number }) =>
            d.line !== undefined && /truncat|cut|short|field/i.test(d.message)
          ),
          JSON.stringify(diagnostics.slice(0, 5)),
        );
      });

      await t.step("unknown ids are 404s", async () => {
        const unknown = crypto.randomUUID();
        for (
          const path of [
            "",
            "/laps",
            "/laps/1/data",
            "/corners",
            "/artifacts/laps",
            "/file",
            "/events",
            "/compare/" + id,
          ]
        ) {
          await expectError(await fetch(`${base}/api/sessions/${unknown}${path}`), 404, "session_not_found");
        }
        await expectError(
          await fetch(`${base}/api/sessions/${unknown}`, { method: "DELETE" }),
          404,
          "session_not_found",
        );
        await expectError(
          await fetch(`${base}/api/sessions/${id}/artifacts/no-such-artifact`),
          404,
          "artifact_not_available",
        );
        await expectError(await fetch(`${base}/api/sessions/${id}/laps/999/data`), 404, "lap_not_found");
        await expectError(await fetch(`${base}/api/sessions/${id}/laps/999/tags`), 404, "lap_not_found");
        await expectError(await fetch(`${base}/api/equipment/profiles/${unknown}`), 404, "profile_not_found");
        await expectError(await fetch(`${base}/api/no/such/route`), 404, "route_not_found");
      });

      await t.step("invalid query parameters and bodies are 422s naming the field", async () => {
        const cases = [
          "/api/sessions?limit=0",
          "/api/sessions?limit=abc",
          "/api/sessions?offset=-1",
          "/api/sessions?status=bogus",
          `/api/sessions/${id}/laps/x/data`,
          `/api/sessions/${id}/laps/1/data?max_points=1`,
          `/api/sessions/${id}/laps/1/data?channels=speedMps,warpFactor`,
          `/api/sessions/${id}/delta`,
          `/api/sessions/${id}/delta?comp=2&ref=abc`,
          `/api/sessions/${id}/corners?lap=-3`,
          `/api/trends/x?include_low_quality=maybe`,
        ];
        for (const path of cases) {
          const response = await fetch(`${base}${path}`);
          const body = await response.json();
          if (response.status === 404 && body.error.code === "artifact_not_available") continue; // plugin not installed
          assert.deepEqual([response.status, body.error.code], [422, "invalid_request"], path);
        }
        const put = (path: string, body: string) =>
          fetch(`${base}${path}`, { method: "PUT", body, headers: { "content-type": "application/json" } });
        const invalid = await expectError(
          await put(`/api/sessions/${id}/laps/2/tags`, `["ok", 5, ""]`),
          422,
          "invalid_request",
        );
        assert.deepEqual(invalid.details.issues.map((i: { path: string }) => i.path), ["body[1]", "body[2]"]);
        await expectError(await put(`/api/sessions/${id}/laps/2/tags`, `["a", "a"]`), 422, "invalid_request");
        await expectError(await put(`/api/sessions/${id}/laps/2/tags`, `[not json`), 400, "malformed_json");
        const post = (body: unknown) =>
          fetch(`${base}/api/equipment/profiles`, {
            method: "POST",
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          });
        await expectError(await post({}), 422, "invalid_request");
        await expectError(await post({ name: "x", vehicle: { mass_kg: -1 } }), 422, "invalid_request");
        await expectError(await post({ name: "x", colour: "red" }), 422, "invalid_request");
        await expectError(
          await put(`/api/sessions/${id}/equipment`, JSON.stringify({ profile_id: "nope" })),
          422,
          "invalid_request",
        );
      });

      await t.step("the database holds the one accepted session, complete", async () => {
        const { artifacts, ...rows } = await counts();
        assert.deepEqual(rows, { sessions: 1, files: 1, jobs: 1 });
        assert.ok(artifacts > 0);
        const tags = await server.storage.db.selectFrom("lap_tags").selectAll().execute();
        const profiles = await server.storage.db.selectFrom("equipment_profiles").selectAll().execute();
        assert.deepEqual([tags.length, profiles.length], [0, 0]);
      });
    },
  });
}
