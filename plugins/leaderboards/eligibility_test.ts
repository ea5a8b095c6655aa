import assert from "node:assert/strict";
import type { AutoLapTag, GpsQuality, Lap, LapTagging } from "../../sdk/mod.ts";
import { eligibleLaps, MIN_GPS_SCORE } from "./eligibility.ts";

function lap(number: number, kind: Lap["kind"] = "flying", startTimeS = number * 100): Lap {
  const complete = kind !== "in";
  return {
    number,
    kind,
    startTimeS,
    endTimeS: startTimeS + 100,
    timeS: complete ? 100 : null,
    distanceM: 3670,
    complete,
    included: kind === "flying",
    excludedReason: kind === "flying" ? null : `${kind}-lap`,
    startRow: 0,
    endRow: 0,
  };
}

const tagged = (n: number, ...tags: AutoLapTag[]): LapTagging => ({
  lap: n,
  tags,
  reasons: tags.map(() => ""),
});

function gps(score: number, spans: [number, number][] = []): GpsQuality {
  return {
    score,
    grade: score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : score >= 40 ? "D" : "F",
    usable: score >= 40,
    metrics: [],
    reasons: [],
    badSpans: spans.map(([startS, endS]) => ({ startS, endS, reason: "fewer than 6 satellites" })),
  };
}

Deno.test("only clean analysis laps outside poor-GPS stretches count, each other lap with its reason", () => {
  const laps = [lap(1, "out"), lap(2), lap(3), lap(4), lap(5), lap(6), lap(7, "in")];
  const tags = [
    tagged(1, "cool-down"),
    tagged(2, "clean"),
    tagged(3, "mistake"),
    tagged(4, "clean"),
    tagged(5, "clean", "traffic-suspect"),
    tagged(6, "clean"),
    tagged(7, "cool-down"),
  ];
  // A poor stretch inside lap 4 (400..500 s) that the tagger did not mark, and one that only touches lap 6's end.
  const { counted, excluded } = eligibleLaps(laps, tags, gps(92, [[430, 432], [700, 705]]));
  assert.deepEqual(counted.map((l) => l.number), [2, 6]);
  const why = new Map(excluded.map((x) => [x.lap, x.reason]));
  assert.deepEqual([...why.keys()], [1, 3, 4, 5, 7]);
  assert.match(why.get(3)!, /tagged mistake/);
  assert.match(why.get(4)!, /poor GPS from 430\.0 s/);
  assert.match(why.get(5)!, /tagged traffic-suspect/);
  assert.match(why.get(1)!, /out-lap/);
});

Deno.test("a session below GPS grade C, or without GPS or tag assessment, counts no lap", () => {
  const laps = [lap(2), lap(3)];
  const clean = [tagged(2, "clean"), tagged(3, "clean")];
  assert.equal(eligibleLaps(laps, clean, gps(MIN_GPS_SCORE)).counted.length, 2);
  const poor = eligibleLaps(laps, clean, gps(MIN_GPS_SCORE - 1));
  assert.deepEqual(poor.counted, []);
  assert.match(poor.excluded[0].reason, /GPS quality D \(59\/100\) is below grade C/);
  assert.deepEqual(eligibleLaps(laps, clean, undefined).counted, []);
  assert.match(eligibleLaps(laps, undefined, gps(95)).excluded[0].reason, /not tagged/);
});

Deno.test("a lap the driver tagged traffic, off-line, experimental or cold-tires is kept off; rain is not", () => {
  const laps = [lap(2), lap(3), lap(4), lap(5), lap(6)];
  const clean = laps.map((l) => tagged(l.number, "clean"));
  const own = new Map<number, readonly string[]>([
    [2, ["Traffic"]],
    [3, ["rain", "new pads"]],
    [4, ["new pads", "off-line"]],
    [5, ["cold-tires"]],
  ]);
  const { counted, excluded } = eligibleLaps(laps, clean, gps(95), own);
  assert.deepEqual(counted.map((l) => l.number), [3, 6]);
  assert.deepEqual(excluded, [
    { lap: 2, reason: "you tagged it Traffic" },
    { lap: 4, reason: "you tagged it off-line" },
    { lap: 5, reason: "you tagged it cold-tires" },
  ]);
  // Analysed after the tag was set, the laps stage has already left the lap out: same reason.
  const leftOut = { ...lap(5), included: false, excludedReason: "you tagged it cold-tires" };
  assert.deepEqual(
    eligibleLaps([leftOut], clean, gps(95), own).excluded,
    [{ lap: 5, reason: "you tagged it cold-tires" }],
  );
});
