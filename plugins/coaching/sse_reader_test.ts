import assert from "node:assert/strict";
import { readServerEvents } from "./sse_reader.ts";

/** A body delivering `text` in pieces of `size` characters. */
function body(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

Deno.test("events are read whole however the bytes are split", async () => {
  const text =
    'event: start\ndata: {"source":"claude"}\n\n: keep-alive\n\nevent: delta\r\ndata: {"text":"Brake é"}\r\n\r\ndata: {"x":1}\n\nevent: done\ndata: {"ok":true}';
  for (const size of [1, 3, 7, 1000]) {
    const events = [];
    for await (const e of readServerEvents(body(text, size))) events.push(e);
    assert.deepEqual(events, [
      { event: "start", data: { source: "claude" } },
      { event: "delta", data: { text: "Brake é" } },
      { event: "message", data: { x: 1 } },
      { event: "done", data: { ok: true } },
    ], `pieces of ${size}`);
  }
});
