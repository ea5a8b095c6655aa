import assert from "node:assert/strict";
import { findUnusualLifts } from "./lifts.ts";
import type { DistanceLap } from "../../sdk/mod.ts";
import { syntheticCorner } from "../../sdk/testing/mod.ts";
import { circleGrid, flyingLap, lapKpis } from "./_test_support.ts";

/** Laps to check, each starting 100 s after the previous one. */
const asChecked = (grids: DistanceLap[]) => grids.map((grid) => ({ lap: flyingLap(grid.number, 60), grid }));

/**
 * Speed of a lap that brakes hard into a corner at 300..400 m and
 * accelerates at 0.2 g everywhere else; `lift` adds a 0.3 g deceleration
 * over [from, from + 40 m] (and holds its speed after it with `holdAfter`).
 */
function speedProfile(lift?: { fromM: number; holdAfter?: boolean }) {
  const a = 0.2 * 9.80665, brake = 1.0 * 9.80665, liftDecel = 0.3 * 9.80665;
  const v2 = new Map<number, number>();
  return (m: number) => {
    // Integrate v² along the lap in 0.7 m steps (memoised: grid points come in order).
    const key = Math.round(m / 0.7);
    if (key === 0) v2.set(0, 20 * 20);
    if (!v2.has(key)) {
      const s = (key - 1) * 0.7;
      const prev = v2.get(key - 1)!;
      let accel = a;
      if (s >= 250 && s < 300) accel = -brake;
      else if (lift && s >= lift.fromM && s < lift.fromM + 40) accel = -liftDecel;
      else if (lift?.holdAfter && s >= lift.fromM + 40) accel = 0;
      v2.set(key, Math.max(100, prev + 2 * accel * 0.7));
    }
    return Math.sqrt(v2.get(key)!);
  };
}

Deno.test("a lift on a straight where the other laps accelerate is found, with the corner before it", () => {
  const laps = [1, 2, 3, 4].map((n) => circleGrid(n, speedProfile()));
  const lifted = circleGrid(5, speedProfile({ fromM: 700 }));
  const corners = [syntheticCorner(1, 300, 350, 400)];
  const kpis = [1, 2, 3, 4, 5].map((n) => lapKpis(n, [80], [250]));
  const found = findUnusualLifts(asChecked([...laps, lifted]), laps, corners, kpis, [])!;
  for (const n of [1, 2, 3, 4]) assert.deepEqual(found.get(n), [], `lap ${n}`);
  const [lift] = found.get(5)!;
  assert.ok(Math.abs(lift.fromM - 700) < 8 && Math.abs(lift.toM - 740) < 8, `${lift.fromM}..${lift.toM}`);
  assert.ok(Math.abs(lift.peakDecelG - 0.3) < 0.05);
  assert.ok(Math.abs(lift.usualG - 0.2) < 0.05);
  assert.equal(lift.afterCorner, 1);
  // Lap 5 starts at 500 s; a poor-GPS span over the lift hides it (speed there is interpolated).
  const t = lifted.channels.timeS[Math.round(720 / 0.7)];
  const hidden = findUnusualLifts(asChecked([...laps, lifted]), laps, corners, kpis, [
    { startS: 500 + t - 1, endS: 500 + t + 1, reason: "test" },
  ])!;
  assert.deepEqual(hidden.get(5), []);
});

Deno.test("braking early for a corner is not traffic", () => {
  const laps = [1, 2, 3, 4].map((n) => circleGrid(n, speedProfile()));
  // Lap 5 starts slowing 40 m before its usual brake point; its own brake point says so.
  const early = circleGrid(5, speedProfile({ fromM: 210 }));
  const kpis = [...[1, 2, 3, 4].map((n) => lapKpis(n, [80], [250])), lapKpis(5, [80], [210])];
  const found = findUnusualLifts(
    asChecked([...laps, early]),
    laps,
    [syntheticCorner(1, 300, 350, 400)],
    kpis,
    [],
  )!;
  assert.deepEqual(found.get(5), []);
  assert.equal(
    findUnusualLifts(asChecked(laps), laps.slice(0, 2), [], [], []),
    null,
    "needs 3 laps to compare",
  );
});

Deno.test("slowing into the line on the lap before the in-lap is heading for the pits", () => {
  const laps = [1, 2, 3, 4].map((n) => circleGrid(n, speedProfile()));
  const lengthM = laps[0].points * 0.7;
  // Slows for 40 m, then holds its speed to the line.
  const last = circleGrid(5, speedProfile({ fromM: lengthM - 60, holdAfter: true }));
  const kpis = [1, 2, 3, 4, 5].map((n) => lapKpis(n, [80], [250]));
  const corners = [syntheticCorner(1, 300, 350, 400)];
  assert.equal(findUnusualLifts(asChecked([...laps, last]), laps, corners, kpis, [])!.get(5)!.length, 1);
  assert.deepEqual(
    findUnusualLifts(asChecked([...laps, last]), laps, corners, kpis, [], new Set([5]))!.get(5),
    [],
  );
});

Deno.test("braking for the first corner before the line belongs to the next lap's corner", () => {
  const laps = [1, 2, 3, 4].map((n) => circleGrid(n, speedProfile()));
  const lengthM = (laps[0].points - 1) * 0.7;
  // Lap 5 brakes over its last 40 m + a few metres; lap 6's brake point for T1 says it is T1's braking.
  const braking = circleGrid(5, speedProfile({ fromM: lengthM - 45 }));
  const corners = [syntheticCorner(1, 30, 75, 120)];
  const kpis = [1, 2, 3, 4, 5].map((n) => lapKpis(n, [80], [10]));
  assert.equal(findUnusualLifts(asChecked([...laps, braking]), laps, corners, kpis, [])!.get(5)!.length, 1);
  for (const before of [lengthM - 45, -45]) {
    const withNext = [...kpis, lapKpis(6, [80], [before])];
    assert.deepEqual(
      findUnusualLifts(asChecked([...laps, braking]), laps, corners, withNext, [])!.get(5),
      [],
      `${before}`,
    );
  }
});
