/**
 * Circuits drivers add (the tracks plugin's `circuit_builder.ts` and
 * `circuit_routes.ts`): the line drawn from a session lies on the real
 * circuit's surveyed line, and the routes on the in-memory workbench refuse
 * what they must — a session already matched, a name taken, another
 * driver's circuit, a built-in one — with what is wrong.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildCircuit, type CircuitFile, circuitSlug } from "../plugins/tracks/circuit_builder.ts";
import { loadCircuits, parseCircuit } from "../plugins/tracks/circuits.ts";
import tracks from "../plugins/tracks/mod.ts";
import {
  CornersKey,
  createLocalProjection,
  createPolyline,
  type DistanceLap,
  DistanceLapsKey,
  type Lap,
  LapsKey,
  positionAt,
  type Session,
  SessionKey,
} from "../sdk/mod.ts";
import type { Corner } from "../sdk/mod.ts";
import { assertRouteError, createTestWorkbench, haveSessions, routeCaller } from "../sdk/testing/mod.ts";
import { movedRaceChrono, type MoveOptions } from "./moved_session.ts";
import { SESSIONS_DIR } from "./server_harness.ts";
import { analysedArtifacts, type ArtifactPairs, trackOf } from "./social_sessions.ts";

const valueOf = <T>(pairs: ArtifactPairs, id: string) => pairs.find(([k]) => k.id === id)?.[1] as T;

/** Roebling's session moved 1° north, where no circuit is: analysed, unmatched. */
async function movedRoebling(options: MoveOptions = {}): Promise<ArtifactPairs> {
  const dir = await Deno.makeTempDir({ prefix: "moved-session-" });
  const file = join(dir, "roebling-north.csv");
  await Deno.writeTextFile(
    file,
    movedRaceChrono(await Deno.readTextFile(join(SESSIONS_DIR, "roebling-6laps.csv")), options),
  );
  return await analysedArtifacts(file);
}

/** Ann and Bob on the in-memory workbench, the moved Roebling session analysed, and a caller of the routes. */
async function twoDrivers() {
  const bench = createTestWorkbench();
  const ann = bench.addUser({ id: "ann", name: "Ann" });
  const bob = bench.addUser({ id: "bob", name: "Bob" });
  return { bench, ann, bob, moved: await movedRoebling(), call: routeCaller(bench, tracks) };
}

Deno.test("circuit slugs: kebab-case from the name, accents dropped", () => {
  assert.equal(circuitSlug("  Thunderhill East "), "thunderhill-east");
  assert.equal(circuitSlug("Circuito de Jerez – Ángel Nieto"), "circuito-de-jerez-angel-nieto");
  assert.equal(circuitSlug("!!!"), "");
});

Deno.test({
  name:
    "a circuit drawn from Roebling's six laps lies on its surveyed line (mean under 0.5 m) and is as long",
  ignore: !haveSessions(),
  async fn() {
    const pairs = await analysedArtifacts("roebling-6laps.csv");
    const file = buildCircuit("Roebling again", "roebling-again", {
      laps: valueOf<Lap[]>(pairs, LapsKey.id),
      distanceLaps: valueOf<DistanceLap[]>(pairs, DistanceLapsKey.id),
      corners: valueOf<Corner[]>(pairs, CornersKey.id),
    });
    const parsed = parseCircuit(JSON.stringify(file), "roebling-again.json");
    assert.ok(parsed.ok, "the drawn file passes the circuit file validation");
    const surveyed = (await loadCircuits()).tracks.find((t) => t.slug === "roebling-road-raceway")!;
    const projection = createLocalProjection(surveyed.latDeg[0], surveyed.lonDeg[0]);
    const line = projection.projectArrays(surveyed.latDeg, surveyed.lonDeg);
    const polyline = createPolyline(line.x, line.y, { closed: true });
    const off = file.lat.map((lat, i) => {
      const { x, y } = projection.project(lat, file.lon[i]);
      return polyline.nearest(x, y)!.distanceM;
    });
    const mean = off.reduce((a, b) => a + b, 0) / off.length;
    // Measured: mean 0.17 m, max 0.74 m, length 3205.0 m of 3203, start 0.2 m from the surveyed one.
    assert.ok(mean < 0.5, `mean distance to the surveyed line ${mean.toFixed(2)} m`);
    assert.ok(Math.max(...off) < 2, `largest distance ${Math.max(...off).toFixed(2)} m`);
    assert.ok(
      Math.abs(file.length_m - surveyed.lengthM) < 0.002 * surveyed.lengthM,
      `length ${file.length_m} m`,
    );
    assert.ok(
      Math.hypot(
        line.x[0] - projection.project(file.lat[0], file.lon[0]).x,
        line.y[0] -
          projection.project(file.lat[0], file.lon[0]).y,
      ) < 3,
      "point 0 is on the start/finish line",
    );
    assert.equal(file.line_laps_averaged, 6);
    const corners = valueOf<Corner[]>(pairs, CornersKey.id);
    assert.equal(file.corners.length, corners.length, "one circuit corner per corner found");
    assert.deepEqual(file.corners.map((c) => c.number), corners.map((_, i) => i + 1));
    assert.deepEqual(file.corners.map((c) => c.direction), corners.map((c) => c.direction));
  },
});

Deno.test({
  name: "one lap 8 m off the line for 200 m does not pull the drawn circuit (the line is the laps' median)",
  ignore: !haveSessions(),
  async fn() {
    const pairs = await analysedArtifacts("roebling-6laps.csv");
    const laps = valueOf<Lap[]>(pairs, LapsKey.id);
    const grids = valueOf<DistanceLap[]>(pairs, DistanceLapsKey.id);
    const corners = valueOf<Corner[]>(pairs, CornersKey.id);
    const clean = buildCircuit("Clean", "clean", { laps, distanceLaps: grids, corners });
    const wide = grids.find((g) => g.number === 3)!;
    const projection = createLocalProjection(wide.channels.latDeg[0], wide.channels.lonDeg[0]);
    const lonDeg = Float64Array.from(wide.channels.lonDeg);
    for (let i = 1000; i < 1286; i++) lonDeg[i] += 8 / projection.mPerDegLon; // 200 m, 8 m east
    const offLine = grids.map((g) => g === wide ? { ...g, channels: { ...g.channels, lonDeg } } : g);
    const drawn = buildCircuit("Off", "off", { laps, distanceLaps: offLine, corners });
    let worst = 0;
    for (let i = 0; i < clean.lat.length; i++) {
      const a = projection.project(clean.lat[i], clean.lon[i]),
        b = projection.project(drawn.lat[i], drawn.lon[i]);
      worst = Math.max(worst, Math.hypot(a.x - b.x, a.y - b.y));
    }
    // A mean of six laps would move 8 / 6 = 1.3 m there; measured: at most 0.42 m.
    assert.ok(worst < 0.6, `the line moved up to ${worst.toFixed(2)} m`);
  },
});

Deno.test({
  name: "circuit routes: add from an unmatched session, list, rename corners, remove; refusals say why",
  ignore: !haveSessions(),
  async fn() {
    const { bench, ann, bob, moved, call } = await twoDrivers();
    assert.equal(trackOf(moved), null, "precondition: no circuit matches the moved session");
    bench.addSession({ id: "north", userId: ann.id }, moved);
    bench.addSession({ id: "bobs-north", userId: bob.id }, moved);
    const barber = await analysedArtifacts("barber-1lap.csv");
    bench.addSession({ id: "barber", userId: ann.id, trackSlug: "barber-motorsports-park" }, barber);

    await assertRouteError(
      call("POST", "/circuits", { user: ann, body: { session_id: "barber", name: "Barber" } }),
      409,
      /already matched/,
      "circuit_known",
    );
    await assertRouteError(
      call("POST", "/circuits", { user: ann, body: { session_id: "north", name: "Roebling Road Raceway" } }),
      409,
      /already has the id roebling-road-raceway/,
      "circuit_exists",
    );
    await assertRouteError(
      call("POST", "/circuits", { user: bob, body: { session_id: "north", name: "Mine" } }),
      404,
      /not found/,
    );
    await assertRouteError(
      call("POST", "/circuits", { user: ann, body: { session_id: "north", name: "?!" } }),
      400,
      /letter or digit/,
    );

    const added = await call("POST", "/circuits", {
      user: ann,
      body: { session_id: "north", name: "Roebling North" },
    }) as {
      circuit: { slug: string; corners: { number: number; name: string }[]; addedByYou: boolean };
      reanalysed: string[];
    };
    assert.equal(added.circuit.slug, "roebling-north");
    assert.ok(added.circuit.addedByYou);
    assert.equal(added.circuit.corners.length, valueOf<Corner[]>(moved, CornersKey.id).length);
    assert.deepEqual(
      added.reanalysed,
      ["north"],
      "the answer lists the caller's own sessions analysed again",
    );
    assert.deepEqual(
      bench.reanalysed,
      ["bobs-north", "north"],
      "every unmatched session, anyone's, is analysed again",
    );
    await assertRouteError(
      call("POST", "/circuits", { user: ann, body: { session_id: "north", name: "Roebling North" } }),
      409,
      /already has the id roebling-north/,
    );

    const listed = await call("GET", "/circuits", { user: bob }) as {
      slug: string;
      added: boolean;
      addedByYou: boolean;
    }[];
    const north = listed.find((c) => c.slug === "roebling-north")!;
    assert.deepEqual([north.added, north.addedByYou], [true, false]);
    assert.ok(
      listed.some((c) => c.slug === "barber-motorsports-park" && !c.added),
      "built-in circuits are listed",
    );

    const params = { slug: "roebling-north" };
    await assertRouteError(
      call("PATCH", "/circuits/{slug}", { user: bob, params, body: { name: "Bob's" } }),
      403,
      /another driver/,
      "not_yours",
    );
    await assertRouteError(
      call("PATCH", "/circuits/{slug}", { user: ann, params: { slug: "barber-motorsports-park" }, body: {} }),
      403,
      /built-in circuit/,
      "built_in",
    );
    await assertRouteError(
      call("PATCH", "/circuits/{slug}", {
        user: ann,
        params,
        body: { corners: [{ number: 99, name: "x" }] },
      }),
      400,
      /has no corner 99/,
    );
    await assertRouteError(
      call("DELETE", "/circuits/{slug}", { user: ann, params: { slug: "nowhere" } }),
      404,
      /no circuit nowhere/,
    );
    const renamed = await call("PATCH", "/circuits/{slug}", {
      user: ann,
      params,
      body: { corners: [{ number: 1, name: "The Hook" }] },
    }) as { circuit: { name: string; corners: { name: string }[] } };
    assert.deepEqual(renamed.circuit.corners.slice(0, 2).map((c) => c.name), [
      "The Hook",
      added.circuit.corners[1].name,
    ]);
    assert.equal(renamed.circuit.name, "Roebling North");

    const data = await tracks.analysisData!(bench.services("tracks").store) as {
      circuits: { slug: string; corners: { name: string }[] }[];
    };
    assert.deepEqual(
      data.circuits.map((c) => c.slug),
      ["roebling-north"],
      "the match-track stage gets the added circuit",
    );
    assert.equal(data.circuits[0].corners[0].name, "The Hook");

    await assertRouteError(call("DELETE", "/circuits/{slug}", { user: bob, params }), 403, /another driver/);
    await call("DELETE", "/circuits/{slug}", { user: ann, params });
    assert.deepEqual(
      (await tracks.analysisData!(bench.services("tracks").store) as { circuits: unknown[] }).circuits,
      [],
    );
  },
});

Deno.test({
  name: "the start/finish of a circuit drawn from a marker-less file moves to a session's first lap marker",
  ignore: !haveSessions(),
  async fn() {
    const { bench, ann, moved: marked, call } = await twoDrivers();
    const placed = await movedRoebling({ dropLapNumbers: true });
    bench.addSession({ id: "placed", userId: ann.id }, placed);
    await call("POST", "/circuits", { user: ann, body: { session_id: "placed", name: "Roebling North" } });
    bench.addSession({ id: "placed", userId: ann.id, trackSlug: "roebling-north" }, placed);
    bench.addSession({ id: "marked", userId: ann.id, trackSlug: "roebling-north" }, marked);
    const params = { slug: "roebling-north" };
    const stored = async () =>
      (await tracks.analysisData!(bench.services("tracks").store) as unknown as { circuits: CircuitFile[] })
        .circuits[0];
    const before = await stored();

    await assertRouteError(
      call("PATCH", "/circuits/{slug}", { user: ann, params, body: { start_line_from: "placed" } }),
      400,
      /has no lap marker/,
    );
    const answer = await call("PATCH", "/circuits/{slug}", {
      user: ann,
      params,
      body: { start_line_from: "marked" },
    }) as { reanalysed: string[] };
    assert.deepEqual([...answer.reanalysed].sort(), ["marked", "placed"]);
    const after = await stored();
    const session = valueOf<Session>(marked, SessionKey.id);
    const marker = positionAt(session, session.lapMarkers[0].timeS)!;
    const projection = createLocalProjection(marker.latDeg, marker.lonDeg);
    const gap = (lat: number, lon: number) => Math.hypot(projection.toX(lon), projection.toY(lat));
    assert.ok(
      gap(after.lat[0], after.lon[0]) < 1,
      `the line starts ${gap(after.lat[0], after.lon[0])} m from the marker`,
    );
    assert.ok(gap(before.lat[0], before.lon[0]) > 50, "precondition: the placed line was elsewhere");
    // Every corner keeps its number and name, and its place on the ground.
    const ground = (file: CircuitFile, apexM: number) => {
      const i = Math.round((apexM / file.length_m) * file.lat.length) % file.lat.length;
      return projection.project(file.lat[i], file.lon[i]);
    };
    for (const corner of before.corners) {
      const moved = after.corners.find((c) => c.number === corner.number)!;
      assert.equal(moved.name, corner.name);
      const a = ground(before, corner.apex_m), b = ground(after, moved.apex_m);
      assert.ok(Math.hypot(a.x - b.x, a.y - b.y) < 2, `corner ${corner.number} moved on the ground`);
    }
    assert.ok(
      after.corners.every((c, i) => i === 0 || c.apex_m > after.corners[i - 1].apex_m),
      "in lap order",
    );
  },
});

Deno.test({
  name: "when a circuit goes with its driver's account, the other drivers' sessions there are analysed again",
  ignore: !haveSessions(),
  async fn() {
    const { bench, ann, bob, moved, call } = await twoDrivers();
    bench.addSession({ id: "north", userId: ann.id }, moved);
    bench.addSession({ id: "again", userId: ann.id, trackSlug: "roebling-north" }, moved);
    await call("POST", "/circuits", { user: ann, body: { session_id: "north", name: "Roebling North" } });
    bench.addSession({ id: "north", userId: ann.id, trackSlug: "roebling-north" }, moved);
    bench.addSession({ id: "bobs", userId: bob.id, trackSlug: "roebling-north" }, moved);
    const before = bench.reanalysed.length;

    await bench.deleted(tracks, "again");
    assert.equal(bench.reanalysed.length, before, "the circuit is still there: nothing to do");
    // Deleting Ann's account deletes her records (the circuit), then her sessions.
    await bench.services("tracks").store.delete("circuits", "roebling-north");
    await bench.deleted(tracks, "north");
    assert.deepEqual(bench.reanalysed.slice(before), ["bobs"]);
  },
});
