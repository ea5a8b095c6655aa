import assert from "node:assert/strict";
import type { CornerKpi, Lap, LapCornerKpis } from "../../sdk/mod.ts";
import { measureConsistency } from "./measure.ts";
import { BRAKE_HALF_M, halfScore, LAP_HALF_PCT } from "./scores.ts";

function lap(number: number, timeS: number, kind: Lap["kind"] = "flying"): Lap {
  const included = kind === "flying";
  return {
    number,
    kind,
    startTimeS: 0,
    endTimeS: timeS,
    timeS,
    distanceM: 3000,
    complete: true,
    included,
    excludedReason: included ? null : `${kind}-lap`,
    startRow: 0,
    endRow: 0,
  };
}

function kpi(
  corner: number,
  minSpeedKmh: number,
  brakePointM: number | null,
  throttleCommitM: number | null,
) {
  return {
    corner,
    minSpeedMps: minSpeedKmh / 3.6,
    minSpeedM: 0,
    brakePointM,
    peakBrakeG: brakePointM === null ? null : 1,
    throttleCommitM,
    apexType: "on-time",
    timeInCornerS: 5,
  } satisfies CornerKpi;
}

Deno.test("lap-time spread uses the analysis laps only", () => {
  const laps = [lap(1, 140, "out"), lap(2, 100), lap(3, 101), lap(4, 99), lap(5, 100), lap(6, 130, "in")];
  const c = measureConsistency(laps, [])!;
  assert.deepEqual(c.laps, [2, 3, 4, 5]);
  assert.equal(c.meanLapTimeS, 100);
  assert.ok(Math.abs(c.lapTimeStdS - Math.sqrt(2 / 3)) < 1e-12);
  assert.equal(c.lapTimeSpreadS, 2);
  assert.equal(c.provisional, false);
  assert.equal(c.corners.length, 0);
  assert.equal(c.score, c.lapScore, "without corners the score is the lap score");
});

Deno.test("no spread scores 100; twice the spread squares the fraction (half-score law)", () => {
  const steady = measureConsistency([lap(1, 100), lap(2, 100), lap(3, 100)], [])!;
  assert.equal(steady.lapScore, 100);
  const spread = (d: number) =>
    measureConsistency([lap(1, 100 - d), lap(2, 100), lap(3, 100 + d)], [])!.lapScore;
  const one = spread(0.5), two = spread(1);
  assert.ok(two < one && one < 100);
  assert.ok(Math.abs(two / 100 - (one / 100) ** 2) < 0.002, `${one} → ${two}`);
});

Deno.test("short sessions do not look more consistent than long ones with the same spread", () => {
  // Laps alternate ±0.5 s around 100 s; 2 laps must not beat 10 laps.
  const session = (n: number) => Array.from({ length: n }, (_, i) => lap(i + 1, 100 + (i % 2 ? 0.5 : -0.5)));
  const two = measureConsistency(session(2), [])!;
  const ten = measureConsistency(session(10), [])!;
  assert.equal(two.provisional, true);
  assert.equal(ten.provisional, false);
  assert.ok(two.lapScore <= ten.lapScore, `2 laps ${two.lapScore} vs 10 laps ${ten.lapScore}`);
  assert.equal(measureConsistency(session(1), []), null);
});

Deno.test("corners: only those present, sample counts, km/h spreads, ranges, missing brake points", () => {
  const laps = [lap(1, 150, "out"), lap(2, 100), lap(3, 100), lap(4, 100)];
  const kpis: LapCornerKpis[] = [
    { lap: 1, corners: [kpi(1, 40, 0, 0), kpi(3, 40, 0, 0)] }, // the out-lap does not count
    { lap: 2, corners: [kpi(1, 100, 500, 600), kpi(3, 150, null, 900), kpi(7, 60, 1500, 1600)] },
    { lap: 3, corners: [kpi(1, 102, 510, 610), kpi(3, 150, null, 900)] },
    { lap: 4, corners: [kpi(1, 104, 520, null), kpi(3, 150, null, 900)] },
  ];
  const c = measureConsistency(laps, kpis)!;
  assert.deepEqual(c.corners.map((x) => [x.corner, x.samples]), [[1, 3], [3, 3]], "corner 7 has one sample");
  const [t1, t3] = c.corners;
  assert.ok(Math.abs(t1.minSpeedStdKmh - 2) < 1e-9);
  assert.ok(Math.abs(t1.minSpeedRangeKmh - 4) < 1e-9);
  assert.ok(Math.abs(t1.brakePointStdM! - 10) < 1e-9);
  assert.equal(t1.brakePointRangeM, 20);
  assert.ok(Math.abs(t1.throttleCommitStdM! - Math.SQRT2 * 5) < 1e-9);
  assert.equal(t1.throttleCommitRangeM, 10);
  // Corner 3: identical laps, never braked: perfect, brake part not measured.
  assert.equal(t3.brakePointStdM, null);
  assert.equal(t3.brakePointRangeM, null);
  assert.equal(t3.score, 100);
  assert.ok(t1.score < 100);
  assert.ok(Math.abs(c.score - (0.5 * c.lapScore + 0.5 * (t1.score + t3.score) / 2)) < 0.1);
});

Deno.test("the half-score constants mean what they say", () => {
  assert.equal(halfScore(LAP_HALF_PCT, LAP_HALF_PCT), 50);
  assert.equal(halfScore(2 * BRAKE_HALF_M, BRAKE_HALF_M), 25);
  assert.equal(halfScore(0, BRAKE_HALF_M), 100);
});
