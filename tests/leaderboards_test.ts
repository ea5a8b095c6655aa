/**
 * The leaderboards plugin on real analyses of the shared sample sessions,
 * through the in-memory workbench (several drivers, each a user of their
 * own): opt-in and opt-out, which laps count (checked against the truth
 * files' lap times), the driver's own lap tags, ties, class filters,
 * re-analysis and deleted sessions.
 */
import assert from "node:assert/strict";
import leaderboards from "../plugins/leaderboards/mod.ts";
import { type GpsQuality, GpsQualityKey, type Lap, type LapTagging, LapTagsKey } from "../sdk/mod.ts";
import { haveSessions, readTruth } from "../sdk/testing/mod.ts";
import { BARBER, drive, driversOn, LAP_MARGIN_S, replaced, setUp, valueOf } from "./leaderboards_bench.ts";
import { analysedArtifacts, type ArtifactPairs } from "./social_sessions.ts";

Deno.test({
  name: "leaderboards: drivers who never opt in are absent; opting out removes every entry",
  ignore: !haveSessions(),
  async fn() {
    const { bench, services, optIn, boards, call } = setUp();
    const alice = bench.addUser({ id: "alice", name: "Alice" });
    const bob = bench.addUser({ id: "bob", name: "Bob" });
    const carol = bench.addUser({ id: "carol", name: "Carol" });
    await drive(bench, alice, "a1", "barber-8laps.csv", "2026-06-14T14:05:00Z");
    await drive(bench, bob, "b1", "barber-faults.csv", "2026-06-20T10:00:00Z");
    await drive(bench, carol, "c1", "barber-8laps-aim.csv", "2026-06-21T10:00:00Z");
    assert.deepEqual(await services.store.list("entries"), [], "nobody opted in: nothing is stored");

    assert.equal((await optIn(alice, true)).sessionsEntered, 1, "opting in enters the analysed session");
    assert.equal((await optIn(bob, true)).sessionsEntered, 1);
    const both = await boards(carol);
    assert.deepEqual([...driversOn(both)].sort(), ["Alice", "Bob"]);
    assert.equal(both.you.optedIn, false);
    assert.deepEqual(await call("GET", "/opt-in", carol), { optedIn: false, since: null });

    await drive(bench, carol, "c2", "barber-8laps.vbo", "2026-06-22T10:00:00Z");
    assert.ok(
      !driversOn(await boards(alice)).has("Carol"),
      "a new analysis does not enter a driver who never opted in",
    );

    assert.equal((await optIn(bob, false)).entriesRemoved, 1);
    assert.deepEqual([...driversOn(await boards(alice))], ["Alice"]);
    assert.deepEqual(await services.store.list("entries", { ownerId: bob.id }), []);
    await bench.analysed(leaderboards, "b1");
    assert.deepEqual([...driversOn(await boards(alice))], ["Alice"], "re-analysis does not bring Bob back");
    const tracks = (await call("GET", "/tracks", bob)) as { tracks: { slug: string; drivers: number }[] };
    assert.deepEqual(tracks.tracks.map((t) => [t.slug, t.drivers]), [[BARBER, 1]]);
  },
});

Deno.test({
  name: "leaderboards: a lap with poor GPS or a mistake tag never counts, on any board",
  ignore: !haveSessions(),
  async fn() {
    const { bench, optIn, boards } = setUp();
    const alice = bench.addUser({ id: "alice", name: "Alice" });
    await optIn(alice, true);
    // barber-faults: the fastest lap (3) is tagged poor-gps; the boards must show the best of the clean ones.
    const pairs = await drive(bench, alice, "faults", "barber-faults.csv", "2026-06-14T14:05:00Z");
    const truth = await readTruth("barber-faults.csv");
    const tags = valueOf<LapTagging[]>(pairs, LapTagsKey.id);
    const clean = tags.filter((t) => t.tags.length === 1 && t.tags[0] === "clean").map((t) => t.lap);
    const trueTime = (n: number) => truth.laps.find((l) => l.number === n)!.time_s!;
    const fastest = truth.laps.filter((l) => l.kind !== "out" && l.complete && l.time_s !== null)
      .sort((a, b) => a.time_s! - b.time_s!)[0];
    assert.ok(!clean.includes(fastest.number), "the session's fastest lap is one the tagger left out");
    const doc = await boards(alice);
    const best = doc.lapTime.rows[0];
    const bestClean = Math.min(...clean.map(trueTime));
    assert.ok(Math.abs(best.value - bestClean) < LAP_MARGIN_S, `${best.value} vs true ${bestClean}`);
    assert.ok(best.value > fastest.time_s! + 0.2, "the faster poor-GPS lap is not on the board");
    for (const c of doc.corners) {
      for (const row of [...c.minSpeed.rows, ...c.cornerTime.rows]) {
        assert.ok(clean.includes(row.lap), `${c.key}`);
      }
    }
    assert.ok(doc.you.excludedLaps.some((x) => x.lap === fastest.number && /poor-gps/.test(x.reason)));

    // barber-8laps with its best lap tagged a mistake, and a poor stretch the tagger missed in the next best.
    const base = await analysedArtifacts("barber-8laps.csv");
    const laps = valueOf<Lap[]>(base, "laps");
    const truth8 = await readTruth("barber-8laps.csv");
    const cleanLaps = valueOf<LapTagging[]>(base, LapTagsKey.id).filter((t) => t.tags.join() === "clean")
      .map((t) => t.lap).sort((a, b) =>
        truth8.laps.find((l) => l.number === a)!.time_s! - truth8.laps.find((l) => l.number === b)!.time_s!
      );
    const [first, second, third] = cleanLaps;
    const lapOf = (n: number) => laps.find((l) => l.number === n)!;
    const faulted = (p: ArtifactPairs) => {
      const tagsNow = valueOf<LapTagging[]>(p, LapTagsKey.id).map((t) =>
        t.lap === first ? { ...t, tags: ["mistake" as const], reasons: ["lift in T5"] } : t
      );
      const gps = valueOf<GpsQuality>(p, GpsQualityKey.id);
      const span = {
        startS: lapOf(second).startTimeS + 30,
        endS: lapOf(second).startTimeS + 32,
        reason: "test",
      };
      return replaced(replaced(p, LapTagsKey.id, tagsNow), GpsQualityKey.id, {
        ...gps,
        badSpans: [...gps.badSpans, span],
      });
    };
    const bob = bench.addUser({ id: "bob", name: "Bob" });
    await optIn(bob, true);
    await drive(bench, bob, "faulted", "barber-8laps.csv", "2026-06-15T14:05:00Z", faulted);
    const bobRow = (await boards(bob)).lapTime.yours!;
    assert.equal(bobRow.lap, third, `lap ${first} (mistake) and lap ${second} (poor GPS) do not count`);
    assert.ok(Math.abs(bobRow.value - truth8.laps.find((l) => l.number === third)!.time_s!) < LAP_MARGIN_S);
  },
});

Deno.test({
  name: "leaderboards: a lap the driver tags traffic leaves the boards, and returns when the tag is cleared",
  ignore: !haveSessions(),
  async fn() {
    const { bench, optIn, boards } = setUp();
    const alice = bench.addUser({ id: "alice", name: "Alice" });
    await optIn(alice, true);
    await drive(bench, alice, "a1", "barber-8laps.csv", "2026-06-14T14:05:00Z");
    const truth = await readTruth("barber-8laps.csv");
    const trueTime = (n: number) => truth.laps.find((l) => l.number === n)!.time_s!;
    const best = (await boards(alice)).lapTime.yours!;
    assert.ok(Math.abs(best.value - trueTime(best.lap)) < LAP_MARGIN_S);

    bench.setLapTags("a1", best.lap, ["traffic", "cold-tires"]);
    await bench.analysed(leaderboards, "a1");
    const tagged = await boards(alice);
    const next = tagged.lapTime.yours!;
    assert.notEqual(next.lap, best.lap);
    assert.ok(next.value > best.value && Math.abs(next.value - trueTime(next.lap)) < LAP_MARGIN_S);
    assert.deepEqual(
      tagged.you.excludedLaps.find((x) => x.lap === best.lap),
      { sessionId: "a1", lap: best.lap, reason: "you tagged it traffic, cold-tires" },
    );
    for (const c of tagged.corners) {
      for (const row of [...c.minSpeed.rows, ...c.cornerTime.rows]) assert.notEqual(row.lap, best.lap, c.key);
    }

    bench.setLapTags("a1", best.lap, ["rain"]);
    await bench.analysed(leaderboards, "a1");
    assert.deepEqual((await boards(alice)).lapTime.yours, best, "a note such as rain keeps the lap on");
  },
});

Deno.test({
  name: "leaderboards: equal lap times are ordered by when the lap was driven, earlier first",
  ignore: !haveSessions(),
  async fn() {
    // The .csv and .vbo files log the same simulated driving: their best laps tie to the millisecond.
    const csvBest = valueOf<Lap[]>(await analysedArtifacts("barber-8laps.csv"), "laps");
    const vboBest = valueOf<Lap[]>(await analysedArtifacts("barber-8laps.vbo"), "laps");
    const ms = (laps: Lap[]) =>
      Math.round(Math.min(...laps.filter((l) => l.included).map((l) => l.timeS!)) * 1000);
    assert.equal(ms(csvBest), ms(vboBest), "precondition: the two best laps tie");
    for (const [earlier, later] of [["csv", "vbo"], ["vbo", "csv"]]) {
      const { bench, optIn, boards } = setUp();
      const ann = bench.addUser({ id: "ann", name: "Ann" });
      const zoe = bench.addUser({ id: "zoe", name: "Zoe" });
      await optIn(ann, true);
      await optIn(zoe, true);
      const file = (kind: string) => (kind === "csv" ? "barber-8laps.csv" : "barber-8laps.vbo");
      await drive(bench, zoe, "z", file(earlier), "2026-05-01T09:00:00Z");
      await drive(bench, ann, "a", file(later), "2026-05-01T09:30:00Z");
      const rows = (await boards(ann)).lapTime.rows;
      assert.deepEqual(rows.map((r) => [r.rank, r.driver]), [[1, "Zoe"], [2, "Ann"]], `${earlier} first`);
      assert.equal(rows[0].value, rows[1].value);
    }
  },
});

Deno.test({
  name: "leaderboards: class filters rank like cars only, from the equipment assigned now",
  ignore: !haveSessions(),
  async fn() {
    const { bench, optIn, boards } = setUp();
    const [alice, bob, dave] = ["alice", "bob", "dave"].map((id) => bench.addUser({ id, name: id }));
    for (const u of [alice, bob, dave]) await optIn(u, true);
    bench.addEquipment({
      id: "a-street",
      userId: alice.id,
      name: "RS4s",
      details: { tires: { category: "endurance_200tw" }, vehicle: { mass_kg: 1450, power_w: 260_000 } },
    });
    bench.addEquipment({
      id: "a-slicks",
      userId: alice.id,
      name: "Slicks",
      details: { tires: { category: "slick" } },
    });
    bench.addEquipment({
      id: "b-slicks",
      userId: bob.id,
      name: "Race",
      details: { tires: { category: "slick" }, vehicle: { mass_kg: 1000, power_w: 300_000 } },
    });
    await drive(bench, alice, "a", "barber-8laps.csv", "2026-06-14T14:05:00Z", undefined, "a-street");
    await drive(bench, bob, "b", "barber-faults.csv", "2026-06-15T14:05:00Z", undefined, "b-slicks");
    await drive(bench, dave, "d", "barber-8laps-aim.csv", "2026-06-16T14:05:00Z");
    const who = async (query: Record<string, string>) =>
      (await boards(alice, query)).lapTime.rows.map((r) => `${r.driver}:${r.tyres}/${r.power}`).sort();
    assert.deepEqual(await who({}), ["alice:street/mid", "bob:race/high", "dave:unclassified/unclassified"]);
    assert.deepEqual(await who({ tyres: "street" }), ["alice:street/mid"]);
    assert.deepEqual(await who({ tyres: "race" }), ["bob:race/high"]);
    assert.deepEqual(await who({ tyres: "unclassified" }), ["dave:unclassified/unclassified"]);
    assert.deepEqual(await who({ power: "high" }), ["bob:race/high"]);
    assert.deepEqual(await who({ tyres: "street", power: "high" }), []);
    const cornerDrivers = (await boards(alice, { tyres: "race" })).corners.flatMap((c) => c.cornerTime.rows);
    assert.ok(
      cornerDrivers.length > 0 && cornerDrivers.every((r) => r.driver === "bob"),
      "corner boards filter too",
    );

    bench.addSession({ ...(await bench.services("x").session("a"))!, equipmentId: "a-slicks" });
    assert.deepEqual(
      await who({ tyres: "race" }),
      ["alice:race/unclassified", "bob:race/high"],
      "re-assigned at once",
    );
    bench.addSession({ ...(await bench.services("x").session("a"))!, equipmentId: "b-slicks" });
    assert.deepEqual(await who({ tyres: "race" }), ["bob:race/high"], "another driver's profile is not used");
  },
});

Deno.test({
  name: "leaderboards: re-analysis never duplicates an entry; a deleted session's entries disappear",
  ignore: !haveSessions(),
  async fn() {
    const { bench, services, optIn, boards } = setUp();
    const alice = bench.addUser({ id: "alice", name: "Alice" });
    const bob = bench.addUser({ id: "bob", name: "Bob" });
    await optIn(alice, true);
    await optIn(bob, true);
    await drive(bench, alice, "a-csv", "barber-8laps.csv", "2026-06-14T14:05:00Z");
    await drive(bench, alice, "a-faults", "barber-faults.csv", "2026-06-01T14:05:00Z");
    await drive(bench, bob, "b", "barber-8laps-aim.csv", "2026-06-16T14:05:00Z");
    const before = await boards(bob);
    for (let i = 0; i < 3; i++) {
      for (const id of ["a-csv", "a-faults", "b"]) await bench.analysed(leaderboards, id);
    }
    await optIn(alice, true); // opting in again re-enters, never adds
    assert.deepEqual(await boards(bob), before);
    assert.deepEqual((await services.store.list("entries")).map((r) => r.key).sort(), [
      "a-csv",
      "a-faults",
      "b",
    ]);

    const aliceBest = before.lapTime.rows.find((r) => r.driver === "Alice")!;
    assert.equal((await boards(alice)).lapTime.yours?.sessionId, "a-csv");
    assert.equal(aliceBest.sessionId, null, "another driver's session id is not shown");
    bench.deleteSession("a-csv");
    const after = await boards(alice);
    assert.equal(after.lapTime.yours?.sessionId, "a-faults", "the deleted session's best is gone");
    assert.ok(after.lapTime.yours!.value > aliceBest.value);
    assert.deepEqual((await services.store.list("entries")).map((r) => r.key).sort(), ["a-faults", "b"]);
    bench.deleteSession("a-faults");
    assert.deepEqual([...driversOn(await boards(bob))], ["Bob"]);
  },
});
