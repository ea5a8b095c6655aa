import assert from "node:assert/strict";
import { hhmmssToMs, parseFileCreated, sessionMidnightUnixS, toSessionSeconds } from "./time_of_day.ts";

Deno.test("HHMMSS.SS becomes milliseconds of the day", () => {
  assert.equal(hhmmssToMs(140500.04), 50_700_040);
  assert.equal(hhmmssToMs(0), 0);
  assert.equal(hhmmssToMs(235959.999), 86_399_999);
  assert.ok(Number.isNaN(hhmmssToMs(126000)));
  assert.ok(Number.isNaN(hhmmssToMs(120060)));
  assert.ok(Number.isNaN(hhmmssToMs(240000)));
  assert.ok(Number.isNaN(hhmmssToMs(-1)));
});

Deno.test("times count from the first sample and keep counting past midnight", () => {
  const times = Float64Array.from([235959.96, 235959.98, 0, 0.02, 99, 10000]);
  const clock = toSessionSeconds(times);
  assert.equal(clock.firstTimeOfDayS, 86399.96);
  assert.deepEqual(clock.invalid, [4]);
  const expected = [0, 0.02, 0.04, 0.06, NaN, 3600.04];
  expected.forEach((t, i) => {
    if (Number.isNaN(t)) assert.ok(Number.isNaN(times[i]));
    else assert.ok(Math.abs(times[i] - t) < 1e-9, `${times[i]} vs ${t}`);
  });
});

Deno.test("a time of day far back that is not the next step across midnight is a glitch, not a new day", () => {
  // 14:05:00.00, a row at 00:00:00.00 (a zeroed clock), then the log carries on at 14:05:00.08.
  const times = Float64Array.from([140500, 140500.04, 0, 140500.08]);
  const clock = toSessionSeconds(times);
  assert.deepEqual(clock.glitches, [2]);
  assert.deepEqual(clock.invalid, []);
  assert.ok(Number.isNaN(times[2]));
  assert.ok(Math.abs(times[3] - 0.08) < 1e-9, `${times[3]}`);
});

Deno.test("a small step back is not a midnight", () => {
  const times = Float64Array.from([120000, 115959]);
  toSessionSeconds(times);
  assert.deepEqual(Array.from(times), [0, -1]);
});

Deno.test("the creation line gives the date (day first) and time", () => {
  const created = parseFileCreated("File created on 14/06/2026 @ 14:05:00")!;
  assert.equal(created.midnightUnixS, Date.UTC(2026, 5, 14) / 1000);
  assert.equal(created.timeOfDayS, 14 * 3600 + 5 * 60);
  assert.equal(created.iso, "2026-06-14T14:05:00Z");
  assert.equal(parseFileCreated("File created on 31/02/2026 @ 14:05:00"), null);
  assert.equal(parseFileCreated("no date here"), null);
});

Deno.test("a first sample late in the day before the creation time belongs to the previous day", () => {
  const created = parseFileCreated("File created on 15/06/2026 @ 00:01:00")!;
  assert.equal(sessionMidnightUnixS(created, 86_000), created.midnightUnixS - 86400);
  assert.equal(sessionMidnightUnixS(created, 30), created.midnightUnixS);
});
