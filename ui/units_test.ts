import assert from "node:assert/strict";
import { createUnits, formatLapTime } from "./units.ts";

Deno.test("lap times are m:ss.sss and missing times a dash", () => {
  assert.equal(formatLapTime(102.7384), "1:42.738");
  assert.equal(formatLapTime(59.9996), "1:00.000", "rounding to the millisecond carries into the minutes");
  assert.equal(formatLapTime(null), "—");
});

Deno.test("speeds and distances convert to the chosen units and back", () => {
  const metric = createUnits({ speed: "kmh", distance: "m" });
  const imperial = createUnits({ speed: "mph", distance: "ft" });
  assert.equal(metric.toSpeed(10), 36);
  assert.ok(Math.abs(imperial.toSpeed(10) - 22.369) < 1e-3);
  assert.ok(Math.abs(imperial.fromDistance(imperial.toDistance(123.4)) - 123.4) < 1e-9);
  assert.equal(metric.formatDistance(1234.4), "1,234 m");
  assert.equal(imperial.formatSpeed(10), "22.4 mph");
  assert.equal(metric.formatDelta(-0.1234), "−0.123 s");
});
