import assert from "node:assert/strict";
import type { CornerSummary, SessionSummary } from "../../sdk/mod.ts";
import { evaluateRules, type HistoryEntry } from "./rules.ts";

const DAY_MS = 86_400_000;

function summary(overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    completeLaps: 8,
    timedLaps: 6,
    distanceM: 30_000,
    drivingTimeS: 800,
    bestLapS: 100,
    bestLapNumber: 3,
    consistencyScore: 70,
    consistencyProvisional: false,
    cleanLaps: [2, 3, 4, 5, 6],
    mistakeLaps: [7],
    corners: [],
    ...overrides,
  };
}

function entry(
  id: string,
  day: number,
  overrides: Partial<SessionSummary> = {},
  track = "barber",
): HistoryEntry {
  return {
    sessionId: id,
    trackSlug: track,
    trackName: track,
    drivenAt: day * DAY_MS,
    summary: summary(overrides),
  };
}

function corner(label: string, cleanLaps: number, spreadKmh: number): CornerSummary {
  return { corner: 1, label, cleanLaps, bestMinSpeedKmh: 80, minSpeedSpreadKmh: spreadKmh };
}

const keysOf = (history: HistoryEntry[]) => evaluateRules(history).awards.map((a) => a.key);

Deno.test("first session and first session at each circuit go to the earliest driven, not the first uploaded", () => {
  const { awards } = evaluateRules([
    entry("late", 5),
    entry("no-laps", 0, { timedLaps: 0, bestLapS: null }),
    entry("early", 1),
    entry("roebling", 3, {}, "roebling"),
  ]);
  assert.equal(awards.find((a) => a.badge === "first-session")?.sessionId, "early");
  assert.deepEqual(
    awards.filter((a) => a.badge === "new-track").map((a) => [a.key, a.sessionId]),
    [["new-track:barber", "early"], ["new-track:roebling", "roebling"]],
  );
});

Deno.test("a personal best must beat every earlier session at the circuit; a tie is not one", () => {
  const { awards } = evaluateRules([
    entry("d4", 4, { bestLapS: 99.5 }), // beats 100.2 (d2) and 100 (d1)
    entry("d1", 1, { bestLapS: 100 }),
    entry("d2", 2, { bestLapS: 100.2 }), // slower than d1: no
    entry("d3", 3, { bestLapS: 100 }), // ties d1: no
    entry("d5", 5, { bestLapS: 99.0 }, "roebling"), // other circuit: first there, not a best
  ]);
  const bests = awards.filter((a) => a.badge === "personal-best");
  assert.deepEqual(bests.map((a) => a.key), ["personal-best:d4"]);
  assert.match(bests[0].reason, /99\.500 s .* previous best 100\.000 s by 0\.500 s/);
});

Deno.test("the consistency streak needs 3 sessions in a row at 80 or more; provisional scores break it", () => {
  const streak = (scores: (number | null)[]) =>
    evaluateRules(
      scores.map((score, i) =>
        entry(`s${i}`, i, { consistencyScore: score ?? 95, consistencyProvisional: score === null })
      ),
    );
  assert.equal(streak([85, 90, 79, 81, 88]).awards.some((a) => a.badge === "consistency-streak"), false);
  assert.equal(streak([85, 90, 79, 81, 88]).progress["consistency-streak"].current, 2);
  assert.equal(streak([85, null, 90, 81]).awards.some((a) => a.badge === "consistency-streak"), false);
  const won = streak([70, 80, 85, 99, 92]).awards.filter((a) => a.badge === "consistency-streak");
  assert.deepEqual(won.map((a) => a.sessionId), ["s3"]);
});

Deno.test("corner mastery: spread under 1.5 km/h over at least 5 clean laps, once per circuit and corner", () => {
  const { awards, progress } = evaluateRules([
    entry("a", 1, { corners: [corner("T1", 5, 1.2), corner("T2", 4, 0.3), corner("T3", 6, 1.5)] }),
    entry("b", 2, { corners: [corner("T1", 7, 0.9)] }),
    entry("c", 3, { corners: [corner("T1", 5, 1.0)] }, "roebling"),
  ]);
  assert.deepEqual(
    awards.filter((a) => a.badge === "corner-mastery").map((a) => [a.key, a.sessionId]),
    [["corner-mastery:barber:T1", "a"], ["corner-mastery:roebling:T1", "c"]],
  );
  assert.equal(progress["corner-mastery"], undefined, "no progress once one corner is mastered");
  const none = evaluateRules([entry("a", 1, { corners: [corner("T3", 6, 2.5), corner("T4", 6, 1.8)] })]);
  assert.equal(none.progress["corner-mastery"].current, 1.8);
  assert.match(none.progress["corner-mastery"].note, /T4 at barber: 1\.80 km\/h/);
});

Deno.test("a clean session needs 3 timed laps and no mistake or off-track lap", () => {
  const clean = (overrides: Partial<SessionSummary>) =>
    evaluateRules([entry("x", 1, overrides)]).awards.some((a) => a.badge === "clean-session");
  assert.equal(clean({ mistakeLaps: [4] }), false);
  assert.equal(clean({ mistakeLaps: [], timedLaps: 2 }), false);
  assert.equal(clean({ mistakeLaps: [], timedLaps: 3 }), true);
});

Deno.test("distance milestones go to the session that passes them", () => {
  const history = [1, 2, 3, 4].map((day) => entry(`d${day}`, day, { distanceM: 40_000 }));
  const { awards, progress } = evaluateRules(history);
  assert.deepEqual(awards.filter((a) => a.badge.startsWith("distance-")).map((a) => [a.badge, a.sessionId]), [
    ["distance-100km", "d3"],
  ]);
  assert.equal(progress["distance-500km"].current, 160);
  assert.equal(progress["distance-100km"], undefined);
});

Deno.test("the same history in any order gives the same, unique award keys", () => {
  const history = [
    entry("a", 1, { consistencyScore: 90, corners: [corner("T1", 5, 1)] }),
    entry("b", 2, { consistencyScore: 91, bestLapS: 98 }),
    entry("c", 3, { consistencyScore: 92, bestLapS: 97, mistakeLaps: [] }),
  ];
  const keys = keysOf(history);
  assert.deepEqual(keysOf([...history].reverse()), keys);
  assert.equal(new Set(keys).size, keys.length);
});
