/**
 * The Wrapped route on real analyses of the shared sample sessions, placed
 * on known dates through a year (and either side of it) for one driver,
 * with another driver's session in the same year. Every number is compared
 * with what the truth files say (lap counts, distances, times on track,
 * best laps, corner minimum speeds), never with our own output.
 *
 * Tolerances: measured lap times are within 0.04 s of the truth (0.05 s
 * allowed, 0.1 s for a difference of two); session distances within 15 m;
 * a corner's minimum-speed spread within 0.3 km/h.
 */
import assert from "node:assert/strict";
import wrapped from "../plugins/wrapped/mod.ts";
import { MIN_CORNER_LAPS } from "../plugins/wrapped/year_summary.ts";
import { type Corner, CornersKey, type LapTagging, LapTagsKey } from "../sdk/mod.ts";
import { createTestWorkbench, haveSessions, readTruth, type Truth } from "../sdk/testing/mod.ts";
import { analysedArtifacts, type ArtifactPairs, trackOf } from "./social_sessions.ts";

const YEAR = 2025;
/** Alice's sessions: file and when she drove it. */
const ALICE = [
  ["barber-8laps-aim.csv", "2024-12-31T23:30:00Z"], // the year before
  ["barber-faults.csv", "2025-03-08T10:00:00Z"],
  ["roebling-6laps.csv", "2025-05-10T10:00:00Z"],
  ["barber-8laps.csv", "2025-05-24T10:00:00Z"],
  ["amp-5laps.csv", "2025-09-13T10:00:00Z"],
  ["barber-8laps.vbo", "2025-12-06T10:00:00Z"],
  ["barber-1lap.csv", "2026-01-10T10:00:00Z"], // the year after
] as const;

interface Doc {
  sessions: number;
  laps: number;
  timedLaps: number;
  distanceKm: number;
  drivingHours: number;
  tracks: { slug: string; sessions: number; laps: number; bestLapS: number | null }[];
  months: { month: number; sessions: number }[];
  bestLaps: { sessionId: string; date: string; bestLapS: number }[];
  biggestImprovement: {
    trackSlug: string;
    first: { sessionId: string };
    last: { sessionId: string };
    gainS: number;
  };
  bestCorner: { sessionId: string; label: string; spreadKmh: number; cleanLaps: number };
  cornerGain: { trackSlug: string; label: string; gainKmh: number } | null;
  funFacts: {
    busiestMonth: { month: number; sessions: number };
    favouriteTrack: { slug: string; sessions: number };
    longestSession: { sessionId: string; laps: number };
  };
  activeYears: { year: number; sessions: number }[];
}

interface Driven {
  id: string;
  date: string;
  truth: Truth;
  pairs: ArtifactPairs;
}

async function setUp() {
  const bench = createTestWorkbench();
  const alice = bench.addUser({ id: "alice", name: "Alice" });
  const bob = bench.addUser({ id: "bob", name: "Bob" });
  const driven: Driven[] = [];
  const add = async (userId: string, id: string, file: string, date: string) => {
    const pairs = await analysedArtifacts(file);
    const track = trackOf(pairs)!;
    bench.addSession(
      { id, userId, fileName: file, trackSlug: track.slug, trackName: track.name, date },
      pairs,
    );
    return { id, date, truth: await readTruth(file), pairs };
  };
  for (const [i, [file, date]] of ALICE.entries()) driven.push(await add(alice.id, `a${i}`, file, date));
  await add(bob.id, "b0", "roebling-6laps.csv", "2025-07-01T10:00:00Z");
  bench.addSession({ id: "queued", userId: alice.id, status: "queued", date: "2025-08-01T10:00:00Z" });
  const route = wrapped.appRoutes!.find((r) => r.path === "/{year}")!;
  const year = async (user: typeof alice | null, y = YEAR) =>
    (await route.handler(
      bench.request(wrapped.id, { user, params: { year: y } as unknown as Record<string, string> }),
    )) as Doc;
  const inYear = driven.filter((d) => d.date.startsWith(String(YEAR)));
  return { alice, bob, year, inYear };
}

const valueOf = <T>(pairs: ArtifactPairs, id: string) => pairs.find(([key]) => key.id === id)?.[1] as T;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The session's laps tagged clean alone. */
const cleanLaps = (d: Driven) =>
  valueOf<LapTagging[]>(d.pairs, LapTagsKey.id).filter((t) => t.tags.length === 1 && t.tags[0] === "clean")
    .map((t) => t.lap);

/** The true minimum speeds of a corner (matched to the truth's by apex) on the clean laps, km/h; [] if unmatched. */
function trueMinSpeeds(d: Driven, corner: Corner): number[] {
  const index = d.truth.corners.findIndex((c) => Math.abs(c.apex_m - corner.apexM) < 30);
  if (index < 0) return [];
  return cleanLaps(d).map((n) => d.truth.laps.find((l) => l.number === n)!.corners[index].min_speed_kmh);
}

Deno.test({
  name: "wrapped: the year's sessions, laps, distance, hours, circuits and months match the truth files",
  ignore: !haveSessions(),
  async fn() {
    const { alice, year, inYear } = await setUp();
    const doc = await year(alice);
    assert.equal(doc.sessions, inYear.length);
    assert.equal(doc.laps, sum(inYear.map((d) => d.truth.laps.filter((l) => l.complete).length)));
    const trueKm = sum(inYear.map((d) => sum(d.truth.laps.map((l) => l.distance_m)))) / 1000;
    assert.ok(Math.abs(doc.distanceKm - trueKm) < 0.015 * inYear.length, `${doc.distanceKm} vs ${trueKm} km`);
    const trueHours = sum(inYear.map((d) => sum(d.truth.laps.map((l) => l.end_time_s - l.start_time_s)))) /
      3600;
    assert.ok(Math.abs(doc.drivingHours - trueHours) < 2 * inYear.length / 3600, `${doc.drivingHours} h`);

    const slugs = [...new Set(inYear.map((d) => d.truth.track.slug))];
    assert.deepEqual(doc.tracks.map((t) => t.slug).sort(), slugs.sort());
    for (const t of doc.tracks) {
      const here = inYear.filter((d) => d.truth.track.slug === t.slug);
      assert.equal(t.sessions, here.length, t.slug);
      const trueBest = Math.min(...here.map((d) => d.truth.best_lap_time_s!));
      assert.ok(Math.abs(t.bestLapS! - trueBest) < 0.05, `${t.slug}: ${t.bestLapS} vs ${trueBest}`);
    }
    assert.equal(doc.funFacts.favouriteTrack.slug, "barber-motorsports-park");

    const perMonth = Array.from(
      { length: 12 },
      (_, m) => inYear.filter((d) => Number(d.date.slice(5, 7)) === m + 1).length,
    );
    assert.deepEqual(doc.months.map((m) => m.sessions), perMonth);
    const busiest = perMonth.indexOf(Math.max(...perMonth)) + 1;
    assert.deepEqual(doc.funFacts.busiestMonth, { month: busiest, sessions: Math.max(...perMonth) });

    assert.deepEqual(doc.bestLaps.map((b) => b.sessionId), inYear.map((d) => d.id), "in the order driven");
    for (const [i, b] of doc.bestLaps.entries()) {
      assert.ok(Math.abs(b.bestLapS - inYear[i].truth.best_lap_time_s!) < 0.05, b.sessionId);
    }
    // The .csv and .vbo files log the same driving: either may be the longest within the 15 m accuracy.
    const trueM = (d: Driven) => sum(d.truth.laps.map((l) => l.distance_m));
    const longest = inYear.find((d) => d.id === doc.funFacts.longestSession.sessionId)!;
    assert.ok(trueM(longest) > Math.max(...inYear.map(trueM)) - 30, `${longest.id} is the longest session`);
    assert.deepEqual(doc.activeYears, [{ year: 2026, sessions: 1 }, { year: 2025, sessions: 5 }, {
      year: 2024,
      sessions: 1,
    }]);
  },
});

Deno.test({
  name:
    "wrapped: the biggest improvement is the best-lap gain from the first to the last session at a circuit",
  ignore: !haveSessions(),
  async fn() {
    const { alice, year, inYear } = await setUp();
    const doc = await year(alice);
    const gains = [...new Set(inYear.map((d) => d.truth.track.slug))].flatMap((slug) => {
      const here = inYear.filter((d) => d.truth.track.slug === slug);
      if (here.length < 2) return [];
      const [first, last] = [here[0], here[here.length - 1]];
      return [{ slug, first, last, gain: first.truth.best_lap_time_s! - last.truth.best_lap_time_s! }];
    });
    const truest = gains.sort((a, b) => b.gain - a.gain)[0];
    assert.ok(truest && truest.gain > 0.2, "the sequence has a clear improvement");
    const got = doc.biggestImprovement;
    assert.equal(got.trackSlug, truest.slug);
    assert.deepEqual([got.first.sessionId, got.last.sessionId], [truest.first.id, truest.last.id]);
    assert.ok(Math.abs(got.gainS - truest.gain) < 0.1, `${got.gainS} vs true ${truest.gain}`);

    // The corner-speed gain: the same corner's best minimum speed over clean laps, first vs last session there.
    const gain = doc.cornerGain!;
    const bestSpeed = (d: Driven) => {
      const corner = valueOf<Corner[]>(d.pairs, CornersKey.id).find((c) => c.label === gain.label)!;
      return Math.max(...trueMinSpeeds(d, corner));
    };
    const here = inYear.filter((d) => d.truth.track.slug === gain.trackSlug);
    const trueGain = bestSpeed(here[here.length - 1]) - bestSpeed(here[0]);
    assert.ok(
      Math.abs(gain.gainKmh - trueGain) < 0.5,
      `${gain.label}: ${gain.gainKmh} vs true ${trueGain} km/h`,
    );
  },
});

Deno.test({
  name: "wrapped: the most consistent corner has the smallest true minimum-speed spread over clean laps",
  ignore: !haveSessions(),
  async fn() {
    const { alice, year, inYear } = await setUp();
    const { bestCorner } = await year(alice);
    const spreads = inYear.filter((d) => cleanLaps(d).length >= MIN_CORNER_LAPS).flatMap((d) =>
      valueOf<Corner[]>(d.pairs, CornersKey.id).flatMap((corner) => {
        const speeds = trueMinSpeeds(d, corner);
        return speeds.length === 0
          ? []
          : [{ id: d.id, label: corner.label, spread: Math.max(...speeds) - Math.min(...speeds) }];
      })
    );
    const chosen = spreads.find((s) => s.id === bestCorner.sessionId && s.label === bestCorner.label);
    assert.ok(chosen, `${bestCorner.label} of ${bestCorner.sessionId} is a corner of the truth`);
    assert.ok(
      Math.abs(chosen.spread - bestCorner.spreadKmh) < 0.3,
      `${bestCorner.spreadKmh} vs ${chosen.spread}`,
    );
    const smallest = Math.min(...spreads.map((s) => s.spread));
    assert.ok(
      chosen.spread < smallest + 0.4,
      `true spread ${chosen.spread} vs the smallest ${smallest} km/h`,
    );
    assert.ok(bestCorner.cleanLaps >= MIN_CORNER_LAPS);
  },
});

Deno.test({
  name: "wrapped: only the caller's own analysed sessions of that year count; sign-in is required",
  ignore: !haveSessions(),
  async fn() {
    const { alice, bob, year } = await setUp();
    const mine = await year(bob);
    assert.equal(mine.sessions, 1);
    assert.deepEqual(mine.tracks.map((t) => [t.slug, t.sessions]), [["roebling-road-raceway", 1]]);
    assert.equal(mine.biggestImprovement, null, "one session cannot improve");
    const empty = await year(alice, 2019);
    assert.deepEqual([empty.sessions, empty.laps, empty.distanceKm, empty.bestCorner], [0, 0, 0, null]);
    assert.equal(empty.months.length, 12);
    await assert.rejects(
      async () => await year(null),
      (e: Error & { status?: number }) => e.status === 401,
    );
  },
});
