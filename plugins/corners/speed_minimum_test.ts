import assert from "node:assert/strict";
import { HOLD_MPS, speedMinimum } from "./speed_minimum.ts";

Deno.test("the minimum's place is where the hold at it starts, whatever the noise along the hold", () => {
  // Braking to 20 m/s at index 10, holding 20 ± 0.05 m/s to index 30, accelerating after.
  const speed = Float64Array.from(
    { length: 50 },
    (_, i) => i < 10 ? 30 - i : i <= 30 ? 20 + 0.05 * Math.sin(i * 1.7) : 20 + (i - 30),
  );
  const lowest = Math.min(...speed.subarray(10, 31));
  const minimum = speedMinimum(speed, 0, 49);
  assert.equal(minimum.speedMps, lowest);
  assert.equal(minimum.index, 10);
  assert.ok(speed[minimum.index] <= lowest + HOLD_MPS);
});

Deno.test("the search stays inside its bounds", () => {
  const speed = Float64Array.of(5, 4, 3, 2, 1, 2, 3);
  assert.deepEqual(speedMinimum(speed, 0, 2), { index: 2, speedMps: 3 });
  assert.deepEqual(speedMinimum(speed, 5, 6), { index: 5, speedMps: 2 });
});
