import assert from "node:assert/strict";
import type { CornerCoachingSummary } from "../../sdk/mod.ts";
import { KPI_TABLE, LAP_TIMES_S, oneLapInputs, testInputs } from "./_test_inputs.ts";
import { buildCoachingContext } from "./context.ts";

const KMH = 3.6;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const medianOf = (xs: number[]) => {
  const s = sorted(xs);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stdOf = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const column = (corner: number, field: number) => KPI_TABLE.map((lap) => lap[corner - 1][field] as number);

function corner(n: number): CornerCoachingSummary {
  const context = buildCoachingContext(testInputs())!;
  return context.corners.find((c) => c.corner === n)!;
}

Deno.test("the context summarises each corner's KPIs over the analysed laps", () => {
  const t1 = corner(1);
  const speeds = column(1, 0).map((v) => v * KMH);
  assert.ok(Math.abs(t1.minSpeedKmh.median - medianOf(speeds)) < 1e-9);
  assert.ok(Math.abs(t1.minSpeedKmh.best - Math.max(...speeds)) < 1e-9);
  assert.ok(Math.abs(t1.minSpeedKmh.bestLap! - speeds[2]) < 1e-9, "lap 4 is the third flying lap");
  assert.ok(Math.abs(t1.minSpeedKmh.std! - stdOf(speeds)) < 1e-9);
  assert.equal(t1.minSpeedKmh.laps, 4);
  assert.equal(t1.brakePointM!.median, medianOf(column(1, 1)));
  assert.ok(Math.abs(t1.brakePointM!.std! - stdOf(column(1, 1))) < 1e-9);
  assert.equal(t1.peakBrakeG!.best, Math.max(...column(1, 2)));
  assert.equal(t1.timeInCornerS.best, Math.min(...column(1, 4)));
  assert.equal(corner(3).apexType, "late");
});

Deno.test("a corner without braking has no brake figures and no braking grade", () => {
  const t2 = corner(2);
  assert.equal(t2.braking, false);
  assert.equal(t2.brakePointM, null);
  assert.equal(t2.peakBrakeG, null);
  assert.equal(t2.grades.braking, "N/A");
  assert.equal(t2.name, "The Kink");
});

Deno.test("time on the table is the corner's consistency gain plus the straight after it, and ranks the corners", () => {
  const inputs = testInputs();
  const context = buildCoachingContext(inputs)!;
  const gainOf = (id: string) => inputs.gains!.segments.find((s) => s.segment.id === id)!.consistencyS;
  assert.ok(Math.abs(corner(1).timeOnTableS - (gainOf("T1") + gainOf("S1-2"))) < 1e-12);
  assert.ok(Math.abs(corner(3).timeOnTableS - (gainOf("T3") + gainOf("S3-fin"))) < 1e-12);
  assert.equal(
    corner(1).compositeGainS,
    inputs.gains!.segments.find((s) => s.segment.id === "T1")!.compositeS,
  );
  const expected = [...context.corners].sort((a, b) => b.timeOnTableS - a.timeOnTableS).map((c) => c.corner);
  assert.deepEqual(context.ranking, expected);
});

Deno.test("the mean loss to the best lap uses only the other laps against the best lap", () => {
  const times = column(1, 4);
  const expected = (times[0] - times[2] + times[1] - times[2] + times[3] - times[2]) / 3;
  assert.ok(Math.abs(corner(1).meanDeltaS! - expected) < 1e-12);
});

Deno.test("physics targets are given in km/h with the best lap's gaps", () => {
  const inputs = testInputs();
  const target = inputs.physicsGains!.corners[0];
  const t1 = corner(1).target!;
  assert.ok(Math.abs(t1.minSpeedKmh - target.targetMinSpeedMps * KMH) < 1e-9);
  assert.ok(Math.abs(t1.speedGapKmh! - target.speedGapMps! * KMH) < 1e-9);
  assert.equal(t1.brakeGapM, target.brakeGapM);
  assert.equal(corner(2).target, null);
});

Deno.test("grades follow the rubric from the spreads, the target gap and the consistency score", () => {
  const t1 = corner(1);
  // Brake-point sd 5 m (< 6: B); min-speed sd 2.2 km/h (< 3: B) and gap 5.4 km/h (≤ 6: B);
  // throttle sd 8.5 m (< 12: C); consistency score 84 (≥ 80: B).
  assert.ok(Math.abs(stdOf(column(1, 1)) - 5) < 1e-9);
  assert.deepEqual(t1.grades, { braking: "B", minSpeed: "B", throttle: "C", consistency: "B" });
  assert.equal(corner(2).grades.consistency, "A", "score 93");
  assert.equal(corner(3).grades.consistency, "D", "score 62: below C (65), at least D (50)");
});

Deno.test("session figures, flagged analysed laps, and laps in order", () => {
  const context = buildCoachingContext(testInputs())!;
  assert.equal(context.totalLaps, 5);
  assert.deepEqual(context.laps.map((l) => l.lap), [2, 3, 4, 5]);
  assert.equal(context.bestLap, 4);
  assert.equal(context.bestLapTimeS, LAP_TIMES_S[3]);
  assert.ok(Math.abs(context.meanLapTimeS! - (101.9 + 102.6 + 101.4 + 102.1) / 4) < 1e-9);
  assert.equal(context.optimalLapTimeS, 98.9);
  assert.deepEqual(
    context.flaggedLaps,
    [{ lap: 3, tags: ["mistake"] }],
    "the out-lap and clean laps are left out",
  );
});

Deno.test("the context is deterministic and the inputs are not mutated", () => {
  const inputs = testInputs();
  const before = structuredClone(inputs);
  const a = buildCoachingContext(inputs);
  const b = buildCoachingContext(inputs);
  assert.deepEqual(a, b);
  assert.deepEqual(inputs, before);
});

Deno.test("degenerate sessions: no analysed lap gives null; one lap gives no spreads, gains or priorities", () => {
  const inputs = testInputs();
  assert.equal(buildCoachingContext({ ...inputs, laps: inputs.laps.slice(0, 1) }), null);
  assert.equal(buildCoachingContext({ ...inputs, laps: [], cornerKpis: [], corners: [] }), null);
  const one = buildCoachingContext(oneLapInputs())!;
  assert.equal(one.laps.length, 1);
  for (const c of one.corners) {
    assert.equal(c.minSpeedKmh.std, null);
    assert.equal(c.timeOnTableS, 0);
    assert.equal(c.meanDeltaS, null);
    assert.deepEqual([c.grades.braking, c.grades.minSpeed, c.grades.throttle, c.grades.consistency], [
      "N/A",
      "N/A",
      "N/A",
      "N/A",
    ]);
  }
  const none = buildCoachingContext({ ...inputs, corners: [] })!;
  assert.deepEqual(none.corners, []);
  assert.deepEqual(none.ranking, []);
});

Deno.test("the driver's own tags: laps they left out, and notes on the others; unknown laps ignored", () => {
  const context = buildCoachingContext({
    ...testInputs(),
    userLapTags: { "5": ["rain"], "2": ["Traffic", "new pads"], "99": ["rain"], "3": [] },
  })!;
  assert.deepEqual(context.driverTags, [
    { lap: 2, tags: ["Traffic", "new pads"], leftOut: true },
    { lap: 5, tags: ["rain"], leftOut: false },
  ]);
  assert.deepEqual(buildCoachingContext(testInputs())!.driverTags, [], "no tags, none listed");
});
