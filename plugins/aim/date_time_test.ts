import assert from "node:assert/strict";
import { aimStartUnixS, parseAimDate, parseAimTime } from "./date_time.ts";

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 1000;

Deno.test("dates with a month name or in ISO form", () => {
  assert.equal(parseAimDate("Sunday, June 14, 2026"), day(2026, 6, 14));
  assert.equal(parseAimDate("Jun 14 2026"), day(2026, 6, 14));
  assert.equal(parseAimDate("14 June 2026"), day(2026, 6, 14));
  assert.equal(parseAimDate("Monday, 3rd November 2025"), day(2025, 11, 3));
  assert.equal(parseAimDate("2026-06-14"), day(2026, 6, 14));
});

Deno.test("ambiguous or impossible dates are refused", () => {
  assert.equal(parseAimDate("06/07/2026"), null);
  assert.equal(parseAimDate("February 30, 2026"), null);
  assert.equal(parseAimDate("Smarch 3, 2026"), null);
});

Deno.test("times in 12- and 24-hour form", () => {
  assert.equal(parseAimTime("02:05 PM"), 14 * 3600 + 300);
  assert.equal(parseAimTime("12:30 am"), 1800);
  assert.equal(parseAimTime("12:30 PM"), 12 * 3600 + 1800);
  assert.equal(parseAimTime("14:05:30"), 14 * 3600 + 330);
  assert.equal(parseAimTime("13:00 PM"), null);
  assert.equal(parseAimTime("noon"), null);
});

Deno.test("the start needs both rows", () => {
  assert.equal(aimStartUnixS("Sunday, June 14, 2026", "02:05 PM"), day(2026, 6, 14) + 14 * 3600 + 300);
  assert.equal(aimStartUnixS(undefined, "02:05 PM"), null);
  assert.equal(aimStartUnixS("Sunday, June 14, 2026", "later"), null);
});
