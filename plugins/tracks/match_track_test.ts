import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, type DiagnosticInput, type Session } from "../../sdk/mod.ts";
import {
  haveSessions,
  haveSynthTool,
  listSessions,
  readReferenceSession,
  stageContext,
  synthSession,
} from "../../sdk/testing/mod.ts";
import { reversedSession, shiftedSession } from "./_test_session.ts";
import { catalogWithAdded } from "./added_circuits.ts";
import { type CircuitCatalog, loadCircuits } from "./circuits.ts";
import { sampleMovingTrace } from "./line_fit.ts";
import { createMatchTrackStage, matchTrack, scoreCircuits } from "./match_track.ts";
import plugin from "./mod.ts";

const withSessions = haveSessions();
const withSynth = haveSynthTool();
if (!withSessions) {
  console.warn("match_track_test: the shared sample sessions are missing; session cases skipped");
}
if (!withSynth) {
  console.warn("match_track_test: shared/tools/synth-session not found; VIR layout cases skipped");
}

const catalog: CircuitCatalog = await loadCircuits();

/** Runs matchTrack and collects its diagnostics. */
function match(session: Session, trackSlug: string | null = null, cat: CircuitCatalog = catalog) {
  const diagnostics: DiagnosticInput[] = [];
  const result = matchTrack(session, cat, trackSlug, (d) => diagnostics.push(d));
  return { result, diagnostics };
}

let barberSession: Session | null = null;
const barber = async (): Promise<Session> =>
  barberSession ??= (await readReferenceSession("barber-8laps.csv")).session;

for (const name of withSessions ? listSessions() : []) {
  Deno.test(`match-track recognises the circuit of ${name}`, async () => {
    const { session, truth } = await readReferenceSession(name);
    const { result, diagnostics } = match(session);
    assert.deepEqual(diagnostics, []);
    assert.ok(result, `${name}: no match`);
    assert.equal(result.track.slug, truth.track.slug);
    assert.equal(result.method, "gps-trace");
    assert.ok(
      result.fit >= 0.95 && result.coverage >= 0.95,
      `${name}: fit ${result.fit} coverage ${result.coverage}`,
    );
  });
}

Deno.test({
  name: "match-track: a trace on no known circuit (moved 0.5 deg north) gives null and an info",
  ignore: !withSessions,
  async fn() {
    const { result, diagnostics } = match(shiftedSession(await barber(), 0.5, 0));
    assert.equal(result, null);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, "info");
    assert.equal(diagnostics[0].code, "track_no_match");
    assert.match(diagnostics[0].message, /no known circuit matches .*\(best: none within 3 km\)/);
  },
});

Deno.test({
  name: "match-track: a trace slightly off the line names the best circuit's numbers",
  ignore: !withSessions,
  async fn() {
    // 40 m east: inside the 3 km prefilter, but off the line almost everywhere.
    const session = await barber();
    const { result, diagnostics } = match(shiftedSession(session, 0, 40 / (111_195 * Math.cos(0.5852))));
    assert.equal(result, null);
    assert.equal(diagnostics[0].code, "track_no_match");
    assert.match(diagnostics[0].message, /best: Barber Motorsports Park fit 0\.\d\d coverage 0\.\d\d/);
  },
});

Deno.test({
  name: "match-track: driving the line backwards is not a match",
  ignore: !withSessions,
  async fn() {
    const { result, diagnostics } = match(reversedSession(await barber()));
    assert.equal(result, null);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, "track_reversed");
    assert.match(diagnostics[0].message, /drives Barber Motorsports Park in reverse/);
  },
});

Deno.test({
  name: "match-track: the trackSlug setting overrides matching",
  ignore: !withSessions,
  async fn() {
    const session = await barber();
    const same = match(session, "barber-motorsports-park");
    assert.equal(same.result?.method, "override");
    assert.equal(same.result?.track.slug, "barber-motorsports-park");
    assert.ok(same.result!.fit > 0.95);
    assert.deepEqual(same.diagnostics, []);

    const other = match(session, "roebling-road-raceway");
    assert.equal(other.result?.method, "override");
    assert.equal(other.result?.track.slug, "roebling-road-raceway");
    assert.equal(other.result?.fit, 0);
    assert.deepEqual(other.diagnostics.map((d) => [d.severity, d.code]), [[
      "warning",
      "track_override_mismatch",
    ]]);
  },
});

Deno.test({
  name: "match-track: an unknown trackSlug is an error listing the known slugs, then the trace is matched",
  ignore: !withSessions,
  async fn() {
    const { result, diagnostics } = match(await barber(), "nurburgring");
    assert.equal(result?.track.slug, "barber-motorsports-park");
    assert.equal(result?.method, "gps-trace");
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, "error");
    assert.equal(diagnostics[0].code, "track_unknown_slug");
    assert.match(diagnostics[0].message, /unknown circuit "nurburgring"/);
    for (const track of catalog.tracks) assert.ok(diagnostics[0].message.includes(track.slug));
  },
});

/** 4 s parked at Barber: no moving sample. */
function parkedSession(): Session {
  const rows = 100;
  return {
    file: "parked.csv",
    format: "test",
    rows,
    channels: {
      timeS: Float64Array.from({ length: rows }, (_, i) => i * 0.04),
      latDeg: new Float64Array(rows).fill(33.5326),
      lonDeg: new Float64Array(rows).fill(-86.6197),
      speedMps: new Float64Array(rows),
    },
    sourceLine: Int32Array.from({ length: rows }, (_, i) => i + 1),
    startUnixS: null,
    trackNameHint: null,
    lapMarkers: [],
    metadata: {},
  };
}

Deno.test("match-track: a session without moving samples gives null and an info", () => {
  const { result, diagnostics } = match(parkedSession());
  assert.equal(result, null);
  assert.equal(diagnostics[0].code, "track_too_few_samples");
});

Deno.test({
  name: "match-track stage: runs through the plugin manifest and reports circuit file problems",
  ignore: !withSessions,
  async fn() {
    assert.equal(plugin.id, "tracks");
    assert.equal(plugin.sdk, "^1.1");
    const stage = plugin.stages!.find((s) => s.id === "match-track")!;
    assert.equal(stage.consumes.session.id, "session");
    assert.equal(stage.produces.track.id, "track");

    const session = await barber();
    const ctx = stageContext("tracks", "match-track");
    const out = await stage.run(ctx, { session });
    assert.equal((out.track as { track: { slug: string } }).track.slug, "barber-motorsports-park");
    assert.deepEqual(ctx.diagnostics, []);

    const withProblem = createMatchTrackStage({
      loadCircuits: () => Promise.resolve({ ...catalog, problems: [{ file: "bad.json", message: "x" }] }),
    });
    const forcedCtx = stageContext("tracks", "match-track", {
      ...DEFAULT_SETTINGS,
      trackSlug: "barber-motorsports-park",
    });
    const forced = await withProblem.run(forcedCtx, { session });
    assert.equal(forced.track?.method, "override");
    assert.deepEqual(forcedCtx.diagnostics.map((d) => [d.severity, d.code, d.file]), [
      ["warning", "circuit_file_invalid", "bad.json"],
    ]);
  },
});

Deno.test("match-track stage: loads the circuits on its first run, and again only after a failed load", async () => {
  let loads = 0;
  const stage = createMatchTrackStage({
    loadCircuits: () =>
      ++loads === 1 ? Promise.reject(new Error("circuits unreadable")) : Promise.resolve(catalog),
  });
  const session = parkedSession();
  await assert.rejects(
    async () => await stage.run(stageContext("tracks", "match-track"), { session }),
    /unreadable/,
  );
  for (let run = 0; run < 3; run++) {
    const ctx = stageContext("tracks", "match-track");
    assert.equal((await stage.run(ctx, { session })).track, null);
    assert.deepEqual(ctx.diagnostics.map((d) => d.code), ["track_too_few_samples"]);
  }
  assert.equal(loads, 2);
});

Deno.test({
  name: "match-track tells VIR Full from VIR Grand West by coverage",
  ignore: !withSynth,
  async fn() {
    const layouts = ["virginia-international-raceway", "virginia-international-raceway-grand-west"];
    for (const slug of layouts) {
      await using synth = await synthSession({ track: slug, laps: 1 });
      const { session } = await readReferenceSession(synth.file);
      const { result, diagnostics } = match(session);
      assert.deepEqual(diagnostics, []);
      assert.equal(result?.track.slug, slug);
      const scores = scoreCircuits(sampleMovingTrace(session), catalog.tracks);
      assert.deepEqual(
        scores.map((s) => s.track.slug).sort(),
        layouts,
        "only the two VIR layouts are scored",
      );
      const other = scores[1];
      assert.ok(other.fit < 0.8 || other.coverage < 0.8, `${other.track.slug} must fail a threshold`);
      assert.ok(scores[0].score - other.score > 0.2, `clear margin: ${scores[0].score} vs ${other.score}`);
    }
  },
});

Deno.test("added circuits join the catalogue from the run's analysis data; a bad file or a built-in slug is a problem", async () => {
  const roebling = JSON.parse(
    await Deno.readTextFile(new URL("./circuits/roebling-road-raceway.json", import.meta.url)),
  );
  const builtIn = { ...catalog, tracks: catalog.tracks.filter((t) => t.slug !== "roebling-road-raceway") };
  const parsed = new Map();
  const added = catalogWithAdded(builtIn, {
    circuits: [
      { ...roebling, slug: "roebling-copy", name: "Roebling copy" },
      { ...roebling, slug: "barber-motorsports-park" },
      { slug: "broken" },
    ],
  }, parsed);
  assert.ok(
    added.tracks.some((t) => t.slug === "roebling-copy" && t.corners.length === roebling.corners.length),
  );
  assert.equal(added.tracks.filter((t) => t.slug === "barber-motorsports-park").length, 1);
  assert.equal(
    added.tracks.find((t) => t.slug === "barber-motorsports-park")!.name,
    "Barber Motorsports Park",
  );
  assert.deepEqual(added.problems.map((p) => p.file), [
    "added circuit barber-motorsports-park",
    "added circuit broken",
  ]);
  assert.match(added.problems[0].message, /built-in circuit's/);
  assert.equal(parsed.size, 3, "each file is parsed once and kept for the next run");
  catalogWithAdded(
    builtIn,
    { circuits: [{ ...roebling, slug: "roebling-copy", name: "Roebling copy" }] },
    parsed,
  );
  assert.equal(parsed.size, 1, "files no longer given are dropped");
  assert.equal(catalogWithAdded(builtIn, undefined, parsed), builtIn, "no data: the built-in catalogue");
});
