/**
 * The achievements plugin on real analyses of the shared sample sessions
 * (one driver, six sessions on three circuits over six days), through the
 * in-memory workbench: which badge each session earns is derived from the
 * truth files (lap kinds, true best lap times, true distances, true corner
 * minimum speeds), never from our own output.
 *
 * Tolerances: a personal best is only asserted either way where the true
 * best laps differ by more than 0.05 s (measured lap times are within
 * 0.04 s of the truth); a corner's mastery only where the true spread of
 * its minimum speed over the session's clean laps is more than 0.4 km/h
 * from the 1.5 km/h threshold (measured when set: the spreads of these
 * sessions differ from the true ones by 0.21 km/h at worst); a distance
 * milestone only where the true cumulative distance is more than 1 km from
 * it (measured session distances are within 15 m of the truth).
 */
import assert from "node:assert/strict";
import achievements from "../plugins/achievements/mod.ts";
import { CornersKey, LapTagsKey } from "../sdk/mod.ts";
import { createTestWorkbench, haveSessions, readTruth, routeCaller, type Truth } from "../sdk/testing/mod.ts";
import { analysedArtifacts, type ArtifactPairs, trackOf } from "./social_sessions.ts";

const SEQUENCE = [
  "barber-1lap.csv",
  "barber-faults.csv",
  "barber-8laps.csv",
  "roebling-6laps.csv",
  "amp-5laps.csv",
  "barber-8laps.vbo",
];
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 2, 1, 14);
const LAP_MARGIN_S = 0.05;
const SPREAD_MARGIN_KMH = 0.4;
const MASTERY_SPREAD_KMH = 1.5;

function valueOf<T>(pairs: ArtifactPairs, id: string): T {
  return pairs.find(([key]) => key.id === id)?.[1] as T;
}

interface Driven {
  id: string;
  file: string;
  truth: Truth;
  pairs: ArtifactPairs;
}

async function driveSequence() {
  const bench = createTestWorkbench();
  const alice = bench.addUser({ id: "alice", name: "Alice" });
  const driven: Driven[] = [];
  for (const [day, file] of SEQUENCE.entries()) {
    const pairs = await analysedArtifacts(file);
    const track = trackOf(pairs);
    const id = `s${day + 1}-${file}`;
    bench.addSession(
      {
        id,
        userId: alice.id,
        fileName: file,
        trackSlug: track?.slug ?? null,
        trackName: track?.name ?? null,
        date: new Date(START + day * DAY_MS).toISOString(),
      },
      pairs,
    );
    await bench.analysed(achievements, id);
    driven.push({ id, file, truth: await readTruth(file), pairs });
  }
  const call = routeCaller(bench, achievements);
  const badges = async () =>
    (await call("GET", "/badges", { user: alice })) as {
      earnedCount: number;
      badges: { id: string; earned: { key: string; sessionId: string; reason: string }[] }[];
    };
  return { bench, alice, driven, badges, call };
}

function earnedBy(
  doc: Awaited<ReturnType<Awaited<ReturnType<typeof driveSequence>>["badges"]>>,
  badge: string,
) {
  return doc.badges.find((b) => b.id === badge)!.earned;
}

const flyingTimes = (truth: Truth) => truth.laps.filter((l) => l.kind === "flying" || l.kind === "mistake");

Deno.test({
  name: "achievements on the shared sessions: each badge for the right session and reason, from the truth",
  ignore: !haveSessions(),
  async fn() {
    const { driven, badges } = await driveSequence();
    const doc = await badges();

    assert.deepEqual(earnedBy(doc, "first-session").map((a) => a.sessionId), [driven[0].id]);

    const firstAt = new Map<string, string>();
    for (const d of driven) if (!firstAt.has(d.truth.track.slug)) firstAt.set(d.truth.track.slug, d.id);
    assert.deepEqual(
      earnedBy(doc, "new-track").map((a) => [a.key, a.sessionId]).sort(),
      [...firstAt].map(([slug, id]) => [`new-track:${slug}`, id]).sort(),
    );

    const bests = new Set(earnedBy(doc, "personal-best").map((a) => a.sessionId));
    const trueBest = new Map<string, number>();
    let checked = 0;
    for (const d of driven) {
      const previous = trueBest.get(d.truth.track.slug);
      const lap = d.truth.best_lap_time_s!;
      if (previous !== undefined && lap < previous - LAP_MARGIN_S) {
        assert.ok(bests.has(d.id), `${d.file}: true best ${lap} s beats ${previous} s but no personal best`);
        checked++;
      } else if (previous !== undefined && lap >= previous) {
        assert.ok(!bests.has(d.id), `${d.file}: true best ${lap} s does not beat ${previous} s`);
        checked++;
      }
      trueBest.set(d.truth.track.slug, Math.min(lap, previous ?? Infinity));
    }
    assert.ok(checked >= 3, "the sequence checks at least three personal-best decisions");
    for (const [slug, id] of firstAt) {
      assert.ok(!bests.has(id), `the first session at ${slug} has nothing to beat, so no personal best`);
    }

    const clean = driven.find((d) =>
      flyingTimes(d.truth).length >= 3 && !d.truth.laps.some((l) => l.kind === "mistake")
    );
    assert.deepEqual(earnedBy(doc, "clean-session").map((a) => a.sessionId), clean ? [clean.id] : []);

    let distanceM = 0;
    for (const d of driven) {
      const before = distanceM;
      distanceM += d.truth.laps.reduce((sum, l) => sum + l.distance_m, 0);
      if (before < 99_000 && distanceM > 101_000) {
        assert.deepEqual(earnedBy(doc, "distance-100km").map((a) => a.sessionId), [d.id]);
      }
    }
    assert.ok(distanceM > 101_000, "the sequence drives past 100 km");
    assert.deepEqual(earnedBy(doc, "distance-500km"), []);
  },
});

Deno.test({
  name: "corner mastery matches the true minimum-speed spread over each session's clean laps",
  ignore: !haveSessions(),
  async fn() {
    const { driven, badges } = await driveSequence();
    const mastered = earnedBy(await badges(), "corner-mastery");
    let decided = 0;
    let masteredDecided = 0;
    const seen = new Set<string>();
    for (const d of driven) {
      const tagging = valueOf<{ lap: number; tags: string[] }[]>(d.pairs, LapTagsKey.id);
      const cleanLaps = tagging.filter((t) => t.tags.length === 1 && t.tags[0] === "clean").map((t) => t.lap);
      if (cleanLaps.length < 5) continue;
      for (const corner of valueOf<{ label: string; apexM: number }[]>(d.pairs, CornersKey.id)) {
        const truthIndex = d.truth.corners.findIndex((c) => Math.abs(c.apex_m - corner.apexM) < 30);
        if (truthIndex < 0) continue;
        const speeds = cleanLaps.map((n) =>
          d.truth.laps.find((l) => l.number === n)!.corners![truthIndex].min_speed_kmh
        );
        const spread = Math.max(...speeds) - Math.min(...speeds);
        const key = `corner-mastery:${d.truth.track.slug}:${corner.label}`;
        const award = mastered.find((a) => a.key === key);
        if (spread < MASTERY_SPREAD_KMH - SPREAD_MARGIN_KMH && !seen.has(key)) {
          assert.equal(
            award?.sessionId,
            d.id,
            `${d.file} ${corner.label}: true spread ${spread.toFixed(2)} km/h`,
          );
          decided++;
          masteredDecided++;
        } else if (spread > MASTERY_SPREAD_KMH + SPREAD_MARGIN_KMH) {
          assert.notEqual(
            award?.sessionId,
            d.id,
            `${d.file} ${corner.label}: true spread ${spread.toFixed(2)} km/h`,
          );
          decided++;
        }
        if (award) seen.add(key);
      }
    }
    assert.ok(decided >= 5, `at least five corners decided clearly (got ${decided})`);
    assert.ok(masteredDecided >= 1, "at least one corner clearly mastered");
  },
});

Deno.test({
  name: "re-analysing sessions awards nothing twice; the recent feed is newest first and marks seen",
  ignore: !haveSessions(),
  async fn() {
    const { bench, alice, driven, badges, call } = await driveSequence();
    const before = await badges();
    for (const d of driven) await bench.analysed(achievements, d.id);
    await bench.analysed(achievements, driven[2].id);
    const after = await badges();
    assert.equal(after.earnedCount, before.earnedCount);
    assert.deepEqual(after.badges.map((b) => b.earned), before.badges.map((b) => b.earned));
    const keys = after.badges.flatMap((b) => b.earned.map((a) => a.key));
    assert.equal(new Set(keys).size, keys.length);

    const limit = { limit: 50 } as unknown as Record<string, string>; // parsed, as the server hands it over
    const feed = (await call("GET", "/recent", { user: alice, query: limit })) as {
      unseen: number;
      achievements: { awardedAt: string; seen: boolean }[];
    };
    assert.equal(feed.unseen, after.earnedCount);
    assert.equal(feed.achievements.length, after.earnedCount);
    const times = feed.achievements.map((a) => Date.parse(a.awardedAt));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));

    const marked = await call("POST", "/recent/seen", { user: alice });
    assert.deepEqual(marked, { marked: after.earnedCount });
    await bench.analysed(achievements, driven[0].id);
    const again = (await call("GET", "/recent", { user: alice })) as typeof feed;
    assert.equal(again.unseen, 0);
    assert.equal(again.achievements.length, 10);
  },
});

Deno.test({
  name: "another user's sessions never count towards the caller's badges",
  ignore: !haveSessions(),
  async fn() {
    const { bench, call } = await driveSequence();
    const bob = bench.addUser({ id: "bob", name: "Bob" });
    const doc = (await call("GET", "/badges", { user: bob })) as {
      earnedCount: number;
      sessionsCounted: number;
    };
    assert.equal(doc.earnedCount, 0);
    assert.equal(doc.sessionsCounted, 0);
    await assert.rejects(
      async () => await call("GET", "/badges"),
      (e: Error & { status?: number }) => e.status === 401,
    );
  },
});
