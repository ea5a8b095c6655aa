/**
 * Reports through the real `@anthropic-ai/sdk` client against the fake
 * Messages API on 127.0.0.1: every case ends ready or clearly failed.
 */
import assert from "node:assert/strict";
import type { CoachModelSettings } from "../../sdk/mod.ts";
import { startFakeClaude, textEvents, toolUseEvents } from "./_fake_claude.ts";
import { testInputs } from "./_test_inputs.ts";
import { claudeReport, REPORT_TOOL } from "./claude_report.ts";
import { writeCoachingReport } from "./coach.ts";
import { buildCoachingContext } from "./context.ts";
import { costUsd, usageOf } from "./pricing.ts";
import { priorityCorners } from "./priorities.ts";
import { renderPromptContext } from "./prompt_context.ts";
import { reportErrors } from "./report_schema.ts";

const context = buildCoachingContext(testInputs())!;
const profile = { skill: "intermediate" as const };
const [first, second, third] = priorityCorners(context, "intermediate");

/** A draft quoting only numbers of the context. */
const validDraft = () => ({
  summary: `Solid T2. The most time is at ${first.label}: ${first.timeOnTableS.toFixed(2)} s per lap.`,
  priority_corners: [first, second, third].map((c) => ({
    corner: c.label,
    what: `Minimum speed median ${c.minSpeedKmh.median.toFixed(1)} km/h against a best of ${
      c.minSpeedKmh.best.toFixed(1)
    } km/h.`,
    how: "Release the brake a little earlier and let the car roll to the apex.",
  })),
  drills: [{
    corner: first.label,
    title: "Apex speed",
    how: "Three laps aiming for your best minimum speed.",
  }],
});

const settings = (baseUrl: string, extra: Partial<CoachModelSettings> = {}): CoachModelSettings => ({
  apiKey: "test-key",
  baseUrl,
  maxRetries: 0,
  timeoutMs: 5_000,
  idleTimeoutMs: 5_000,
  ...extra,
});

Deno.test("a valid report: the tool's input becomes the report, with the engine's times and grades", async () => {
  await using fake = startFakeClaude({ kind: "stream", events: toolUseEvents(REPORT_TOOL, validDraft()) });
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "ready");
  if (outcome.status !== "ready") return;
  assert.equal(outcome.report.source, "claude");
  assert.deepEqual(reportErrors(outcome.report, context), []);
  assert.equal(outcome.report.priority_corners[0].time_s, Math.round(first.timeOnTableS * 100) / 100);
  assert.deepEqual(
    outcome.report.corner_grades.map((g) => g.min_speed),
    context.corners.map((c) => c.grades.minSpeed),
  );
  assert.deepEqual(outcome.untraceable, []);
  assert.equal(outcome.attempts, 1);
  // The fake reports 1200 input and 400 output tokens.
  assert.deepEqual(outcome.usage, usageOf({ input_tokens: 1200, output_tokens: 400 }));
  assert.equal(outcome.costUsd, costUsd("claude-haiku-4-5", outcome.usage));
  // What was sent: the default model, the forced tool, the context.
  const sent = fake.requests[0].body;
  assert.equal(sent.model, "claude-haiku-4-5");
  assert.equal(sent.stream, true);
  assert.deepEqual(sent.tool_choice, { type: "tool", name: REPORT_TOOL });
  const user = (sent.messages as { content: string }[])[0].content;
  assert.ok(user.startsWith(renderPromptContext(context, profile)));
  assert.ok(
    ["authorization", "x-api-key"].some((h) => fake.requests[0].headers.get(h)?.includes("test-key")),
  );
});

Deno.test("an invalid report is sent back once with its errors, then the valid retry is kept", async () => {
  const invalid = validDraft();
  invalid.priority_corners.reverse();
  invalid.summary = "You could gain 7.77 s.";
  await using fake = startFakeClaude(
    { kind: "stream", events: toolUseEvents(REPORT_TOOL, invalid) },
    { kind: "stream", events: toolUseEvents(REPORT_TOOL, validDraft()) },
  );
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "ready");
  assert.equal(outcome.attempts, 2);
  assert.deepEqual(outcome.usage, usageOf({ input_tokens: 2400, output_tokens: 800 }), "both calls counted");
  const retry = fake.requests[1].body.messages as { role: string; content: unknown }[];
  assert.equal(retry.length, 3);
  assert.equal(retry[1].role, "assistant");
  const result =
    (retry[2].content as { type: string; is_error: boolean; content: string; tool_use_id: string }[])[0];
  assert.equal(result.type, "tool_result");
  assert.equal(result.is_error, true);
  assert.equal(result.tool_use_id, "toolu_fake_1");
  assert.match(result.content, new RegExp(`priority_corners\\[0\\]\\.corner: must be "${first.label}"`));
});

Deno.test("a report that fails validation twice ends failed with the reason", async () => {
  await using fake = startFakeClaude(
    { kind: "stream", events: textEvents("I think you drove well!") },
    { kind: "stream", events: toolUseEvents(REPORT_TOOL, { summary: "" }) },
  );
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "failed");
  if (outcome.status !== "failed") return;
  assert.match(outcome.error, /^Claude's report failed validation twice:/);
  assert.match(outcome.error, /summary: must not be empty/);
  assert.match(outcome.error, /priority_corners: is missing/);
  assert.equal(outcome.retryable, false);
  assert.equal(outcome.attempts, 2);
});

Deno.test("numbers still invented after the retry are flagged, not hidden", async () => {
  const invented = validDraft();
  invented.priority_corners[1].how = "Brake 13.7 m later.";
  await using fake = startFakeClaude(
    { kind: "stream", events: toolUseEvents(REPORT_TOOL, invented) },
    { kind: "stream", events: toolUseEvents(REPORT_TOOL, invented) },
  );
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "ready");
  if (outcome.status !== "ready") return;
  assert.deepEqual(outcome.untraceable, [{ path: "priority_corners[1].how", value: "13.7" }]);
  assert.equal(outcome.attempts, 2);
});

Deno.test("a 429 with retry-after is waited out by the SDK and the retry succeeds", async () => {
  await using fake = startFakeClaude(
    { kind: "error", status: 429, headers: { "retry-after": "1" } },
    { kind: "stream", events: toolUseEvents(REPORT_TOOL, validDraft()) },
  );
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl, { maxRetries: 1 }));
  assert.equal(outcome.status, "ready");
  assert.equal(fake.requests.length, 2);
});

Deno.test("a 429 that persists ends failed, retryable, with the requested wait", async () => {
  await using fake = startFakeClaude({ kind: "error", status: 429, headers: { "retry-after": "30" } });
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "failed");
  if (outcome.status !== "failed") return;
  assert.match(outcome.error, /rate-limiting this API key \(HTTP 429\); it asks to wait 30 s/);
  assert.equal(outcome.retryable, true);
  assert.equal(outcome.retryAfterMs, 30_000);
});

Deno.test("a 500 ends failed and retryable", async () => {
  await using fake = startFakeClaude({ kind: "error", status: 500, message: "internal trouble" });
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "failed");
  if (outcome.status !== "failed") return;
  assert.match(outcome.error, /Claude's API failed \(HTTP 500\)/);
  assert.equal(outcome.retryable, true);
});

Deno.test("a request that is never answered times out and ends failed", async () => {
  await using fake = startFakeClaude({ kind: "hang" });
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl, { timeoutMs: 300 }));
  assert.equal(outcome.status, "failed");
  if (outcome.status !== "failed") return;
  assert.match(outcome.error, /did not answer within 0\.3 s/);
  assert.equal(outcome.retryable, true);
});

Deno.test("a stream cut mid-way ends failed", async () => {
  const events = toolUseEvents(REPORT_TOOL, validDraft()).slice(0, 5);
  await using fake = startFakeClaude({ kind: "stream-then-cut", events });
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "failed");
  if (outcome.status !== "failed") return;
  assert.match(outcome.error, /broke off mid-answer/);
  assert.equal(outcome.retryable, true);
});

Deno.test("a stream that goes silent mid-way is aborted and ends failed", async () => {
  const events = toolUseEvents(REPORT_TOOL, validDraft()).slice(0, 5);
  await using fake = startFakeClaude({ kind: "stream-then-silence", events });
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl, { idleTimeoutMs: 200 }));
  assert.equal(outcome.status, "failed");
  if (outcome.status !== "failed") return;
  assert.match(outcome.error, /stopped arriving: nothing for 0\.2 s/);
});

Deno.test("a refused key ends failed, not retryable", async () => {
  await using fake = startFakeClaude({ kind: "error", status: 401 });
  const outcome = await claudeReport(context, profile, settings(fake.baseUrl));
  assert.equal(outcome.status, "failed");
  if (outcome.status !== "failed") return;
  assert.match(outcome.error, /refused the API key \(HTTP 401\)/);
  assert.equal(outcome.retryable, false);
});

Deno.test("writeCoachingReport: offline without settings, offline fallback when Claude fails", async () => {
  const offline = await writeCoachingReport(context, { profile, model: null });
  assert.equal(offline.status, "ready");
  if (offline.status === "ready") assert.equal(offline.report.source, "offline");
  assert.equal(offline.costUsd, 0);
  await using fake = startFakeClaude({ kind: "error", status: 500 });
  const failed = await writeCoachingReport(context, { profile, model: settings(fake.baseUrl) });
  assert.equal(failed.status, "failed");
  if (failed.status === "failed") {
    assert.equal(failed.fallback.source, "offline");
    assert.deepEqual(reportErrors(failed.fallback, context), []);
  }
});
