import assert from "node:assert/strict";
import { clockedSyntheticLaps, syntheticCorner, syntheticLap, type Zone } from "../../sdk/testing/mod.ts";
import { segmentGains } from "./segment_gains.ts";

// A 700 m reference lap with one corner over 30..50 % of the lap (210..350 m).
const corner = syntheticCorner(1, 210, 280, 350);
const zones = (straight1: number, corner1: number, straight2: number): Zone[] => [
  [0.3, straight1],
  [0.5, corner1],
  [1, straight2],
];
// Lap 1 (best, 21.0 s): 5.25 + 7 + 8.75. Lap 2 is 1 % longer (707 m): 5.3025 + 6.4273 + 10.1.
// Lap 3: 5 + 7.3684 + 8.75.
const laps = clockedSyntheticLaps([
  syntheticLap(1, 700, zones(40, 20, 40)),
  syntheticLap(2, 707, zones(40, 22, 35)),
  syntheticLap(3, 700, zones(42, 19, 40)),
]);
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);

Deno.test("segment times, bests and owners come from each lap at the same fraction of its distance", () => {
  const gains = segmentGains(laps, 0, [corner]);
  assert.deepEqual(gains.segments.map((s) => s.segment.id), ["S0-1", "T1", "S1-fin"]);
  assert.deepEqual(gains.segments.map((s) => s.bestLap), [3, 2, 1]);
  const expectedBest = [210 / 42, 141.4 / 22, 350 / 40];
  gains.segments.forEach((s, k) => close(s.bestS, expectedBest[k], `${s.segment.id} best`));
  const lapTimes = [21, 5.3025 + 141.4 / 22 + 10.1, 5 + 140 / 19 + 8.75];
  const t1Times = [7, 141.4 / 22, 140 / 19];
  const t1 = gains.segments[1];
  close(t1.meanS, (t1Times[0] + t1Times[1] + t1Times[2]) / 3, "T1 mean");
  close(t1.bestLapS, 7, "T1 on the best lap");
  close(t1.consistencyS, t1.meanS - t1.bestS, "tier 1 is mean − best");
  close(t1.compositeS, 7 - 141.4 / 22, "tier 2 is best lap − best");
  close(gains.meanLapTimeS, (lapTimes[0] + lapTimes[1] + lapTimes[2]) / 3, "mean lap time");
  close(gains.bestLapTimeS, 21, "best lap time");
  assert.equal(gains.bestLap, 1);
  assert.deepEqual(gains.laps, [1, 2, 3]);
});

Deno.test("the theoretical best is the sum of the best segments and the composite gain closes the gap", () => {
  const gains = segmentGains(laps, 0, [corner]);
  const sumOfBests = gains.segments.reduce((sum, s) => sum + s.bestS, 0);
  assert.equal(gains.theoreticalBestS, sumOfBests);
  close(gains.theoreticalBestS, 5 + 141.4 / 22 + 8.75, "theoretical best");
  assert.ok(gains.theoreticalBestS <= gains.bestLapTimeS);
  close(gains.compositeS, 21 - gains.theoreticalBestS, "composite total");
  close(
    gains.consistencyS,
    gains.meanLapTimeS - gains.theoreticalBestS,
    "Σ (mean − best) = mean lap − theoretical",
  );
  close(gains.segments.reduce((sum, s) => sum + s.compositeS, 0), gains.compositeS, "Σ composite gains");
});

Deno.test("when the best lap is fastest everywhere the theoretical best is the best lap and there is no composite gain", () => {
  const dominated = clockedSyntheticLaps([
    syntheticLap(5, 700, zones(40, 20, 40)),
    syntheticLap(6, 700, zones(39, 19, 39)),
  ]);
  const gains = segmentGains(dominated, 0, [corner]);
  assert.deepEqual(gains.segments.map((s) => s.bestLap), [5, 5, 5]);
  close(gains.theoreticalBestS, 21, "theoretical = best lap");
  close(gains.compositeS, 0, "no composite gain");
  assert.ok(gains.compositeS >= 0);
});

Deno.test("without corners the whole lap is one straight", () => {
  const gains = segmentGains(laps, 0, []);
  assert.deepEqual(gains.segments.map((s) => [s.segment.id, s.segment.startM, s.segment.endM]), [[
    "S0-fin",
    0,
    700,
  ]]);
  close(gains.theoreticalBestS, 21, "the best lap is the best single segment");
});
