import assert from "node:assert/strict";
import type { Lap } from "../../sdk/mod.ts";
import { flyingLap } from "./_test_support.ts";
import { type LapEvidence, tagLaps } from "./tag_laps.ts";

const evidence = (over: Partial<LapEvidence> = {}): LapEvidence => ({
  medianLapTimeS: 100,
  drops: { thresholdFraction: 0.08, cornersCompared: 10, byLap: new Map() },
  excursions: { thresholdM: 3, byLap: new Map() },
  lifts: new Map(),
  badSpans: [],
  cornerLabels: new Map([[2, "T2"], [5, "T5"]]),
  ...over,
});
const drop = (corner: number) => ({ corner, minSpeedMps: 20, usualMps: 25, dropFraction: 0.2 });

Deno.test("in-, out- and slow laps are cool-down; a slow lap explained by one corner is a mistake", () => {
  const out: Lap = { ...flyingLap(1, 140), kind: "out", included: false };
  const inLap: Lap = { ...flyingLap(9, 0), kind: "in", complete: false, timeS: null, included: false };
  const laps = [out, flyingLap(2, 117), flyingLap(3, 120), flyingLap(4, 108), inLap];
  const byLap = new Map([[3, [drop(5)]], [4, [2, 3, 4, 5, 6].map(drop)]]);
  const tags = tagLaps(laps, evidence({ drops: { thresholdFraction: 0.08, cornersCompared: 10, byLap } }));
  assert.deepEqual(tags.map((t) => t.tags), [["cool-down"], ["cool-down"], ["mistake"], ["cool-down"], [
    "cool-down",
  ]]);
  assert.match(tags[0].reasons[0], /out-lap from the pits \(140\.0 s, 1\.40 × the median 100\.0 s\)/);
  assert.match(tags[1].reasons[0], /slow lap \(117\.0 s, 1\.17 ×/);
  assert.match(tags[2].reasons[0], /T5 at 72 km\/h, 18 km\/h \(20 %\) below your usual 90 km\/h/);
  assert.match(tags[3].reasons[0], /slow everywhere: 5 of 10 corners more than 8 % below/);
  assert.match(tags[4].reasons[0], /in-lap/);
});

Deno.test("incidents each get their tag and reason; nothing found is clean", () => {
  const cut: Lap = {
    ...flyingLap(6, 99),
    included: false,
    excludedReason: "3.5 % shorter than the typical lap (cut?)",
  };
  const laps = [flyingLap(2, 100), flyingLap(3, 101), cut, flyingLap(7, 100, 700)];
  const tags = tagLaps(
    laps,
    evidence({
      excursions: { thresholdM: 3, byLap: new Map([[3, [{ corner: 2, peakOffsetM: -4.2, lengthM: 14 }]]]) },
      lifts: new Map([[3, [{ fromM: 1230, toM: 1270, peakDecelG: 0.31, usualG: 0.12, afterCorner: 5 }]]]),
      badSpans: [{ startS: 730, endS: 732, reason: "no usable position for 2.0 s" }],
    }),
  );
  assert.deepEqual(tags.map((t) => t.tags), [["clean"], ["off-track", "traffic-suspect"], ["off-track"], [
    "poor-gps",
  ]]);
  assert.match(tags[0].reasons[0], /100\.0 s, 1\.00 × the median 100\.0 s; every corner within 8 %/);
  assert.match(tags[1].reasons[0], /4\.2 m right of your usual line through T2 for 14 m/);
  assert.match(
    tags[1].reasons[1],
    /0\.31 g deceleration for 40 m at 1230 m \(after T5\) where your other laps accelerate/,
  );
  assert.match(tags[2].reasons[0], /lap 3\.5 % shorter than the typical lap \(cut\?\)/);
  assert.match(
    tags[3].reasons[0],
    /2\.0 s of poor GPS from 30\.0 s into the lap \(no usable position for 2\.0 s\)/,
  );
  for (const t of tags) assert.equal(t.tags.length, t.reasons.length);
});

Deno.test("without enough laps to compare, laps are tagged for pace only", () => {
  const tags = tagLaps([flyingLap(2, 100)], evidence({ drops: null, excursions: null, lifts: null }));
  assert.deepEqual(tags[0].tags, ["clean"]);
  assert.match(tags[0].reasons[0], /not compared with other laps/);
});
