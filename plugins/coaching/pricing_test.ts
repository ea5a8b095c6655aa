import assert from "node:assert/strict";
import { addUsage, costUsd, usageOf } from "./pricing.ts";

Deno.test("cost follows the model's price per million tokens, cache writes and reads included", () => {
  const usage = usageOf({
    input_tokens: 2000,
    output_tokens: 1000,
    cache_creation_input_tokens: 400,
    cache_read_input_tokens: 1000,
  });
  // Haiku 4.5: $1 in, $5 out per MTok; cache write 1.25 ×, read 0.1 ×.
  const expected = ((2000 + 1.25 * 400 + 0.1 * 1000) * 1 + 1000 * 5) / 1e6;
  assert.ok(Math.abs(costUsd("claude-haiku-4-5", usage)! - expected) < 1e-12);
  assert.equal(
    costUsd("claude-haiku-4-5-20251001", usage),
    costUsd("claude-haiku-4-5", usage),
    "dated id priced as its alias",
  );
  assert.equal(costUsd("some-future-model", usage), null);
});

Deno.test("usage adds up over calls", () => {
  const a = usageOf({ input_tokens: 10, output_tokens: 5 });
  assert.deepEqual(addUsage(a, a), {
    inputTokens: 20,
    outputTokens: 10,
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
  });
  assert.deepEqual(usageOf(null), {
    inputTokens: 0,
    outputTokens: 0,
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
  });
});
