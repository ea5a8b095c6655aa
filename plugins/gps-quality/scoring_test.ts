import assert from "node:assert/strict";
import { gradeOf, METRICS, scoreAt, scoreMetrics } from "./scoring.ts";

Deno.test("scores interpolate between breakpoints and clamp at the ends", () => {
  const bp = [[0.5, 100], [1, 80], [2, 0]] as const;
  assert.equal(scoreAt(bp, 0.1), 100);
  assert.equal(scoreAt(bp, 0.75), 90);
  assert.equal(scoreAt(bp, 1.5), 40);
  assert.equal(scoreAt(bp, 9), 0);
});

Deno.test("breakpoints ascend and weights sum to 1", () => {
  let total = 0;
  for (const m of METRICS) {
    total += m.weight;
    for (let i = 1; i < m.breakpoints.length; i++) {
      assert.ok(m.breakpoints[i][0] > m.breakpoints[i - 1][0], m.id);
    }
  }
  assert.ok(Math.abs(total - 1) < 1e-12);
});

Deno.test("unmeasured metrics give their weight to the measured ones, and every lost point has a reason", () => {
  const perfect = scoreMetrics({
    "line-scatter-p90": null,
    "no-fix-time": 0,
    "spikes-per-km": 0,
    "accuracy-p90": 0.4,
    "satellites-p10": 14,
  });
  assert.equal(perfect.score, 100);
  assert.equal(perfect.grade, "A");
  assert.deepEqual(perfect.reasons, []);
  const scatter = perfect.metrics.find((m) => m.id === "line-scatter-p90")!;
  assert.equal(scatter.weight, 0);
  assert.ok(Math.abs(perfect.metrics.reduce((s, m) => s + m.weight, 0) - 1) < 1e-12);

  const poor = scoreMetrics({
    "line-scatter-p90": 3,
    "no-fix-time": 0,
    "spikes-per-km": 0,
    "accuracy-p90": 0.4,
    "satellites-p10": 14,
    "fix-rate": 25,
  });
  // Scatter 3 m scores 30 at weight 0.3: 21 points lost.
  assert.equal(poor.score, 79);
  assert.equal(poor.grade, "B");
  assert.equal(poor.reasons.length, 1);
  assert.match(poor.reasons[0], /3\.00 m.*−21\.0 points/);
});

Deno.test("a logger with one fix per second loses points, and says why", () => {
  const values = { "no-fix-time": 0, "spikes-per-km": 0, "accuracy-p90": 0.4, "satellites-p10": 14 };
  assert.equal(scoreMetrics({ ...values, "fix-rate": 10 }).score, 100);
  const phone = scoreMetrics({ ...values, "fix-rate": 1 });
  // 1 Hz scores 0 at weight 0.15 out of the 0.7 measured: 21.4 points lost.
  assert.equal(phone.score, 78.6);
  assert.deepEqual(phone.reasons, [
    "1.0 position fixes per second: brake points and short corners need 5 or more: −21.4 points.",
  ]);
});

Deno.test("grades and usability follow the score", () => {
  assert.deepEqual([95, 80, 65, 45, 10].map(gradeOf), ["A", "B", "C", "D", "F"]);
  const bad = scoreMetrics({ "no-fix-time": 20, "spikes-per-km": 50 });
  assert.equal(bad.usable, false);
});
