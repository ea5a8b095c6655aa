/**
 * The chat through the real `@anthropic-ai/sdk` client against the fake
 * Messages API on 127.0.0.1, the guardrail, and the offline coach's answers.
 */
import assert from "node:assert/strict";
import { startFakeClaude, textEvents } from "./_fake_claude.ts";
import { testInputs } from "./_test_inputs.ts";
import type { AnswerOutcome, ChatMessage, CoachModelSettings, CoachQuestion } from "../../sdk/mod.ts";
import { MAX_HISTORY_MESSAGES } from "./chat.ts";
import { ClaudeCallError } from "./claude_client.ts";
import { answerQuestion } from "./coach.ts";
import { buildCoachingContext } from "./context.ts";
import { OFF_TOPIC_REPLY } from "./guardrail.ts";
import { offlineReport } from "./offline_coach.ts";
import { renderPromptContext } from "./prompt_context.ts";

const context = buildCoachingContext(testInputs())!;
const report = offlineReport(context, "intermediate");
const settings = (baseUrl: string): CoachModelSettings => ({
  apiKey: "test-key",
  baseUrl,
  maxRetries: 0,
  idleTimeoutMs: 2_000,
});

const question = (
  q: string,
  model: CoachModelSettings | null,
  history: ChatMessage[] = [],
): CoachQuestion => ({
  context,
  profile: { skill: "intermediate" },
  report,
  history,
  question: q,
  model,
});

/** Every delta, and the outcome (or the error thrown after the deltas). */
async function collect(answer: AsyncGenerator<string, AnswerOutcome>) {
  const deltas: string[] = [];
  try {
    for (;;) {
      const next = await answer.next();
      if (next.done) return { deltas, outcome: next.value, error: null };
      deltas.push(next.value);
    }
  } catch (error) {
    return { deltas, outcome: null, error };
  }
}

Deno.test("an answer streams as text deltas, with the context, the report and the recent history", async () => {
  const text = "Your T3 brake point moves by 8.7 m from lap to lap; pick one marker.";
  await using fake = startFakeClaude({ kind: "stream", events: textEvents(text, 5) });
  const history: ChatMessage[] = Array.from({ length: 20 }, (_, i) => ({
    role: i % 2 === 0 ? "user" : "assistant",
    content: `message ${i}`,
  }));
  const { deltas, outcome } = await collect(
    answerQuestion(question("Why is T3 slow?", settings(fake.baseUrl), history)),
  );
  assert.ok(deltas.length >= 4, `${deltas.length} deltas`);
  assert.equal(deltas.join(""), text);
  assert.equal(outcome!.source, "claude");
  assert.equal(outcome!.usage.outputTokens, 60);
  const sent = fake.requests[0].body as {
    system: string;
    messages: ChatMessage[];
    stream: boolean;
    max_tokens: number;
  };
  assert.equal(sent.stream, true);
  assert.equal(sent.max_tokens, 768);
  assert.ok(sent.system.includes(renderPromptContext(context, { skill: "intermediate" })));
  assert.ok(sent.system.includes(JSON.stringify(report)));
  assert.ok(sent.system.includes(OFF_TOPIC_REPLY), "the topic rule is in the system prompt");
  assert.deepEqual(sent.messages.slice(0, -1), history.slice(-MAX_HISTORY_MESSAGES));
  assert.deepEqual(sent.messages.at(-1), { role: "user", content: "Why is T3 slow?" });
});

Deno.test("an off-topic question is refused without calling the model", async () => {
  await using fake = startFakeClaude();
  const { deltas, outcome } = await collect(
    answerQuestion(question("Give me a recipe for lasagne", settings(fake.baseUrl))),
  );
  assert.deepEqual(deltas, [OFF_TOPIC_REPLY]);
  assert.equal(outcome!.refused, true);
  assert.equal(fake.requests.length, 0);
});

Deno.test("an answer cut mid-way yields what arrived, then a clear error", async () => {
  const events = textEvents("Brake earlier into T3 and keep the line tight through the apex.", 6).slice(0, 5);
  await using fake = startFakeClaude({ kind: "stream-then-cut", events });
  const { deltas, error } = await collect(
    answerQuestion(question("How do I fix T3?", settings(fake.baseUrl))),
  );
  assert.ok(deltas.length >= 1);
  assert.ok(error instanceof ClaudeCallError);
  assert.match(error.message, /broke off mid-answer/);
  assert.equal(error.retryable, true);
});

Deno.test("a stream that ends without its closing events is an error, not a silent end", async () => {
  const events = textEvents("Half an answer", 2).slice(0, 4);
  await using fake = startFakeClaude({ kind: "stream", events });
  const { error } = await collect(answerQuestion(question("Tell me about T1", settings(fake.baseUrl))));
  assert.ok(error instanceof ClaudeCallError, String(error));
});

Deno.test("a failed call before any text is an error", async () => {
  await using fake = startFakeClaude({ kind: "error", status: 529, message: "overloaded" });
  const { deltas, error } = await collect(
    answerQuestion(question("Tell me about T1", settings(fake.baseUrl))),
  );
  assert.deepEqual(deltas, []);
  assert.match((error as Error).message, /HTTP 529/);
});

Deno.test("offline, a question about a corner gets that corner's numbers and grades", async () => {
  const t1 = context.corners.find((c) => c.label === "T1")!;
  const { deltas, outcome } = await collect(answerQuestion(question("what about turn 1?", null)));
  const answer = deltas.join("");
  assert.equal(outcome!.source, "offline");
  assert.ok(answer.startsWith("T1: minimum speed best"));
  assert.ok(answer.includes(`${t1.minSpeedKmh.best.toFixed(1)} km/h`));
  assert.ok(answer.includes(`braking ${t1.grades.braking}`));
  const byName = (await collect(answerQuestion(question("Is the kink flat?", null)))).deltas.join("");
  assert.ok(byName.startsWith("T2 (The Kink)"));
});

Deno.test("offline, a general question gets the summary and the priorities", async () => {
  const { deltas } = await collect(answerQuestion(question("What should I work on?", null)));
  const answer = deltas.join("");
  assert.ok(answer.startsWith(report.summary));
  for (const p of report.priority_corners) assert.ok(answer.includes(p.corner));
});
