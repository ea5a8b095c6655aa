/**
 * Reads a server-sent event stream (a `fetch` response body) event by
 * event, as the chat panel receives the coach's answer. Web APIs only, so
 * it runs in the browser and under Deno alike.
 *
 * @module
 */

/** One event: its name and its JSON data. */
export interface StreamEvent {
  /** `event:` field, `message` when absent. */
  event: string;
  /** `data:` field parsed as JSON (null when it is not JSON). */
  data: unknown;
}

/** The events of `body` as they arrive; ends with the stream. */
export async function* readServerEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    // Line ends may be CRLF; a CR at the end of a chunk waits for the next one.
    const held = pending.endsWith("\r") ? "\r" : "";
    pending = pending.slice(0, pending.length - held.length).replace(/\r\n?/g, "\n");
    let end: number;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      const block = pending.slice(0, end);
      pending = pending.slice(end + 2);
      const event = parseBlock(block);
      if (event) yield event;
    }
    pending += held;
  }
  const last = parseBlock(pending);
  if (last) yield last;
}

function parseBlock(block: string): StreamEvent | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  if (data.length === 0) return null;
  const text = data.join("\n");
  try {
    return { event, data: JSON.parse(text) };
  } catch {
    return { event, data: null };
  }
}
