import assert from "node:assert/strict";
import type { Mark } from "./entries.ts";
import { type LiveEntry, rankBoard, trackBoards } from "./ranking.ts";

const T0 = Date.UTC(2026, 5, 14, 14);

function entry(
  userId: string,
  sessionId: string,
  lap: Mark | null,
  corner: { time: Mark | null; speed: Mark | null } = { time: null, speed: null },
  classes: { tyres?: string; power?: string } = {},
): LiveEntry {
  return {
    sessionId,
    userId,
    driver: userId.toUpperCase(),
    trackSlug: "barber-motorsports-park",
    trackName: "Barber Motorsports Park",
    countedLaps: lap ? [lap.lap] : [],
    excludedLaps: [],
    lapTime: lap,
    corners: [{
      key: "T5",
      label: "T5",
      name: "Charlotte's Web",
      minSpeed: corner.speed,
      cornerTime: corner.time,
    }],
    tyres: classes.tyres ?? "street",
    power: classes.power ?? "mid",
  };
}

const mark = (value: number, lap: number, minutes: number): Mark => ({
  value,
  lap,
  drivenAt: T0 + minutes * 60_000,
});

Deno.test("one row per driver, their best; lower times and higher speeds first", () => {
  const entries = [
    entry("ann", "a1", mark(103.2, 4, 10), { time: mark(4.6, 4, 10), speed: mark(63.1, 4, 10) }),
    entry("ann", "a2", mark(102.9, 6, 500), { time: mark(4.7, 6, 500), speed: mark(64.0, 6, 500) }),
    entry("bob", "b1", mark(103.0, 2, 20), { time: mark(4.5, 2, 20), speed: mark(63.5, 2, 20) }),
  ];
  const boards = trackBoards(entries);
  assert.deepEqual(boards.lapTime.map((r) => [r.rank, r.userId, r.value, r.sessionId]), [
    [1, "ann", 102.9, "a2"],
    [2, "bob", 103.0, "b1"],
  ]);
  const [t5] = boards.corners;
  assert.deepEqual(t5.cornerTime.map((r) => [r.userId, r.value, r.sessionId]), [["bob", 4.5, "b1"], [
    "ann",
    4.6,
    "a1",
  ]]);
  assert.deepEqual(t5.minSpeed.map((r) => [r.userId, r.value]), [["ann", 64.0], ["bob", 63.5]]);
  assert.equal(t5.king?.userId, "bob", "the king leads the corner-time board");
});

Deno.test("equal values are ordered by when the lap was driven, earlier first, whoever it is", () => {
  const early = mark(102.738, 8, 5), late = mark(102.738, 3, 90);
  for (const [first, second] of [["zed", "amy"], ["amy", "zed"]]) {
    const rows = rankBoard(
      [entry(second, `${second}-s`, late), entry(first, `${first}-s`, early)],
      (e) => e.lapTime,
      true,
    );
    assert.deepEqual(rows.map((r) => [r.rank, r.userId]), [[1, first], [2, second]]);
  }
  // Within one driver's sessions too: the earlier of two equal laps is the one shown.
  const rows = rankBoard(
    [entry("amy", "later", late), entry("amy", "earlier", early)],
    (e) => e.lapTime,
    true,
  );
  assert.deepEqual(rows.map((r) => [r.sessionId, r.lap]), [["earlier", 8]]);
});

Deno.test("the class filter ranks only matching sessions, each driver's best among them", () => {
  const entries = [
    entry("ann", "street", mark(104.0, 2, 1), undefined, { tyres: "street", power: "mid" }),
    entry("ann", "slicks", mark(101.0, 2, 2), undefined, { tyres: "race", power: "mid" }),
    entry("bob", "b", mark(103.0, 2, 3), undefined, { tyres: "street", power: "high" }),
  ];
  const ids = (filter: { tyres?: string; power?: string }) =>
    trackBoards(entries, filter).lapTime.map((r) => `${r.userId}:${r.sessionId}`);
  assert.deepEqual(ids({}), ["ann:slicks", "bob:b"]);
  assert.deepEqual(ids({ tyres: "street" }), ["bob:b", "ann:street"]);
  assert.deepEqual(ids({ tyres: "street", power: "mid" }), ["ann:street"]);
  assert.deepEqual(ids({ tyres: "track" }), []);
});

Deno.test("corners come in circuit order and a corner nobody has timed has no king", () => {
  const base = entry("ann", "a", mark(103, 2, 1));
  const withCorners: LiveEntry = {
    ...base,
    corners: ["T10", "T2-4", "T1"].map((key) => ({
      key,
      label: key,
      name: null,
      minSpeed: mark(80, 2, 1),
      cornerTime: key === "T10" ? null : mark(3, 2, 1),
    })),
  };
  const { corners } = trackBoards([withCorners]);
  assert.deepEqual(corners.map((c) => c.key), ["T1", "T2-4", "T10"]);
  assert.equal(corners[2].king, null);
  assert.equal(corners[2].minSpeed.length, 1);
});
