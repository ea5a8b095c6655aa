/**
 * A fake Messages API on 127.0.0.1 for tests: it answers `POST /v1/messages`
 * from a script of replies (JSON, server-sent event streams, errors, a
 * request that never answers, a stream that goes silent or is cut) and
 * records every request, so tests drive the real `@anthropic-ai/sdk` client
 * through `baseUrl` without touching the internet.
 *
 * @module
 */

/** A reply computed from the request body (e.g. a report naming the corners the prompt fixed). */
export type FakeResponder = (body: Record<string, unknown>) => FakeReply;

/** One scripted reply. */
export type FakeReply =
  | { kind: "stream"; events: readonly SseEvent[]; delayMs?: number }
  | { kind: "stream-then-cut"; events: readonly SseEvent[] }
  | { kind: "stream-then-silence"; events: readonly SseEvent[] }
  | { kind: "error"; status: number; headers?: Record<string, string>; message?: string }
  | { kind: "hang" };

/** An SSE event: its type and JSON data (which carries the same `type`). */
export type SseEvent = readonly [event: string, data: Record<string, unknown>];

/** A request the fake received. */
export interface SeenRequest {
  /** The parsed JSON body. */
  body: Record<string, unknown>;
  /** Request headers. */
  headers: Headers;
}

/** The running fake. */
export interface FakeClaude extends AsyncDisposable {
  /** Base URL for the SDK client. */
  baseUrl: string;
  /** Requests so far, in order. */
  requests: SeenRequest[];
  /** Adds replies to the script. */
  reply(...replies: (FakeReply | FakeResponder)[]): void;
}

/** Starts a fake answering with `replies` in order (a request beyond the script gets a 500). */
export function startFakeClaude(...replies: (FakeReply | FakeResponder)[]): FakeClaude {
  const script = [...replies];
  const requests: SeenRequest[] = [];
  const closing = new AbortController();
  const encoder = new TextEncoder();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: closing.signal, onListen() {} },
    async (req) => {
      if (req.method !== "POST" || new URL(req.url).pathname !== "/v1/messages") {
        return new Response(
          "not found",
          { status: 404 },
        );
      }
      const seen = { body: await req.json(), headers: req.headers };
      requests.push(seen);
      const next = script.shift() ??
        { kind: "error", status: 500, message: "the fake has no reply scripted" };
      const reply = typeof next === "function" ? next(seen.body) : next;
      if (reply.kind === "error") {
        return Response.json(
          {
            type: "error",
            error: {
              type: reply.status === 429 ? "rate_limit_error" : "api_error",
              message: reply.message ?? `fake ${reply.status}`,
            },
          },
          { status: reply.status, headers: reply.headers },
        );
      }
      if (reply.kind === "hang") {
        await new Promise<void>((resolve) =>
          closing.signal.addEventListener("abort", () => resolve(), { once: true })
        );
        return new Response(null, { status: 503 });
      }
      const sse = ([event, data]: SseEvent) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      if (reply.kind === "stream" && reply.delayMs) {
        return new Response(
          paced(reply.events.map(sse), reply.delayMs),
          { headers: SSE },
        );
      }
      const bytes = encoder.encode(reply.events.map(sse).join(""));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          if (reply.kind === "stream-then-silence") {
            closing.signal.addEventListener("abort", () => controller.close(), { once: true });
          } else controller.close();
        },
      });
      const headers: Record<string, string> = { ...SSE };
      // A promised length the body never reaches: the connection closes mid-message, as when it is cut.
      if (reply.kind === "stream-then-cut") headers["content-length"] = String(bytes.length + 1000);
      return new Response(body, { headers });
    },
  );
  return {
    baseUrl: `http://127.0.0.1:${server.addr.port}`,
    requests,
    reply: (...more) => script.push(...more),
    async [Symbol.asyncDispose]() {
      closing.abort();
      await server.finished;
    },
  };
}

const SSE = { "content-type": "text/event-stream", "cache-control": "no-cache" };

/** A body sending one piece every `delayMs`, as a model writes. */
function paced(pieces: readonly string[], delayMs: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (i < pieces.length) controller.enqueue(encoder.encode(pieces[i++]));
      else controller.close();
    },
  });
}

const message = (model: string) => ({
  id: "msg_fake",
  type: "message",
  role: "assistant",
  model,
  content: [],
  stop_reason: null,
  stop_sequence: null,
  usage: { input_tokens: 1200, output_tokens: 0 },
});

/** Splits `text` into `parts` roughly equal pieces. */
function pieces(text: string, parts: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / parts));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The events of one answer: a content block, its deltas, the stop reason and usage. */
function answerEvents(
  block: Record<string, unknown>,
  deltas: readonly Record<string, unknown>[],
  stopReason: string,
  model: string,
  outputTokens: number,
): SseEvent[] {
  return [
    ["message_start", { type: "message_start", message: message(model) }],
    ["content_block_start", { type: "content_block_start", index: 0, content_block: block }],
    ["ping", { type: "ping" }],
    ...deltas.map((
      delta,
    ): SseEvent => ["content_block_delta", { type: "content_block_delta", index: 0, delta }]),
    ["content_block_stop", { type: "content_block_stop", index: 0 }],
    ["message_delta", {
      type: "message_delta",
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: outputTokens },
    }],
    ["message_stop", { type: "message_stop" }],
  ];
}

/** The events of an answer that calls tool `name` with `input` (streamed as JSON pieces). */
export function toolUseEvents(
  name: string,
  input: unknown,
  model = "claude-haiku-4-5",
  outputTokens = 400,
): SseEvent[] {
  const deltas = pieces(JSON.stringify(input), 5).map((partial_json) => ({
    type: "input_json_delta",
    partial_json,
  }));
  return answerEvents(
    { type: "tool_use", id: "toolu_fake_1", name, input: {} },
    deltas,
    "tool_use",
    model,
    outputTokens,
  );
}

/** The events of a text answer streamed as `parts` deltas. */
export function textEvents(
  text: string,
  parts = 4,
  model = "claude-haiku-4-5",
  outputTokens = 60,
): SseEvent[] {
  const deltas = pieces(text, parts).map((piece) => ({ type: "text_delta", text: piece }));
  return answerEvents({ type: "text", text: "" }, deltas, "end_turn", model, outputTokens);
}

/**
 * A responder that submits a valid report for whatever priority corners the
 * prompt fixed (read from its `PRIORITY CORNERS` line), with `summary`.
 */
export function reportForPrompt(summary: string): FakeResponder {
  return (body) => {
    const lines = (body.messages as { content: string }[])[0].content.split("\n");
    const priorities = lines[lines.findIndex((l) => l.startsWith("PRIORITY CORNERS")) + 1]
      .split(", ").map((item) => item.split(" ")[0]);
    return {
      kind: "stream",
      events: toolUseEvents("submit_report", {
        summary,
        priority_corners: priorities.map((corner) => ({
          corner,
          what: "The minimum speed changes from lap to lap.",
          how: "Release the brake a little earlier and let the car roll to the apex.",
        })),
        drills: [{
          corner: priorities[0],
          title: "Apex speed",
          how: "Three laps at 8/10 aiming for the same apex speed.",
        }],
      }),
    };
  };
}
