/**
 * The one place that talks to the Messages API, through the official
 * `@anthropic-ai/sdk` client (loaded on first use, so `deno task analyze`
 * never pays for it). Calls are streamed; a stream that goes silent for
 * `idleTimeoutMs` is aborted, so no call can hang. Every failure becomes a
 * {@linkcode ClaudeCallError} with a sentence a driver or operator can act
 * on and whether trying again later may help.
 *
 * @module
 */

import type Anthropic from "@anthropic-ai/sdk";
import type { ResolvedClaudeSettings } from "./claude_settings.ts";

/** A failed call to Claude, explained. */
export class ClaudeCallError extends Error {
  /** Whether the same call may succeed later (rate limit, overload, network). */
  readonly retryable: boolean;
  /** How long the API asked us to wait, ms, or null. */
  readonly retryAfterMs: number | null;
  /** Creates the error. */
  constructor(message: string, retryable: boolean, retryAfterMs: number | null = null) {
    super(message);
    this.name = "ClaudeCallError";
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
}

/** One streamed call: text as it arrives, then the whole message. */
export interface StreamedCall {
  /** Text deltas of the answer, in order; read once. */
  text: AsyncGenerator<string>;
  /** The final message once the stream has ended (usage included). Rejects with a {@linkcode ClaudeCallError}. */
  message(): Promise<Anthropic.Message>;
}

/** Creates a client for `settings`. */
export async function createClaudeClient(settings: ResolvedClaudeSettings): Promise<Anthropic> {
  const { default: AnthropicClient } = await import("@anthropic-ai/sdk");
  return new AnthropicClient({
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl,
    maxRetries: settings.maxRetries,
    timeout: settings.timeoutMs,
  });
}

/**
 * Starts a streamed Messages call. Read `text` to the end (or not at all),
 * then await `message()`. `signal` cancels it.
 */
export function streamMessage(
  client: Anthropic,
  settings: ResolvedClaudeSettings,
  body: Anthropic.MessageStreamParams,
  signal?: AbortSignal,
): StreamedCall {
  const stream = client.messages.stream(body, { signal });
  let failure: ClaudeCallError | null = null;
  const fail = (error: unknown) => {
    failure ??= describeFailure(error, settings, stream.aborted && !signal?.aborted);
    return failure;
  };
  const events = eventsWithIdleTimeout(stream, settings.idleTimeoutMs, () => stream.abort());
  const text = (async function* () {
    try {
      for await (const event of events) {
        if (event.type === "content_block_delta" && event.delta.type === "text_delta") yield event.delta.text;
      }
    } catch (error) {
      throw fail(error);
    }
  })();
  return {
    text,
    async message() {
      for await (const _ of text) { /* what the caller did not read (tool input arrives as JSON deltas) */ }
      try {
        return await stream.finalMessage();
      } catch (error) {
        throw fail(error);
      }
    },
  };
}

/** The stream's events, aborting it (`onIdle`) and throwing when none arrives for `idleMs` after the first. */
async function* eventsWithIdleTimeout<T>(
  events: AsyncIterable<T>,
  idleMs: number,
  onIdle: () => void,
): AsyncGenerator<T> {
  const iterator = events[Symbol.asyncIterator]();
  let started = false;
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = iterator.next();
    const stalled = new Promise<never>((_, reject) => {
      if (started) timer = setTimeout(() => reject(new StreamStalled(idleMs)), idleMs);
    });
    try {
      const result = await Promise.race([next, stalled]);
      if (result.done) return;
      started = true;
      yield result.value;
    } catch (error) {
      if (error instanceof StreamStalled) {
        next.catch(() => {}); // the abort rejects it; nobody waits for it any more
        onIdle();
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The stream went silent. */
class StreamStalled extends Error {
  constructor(readonly idleMs: number) {
    super(`no data for ${idleMs} ms`);
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** A sentence for any failure of a call, and whether to try again later. */
function describeFailure(
  error: unknown,
  settings: ResolvedClaudeSettings,
  abortedByUs: boolean,
): ClaudeCallError {
  if (error instanceof ClaudeCallError) return error;
  if (error instanceof StreamStalled) {
    return new ClaudeCallError(
      `Claude's answer stopped arriving: nothing for ${seconds(error.idleMs)}`,
      true,
    );
  }
  const e = error as {
    name?: string;
    status?: number;
    headers?: Headers;
    message?: string;
    constructor?: { name?: string };
  };
  const kind = e?.constructor?.name ?? e?.name ?? "";
  const status = typeof e?.status === "number" ? e.status : null;
  const detail = (e?.message ?? String(error)).replace(/\s+/g, " ").slice(0, 200);
  if (kind === "APIUserAbortError" && !abortedByUs) {
    return new ClaudeCallError("the request to Claude was cancelled", false);
  }
  if (kind === "APIConnectionTimeoutError") {
    return new ClaudeCallError(
      `Claude did not answer within ${seconds(settings.timeoutMs)} (${settings.maxRetries} retries)`,
      true,
    );
  }
  if (kind === "APIConnectionError") {
    return new ClaudeCallError(`could not reach Claude's API: ${detail}`, true);
  }
  if (status === 429) {
    const after = retryAfterMs(e.headers);
    const wait = after === null ? "" : `; it asks to wait ${seconds(after)}`;
    return new ClaudeCallError(`Claude is rate-limiting this API key (HTTP 429)${wait}`, true, after);
  }
  if (status === 401 || status === 403) {
    return new ClaudeCallError(`Claude refused the API key (HTTP ${status}): check ANTHROPIC_API_KEY`, false);
  }
  if (status !== null && status >= 500) {
    return new ClaudeCallError(
      `Claude's API failed (HTTP ${status}) after ${settings.maxRetries} retries: ${detail}`,
      true,
      retryAfterMs(e.headers),
    );
  }
  if (status !== null) {
    return new ClaudeCallError(`Claude refused the request (HTTP ${status}): ${detail}`, false);
  }
  return new ClaudeCallError(`the connection to Claude broke off mid-answer: ${detail}`, true);
}

/** The `retry-after-ms` or `retry-after` (seconds or HTTP date) header, ms; null when absent. */
function retryAfterMs(headers: Headers | undefined): number | null {
  const ms = Number(headers?.get?.("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers?.get?.("retry-after");
  if (!value) return null;
  const s = Number(value);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}
