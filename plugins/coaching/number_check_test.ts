import assert from "node:assert/strict";
import { contextNumbers, isTraceable, quotedNumbers, untraceableNumbers } from "./number_check.ts";

const CONTEXT = "T5 (Charlotte's Web) | 95.2/93.1/94.0/1.2 | 412/415/4.2 | 0.43 | best lap: L8, 102.74 s";

Deno.test("quoted numbers skip labels and read m:ss times in seconds", () => {
  const found = quotedNumbers("T5 at 95.2 km/h on L8, 1:42.74, brake at 412m, 0.85g");
  assert.deepEqual(found.map(([written]) => written), ["95.2", "1:42.74", "412", "0.85"]);
  const expected = [95.2, 102.74, 412, 0.85];
  found.forEach(([, value], i) => assert.ok(Math.abs(value - expected[i]) < 1e-9, `${value}`));
});

Deno.test("a number is traced at the precision it is quoted", () => {
  const known = contextNumbers(CONTEXT);
  assert.ok(isTraceable("0.4", 0.4, known), "0.43 rounded");
  assert.ok(isTraceable("0.43", 0.43, known));
  assert.ok(!isTraceable("0.5", 0.5, known));
  assert.ok(!isTraceable("0.44", 0.44, known));
  assert.ok(isTraceable("95", 95, known), "95.2 rounded");
  assert.ok(!isTraceable("97", 97, known));
  assert.ok(isTraceable("5", 5, known), "small whole numbers are counts");
  assert.ok(isTraceable("1:42.74", 102.74, known));
  assert.ok(!isTraceable("12.5", 12.5, known));
});

Deno.test("untraceable numbers are listed with their paths", () => {
  const report = {
    summary: "Brake at 412 m in T5 and carry 95.2 km/h.",
    priority_corners: [{ corner: "T5", what: "You lose 0.43 s, sometimes 0.9 s.", how: "Aim for 101 km/h." }],
    drills: [{ corner: null, title: "3 laps", how: "Drive 3 laps at 8/10." }],
  };
  assert.deepEqual(untraceableNumbers(report, CONTEXT), [
    { path: "priority_corners[0].what", value: "0.9" },
    { path: "priority_corners[0].how", value: "101" },
  ]);
});
