import assert from "node:assert/strict";
import { bestSplits } from "./best_splits.ts";

Deno.test("best splits take the fastest lap per split, the earlier lap on a tie", () => {
  const { bestS, owner, theoreticalS } = bestSplits([
    Float64Array.of(10, 20, 30),
    Float64Array.of(9, 21, 30),
    Float64Array.of(11, 19.5, 31),
  ]);
  assert.deepEqual(Array.from(bestS), [9, 19.5, 30]);
  assert.deepEqual(Array.from(owner), [1, 2, 0]);
  assert.equal(theoreticalS, 58.5);
});

Deno.test("best splits of no laps are empty, and laps must agree on the split count", () => {
  const none = bestSplits([]);
  assert.equal(none.bestS.length, 0);
  assert.equal(none.theoreticalS, 0);
  assert.throws(() => bestSplits([Float64Array.of(1, 2), Float64Array.of(1)]), RangeError);
});
