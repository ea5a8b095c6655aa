/**
 * The coaching service through the server, on SQLite and PostgreSQL, with
 * the real `@anthropic-ai/sdk` client talking to the fake Messages API on
 * 127.0.0.1 (never the internet): the report written after the analysis,
 * token use and cost recorded, the chat streamed as server-sent events and
 * stored, the topic guardrail, the daily budget, a failing model (failed
 * with the reason and the offline fallback, never stuck), regeneration, and
 * the offline coach when no API key is set.
 */

import assert from "node:assert/strict";
import { costUsd } from "../plugins/coaching/pricing.ts";
import { reportForPrompt, startFakeClaude, textEvents } from "../plugins/coaching/_fake_claude.ts";
import {
  DIALECTS,
  getJson,
  sampleFile,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

interface ReportResponse {
  status: string;
  report:
    | { source: string; priority_corners: { corner: string; time_s: number }[]; corner_grades: unknown[] }
    | null;
  fallback: { source: string } | null;
  error: string | null;
  note: string | null;
  model: string | null;
  usage: { input_tokens: number; output_tokens: number; cost_usd: number | null };
}

/** Polls the report until it is ready or failed. */
async function settledReport(url: string): Promise<ReportResponse> {
  for (let i = 0; i < 600; i++) {
    const body = await getJson<ReportResponse>(url);
    if (body.status === "ready" || body.status === "failed") return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`report at ${url} never settled`);
}

/** POSTs a question and reads the server-sent events of the answer. */
async function ask(base: string, id: string, question: string) {
  const response = await fetch(`${base}/api/coaching/${id}/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /text\/event-stream/);
  const blocks = (await response.text()).split("\n\n").filter((b) => b.includes("data:"));
  return blocks.map((block) => {
    const field = (name: string) =>
      block.split("\n").find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
    return { event: field("event")!, data: JSON.parse(field("data")!) };
  });
}

const post = (url: string, body: unknown, method = "POST") =>
  fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

for (const { dialect, ignore } of DIALECTS) {
  Deno.test({
    name:
      `coaching through the server (${dialect}): report after analysis, chat, budget, failure, regenerate`,
    ignore,
    sanitizeResources: false,
    sanitizeOps: false,
    async fn() {
      await using fake = startFakeClaude(
        reportForPrompt("Consistent braking everywhere; the biggest gain is in the first priority corner."),
      );
      await using db = await testDatabase(dialect);
      await using server = await startTestServer(db, {
        ANTHROPIC_API_KEY: "test-key",
        ANTHROPIC_BASE_URL: fake.baseUrl,
      });
      const base = server.url;
      const uploaded = await (await upload(base, [await sampleFile("barber-8laps.csv")])).json();
      const id = uploaded.session_ids[0] as string;
      await waitForStatus(base, id);
      const reportUrl = `${base}/api/coaching/${id}/report`;

      // The report written by Claude (the fake) after the analysis.
      const report = await settledReport(reportUrl);
      assert.equal(report.status, "ready", JSON.stringify(report));
      assert.equal(report.report!.source, "claude");
      assert.equal(report.report!.priority_corners.length, 3);
      assert.ok(report.report!.corner_grades.length > 0);
      assert.deepEqual(
        { input: report.usage.input_tokens, output: report.usage.output_tokens },
        { input: 1200, output: 400 },
        "the fake's usage",
      );
      const usage = { inputTokens: 1200, outputTokens: 400, cacheWriteTokens: 0, cacheReadTokens: 0 };
      assert.equal(report.usage.cost_usd, costUsd("claude-haiku-4-5", usage));
      const settings = await getJson<{ spent_today_usd: number; online: boolean }>(
        `${base}/api/coaching/settings`,
      );
      assert.equal(settings.online, true);
      assert.ok(Math.abs(settings.spent_today_usd - report.usage.cost_usd!) < 1e-12);
      const reportCalls = fake.requests.length;

      // The chat streams Claude's answer and stores the exchange.
      fake.reply({
        kind: "stream",
        events: textEvents("Brake at your usual marker and roll more speed to the apex.", 4),
      });
      const events = await ask(base, id, "How do I get faster in the first priority corner?");
      assert.equal(events[0].event, "start");
      assert.equal(events[0].data.source, "claude");
      const deltas = events.filter((e) => e.event === "delta").map((e) => e.data.text as string);
      assert.ok(deltas.length >= 2);
      assert.equal(deltas.join(""), "Brake at your usual marker and roll more speed to the apex.");
      assert.equal(events.at(-1)!.event, "done");
      const sent = fake.requests.at(-1)!.body as { system: string };
      assert.ok(sent.system.includes("PRIORITY CORNERS"), "the chat sees the session's context");
      const history = await getJson<{ messages: { role: string; content: string }[] }>(
        `${base}/api/coaching/${id}/chat`,
      );
      assert.deepEqual(history.messages.map((m) => m.role), ["user", "assistant"]);

      // Off-topic: refused by the guardrail, no model call.
      const calls = fake.requests.length;
      const refused = await ask(base, id, "Give me a recipe for pancakes");
      assert.equal(refused.at(-1)!.data.refused, true);
      assert.equal(fake.requests.length, calls);

      // A model failure ends the regenerated report as failed, with the reason and the offline fallback.
      fake.reply({ kind: "error", status: 500, message: "fake outage" }, { kind: "error", status: 500 }, {
        kind: "error",
        status: 500,
      });
      assert.equal((await post(reportUrl, {})).status, 202);
      const failed = await settledReport(reportUrl);
      assert.equal(failed.status, "failed");
      assert.match(failed.error!, /HTTP 500/);
      assert.equal(failed.fallback!.source, "offline");

      // A spent budget: the offline coach writes the report, with a note, and no model is called.
      assert.equal((await post(`${base}/api/coaching/settings`, { daily_budget_usd: 0 }, "PUT")).status, 200);
      const before = fake.requests.length;
      assert.equal((await post(reportUrl, {})).status, 202);
      const offline = await settledReport(reportUrl);
      assert.equal(offline.status, "ready");
      assert.equal(offline.report!.source, "offline");
      assert.match(offline.note!, /budget/);
      assert.equal(fake.requests.length, before);
      assert.ok(reportCalls >= 1);

      // Another skill level is its own report.
      const novice = await settledReport(`${reportUrl}?skill_level=novice`);
      assert.equal(novice.status, "ready");
      assert.ok(novice.report!.priority_corners.length <= 2, "novices get at most 2 priorities");

      // Bad input is a 4xx.
      assert.equal((await post(`${base}/api/coaching/${id}/chat`, { question: "" })).status, 422);
      assert.equal((await fetch(`${reportUrl}?skill_level=expert`)).status, 422);
      assert.equal((await fetch(`${base}/api/coaching/nope/report`)).status, 404);
    },
  });
}

Deno.test({
  name: "without an API key the server coaches offline",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await using db = await testDatabase("sqlite");
    await using server = await startTestServer(db);
    const base = server.url;
    const id = (await (await upload(base, [await sampleFile("roebling-6laps.csv")])).json()).session_ids[0];
    await waitForStatus(base, id);
    const report = await settledReport(`${base}/api/coaching/${id}/report`);
    assert.equal(report.status, "ready");
    assert.equal(report.report!.source, "offline");
    assert.equal(report.model, null);
    const events = await ask(base, id, "What should I work on?");
    assert.equal(events[0].data.source, "offline");
    assert.ok(events.some((e) => e.event === "delta"));
    const settings = await getJson<{ online: boolean; spent_today_usd: number }>(
      `${base}/api/coaching/settings`,
    );
    assert.deepEqual([settings.online, settings.spent_today_usd], [false, 0]);
  },
});
