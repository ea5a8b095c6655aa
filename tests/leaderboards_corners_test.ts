/**
 * The leaderboards' corner windows on real analyses of the shared sample
 * sessions (placed on the circuit's official apexes, the same for two
 * loggers of the same driving), and the routes' answers to bad requests.
 */
import assert from "node:assert/strict";
import leaderboards from "../plugins/leaderboards/mod.ts";
import { planCorners, WINDOW_LEAD_M, windowOnLap } from "../plugins/leaderboards/corner_window.ts";
import type { Corner, DistanceLap, TrackMatch } from "../sdk/mod.ts";
import { haveSessions } from "../sdk/testing/mod.ts";
import { BARBER, type Boards, drive, setUp, valueOf } from "./leaderboards_bench.ts";
import { analysedArtifacts } from "./social_sessions.ts";

Deno.test({
  name:
    "leaderboards: corner windows sit on the circuit's official apexes, whichever logger recorded the lap",
  ignore: !haveSessions(),
  async fn() {
    let checked = 0;
    for (const file of ["barber-8laps.csv", "roebling-6laps.csv", "amp-5laps.csv"]) {
      const pairs = await analysedArtifacts(file);
      const match = valueOf<TrackMatch>(pairs, "track");
      const plans = planCorners(match, valueOf<Corner[]>(pairs, "corners"));
      const apexOf = new Map(match.track.corners.map((c) => [c.number, c.apexM]));
      assert.ok(plans.plans.length >= 6, `${file}: corners with official turns`);
      for (const lap of valueOf<DistanceLap[]>(pairs, "distance-laps").slice(1, -1)) {
        for (const plan of plans.plans) {
          const window = windowOnLap(plans, plan, lap);
          if (!window) continue;
          const turns = plan.corner.officialNumbers;
          // The circuit line and a driven lap differ in length by well under 0.5 %.
          assert.ok(
            Math.abs(window.fromM + WINDOW_LEAD_M - apexOf.get(turns[0])!) < 10,
            `${file} ${plan.key}`,
          );
          assert.ok(
            Math.abs(window.toM - WINDOW_LEAD_M - apexOf.get(turns.at(-1)!)!) < 10,
            `${file} ${plan.key}`,
          );
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `windows placed: ${checked}`);
    const { bench, optIn, boards } = setUp();
    const [ann, zoe] = ["ann", "zoe"].map((id) => bench.addUser({ id, name: id }));
    await optIn(ann, true);
    await optIn(zoe, true);
    await drive(bench, ann, "csv", "barber-8laps.csv", "2026-06-14T14:05:00Z");
    await drive(bench, zoe, "vbo", "barber-8laps.vbo", "2026-06-14T14:05:00Z");
    for (const corner of (await boards(ann)).corners) {
      const [a, b] = corner.cornerTime.rows;
      assert.ok(
        a && b && Math.abs(a.value - b.value) < 0.01,
        `${corner.key}: same driving, same corner time`,
      );
    }
  },
});

Deno.test({
  name: "leaderboards routes: sign-in required, a bad circuit or body is a 400 naming the problem",
  ignore: !haveSessions(),
  async fn() {
    const { bench, call } = setUp();
    const alice = bench.addUser({ id: "alice", name: "Alice" });
    for (const r of leaderboards.appRoutes!) {
      await assert.rejects(
        async () =>
          await call(r.method, r.path, null, { params: { track: BARBER }, body: { opted_in: true } }),
        (e: Error & { status?: number }) => e.status === 401,
        `${r.method} ${r.path}`,
      );
    }
    await assert.rejects(
      async () => await call("GET", "/tracks/{track}", alice, { params: { track: "Barber Park!" } }),
      (e: Error & { status?: number; code?: string }) => e.status === 400 && e.code === "invalid_track",
    );
    for (const body of [undefined, {}, { opted_in: "yes" }]) {
      await assert.rejects(
        async () => await call("PUT", "/opt-in", alice, { body }),
        (e: Error & { status?: number }) => e.status === 400 && /opted_in|JSON object/.test(e.message),
      );
    }
    const empty = (await call("GET", "/tracks/{track}", alice, { params: { track: "nowhere" } })) as Boards;
    assert.deepEqual([empty.lapTime.drivers, empty.corners.length], [0, 0]);
  },
});
