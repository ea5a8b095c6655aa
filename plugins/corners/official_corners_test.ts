import assert from "node:assert/strict";
import { GRID_STEP_M, type TrackMatch } from "../../sdk/mod.ts";
import { syntheticCorner } from "../../sdk/testing/mod.ts";
import { drivenLaps, TEST_PROJECTION } from "./_test_profile.ts";
import { nameCorners, placeOfficialCorners } from "./official_corners.ts";

const RADIUS_M = 200;
const LINE_M = 2 * Math.PI * RADIUS_M;
/** A point `m` metres round a circle of 200 m driven anticlockwise from its east point, local metres. */
function circleAt(m: number): [number, number] {
  return [RADIUS_M * Math.cos(m / RADIUS_M), RADIUS_M * Math.sin(m / RADIUS_M)];
}

/** The circle as a circuit with official turns at its north and south points. */
function circleTrack(): TrackMatch {
  const stations = Array.from({ length: 2000 }, (_, i) => (i * LINE_M) / 2000);
  const points = stations.map((m) => TEST_PROJECTION.unproject(...circleAt(m)));
  const turn = (number: number, apexM: number) => ({
    number,
    name: `Turn ${number}`,
    apexM,
    direction: "left" as const,
    type: null,
    character: null,
  });
  return {
    track: {
      slug: "circle",
      name: "Circle",
      lengthM: LINE_M,
      lineSource: "test",
      latDeg: Float64Array.from(points, (p) => p.latDeg),
      lonDeg: Float64Array.from(points, (p) => p.lonDeg),
      elevationM: null,
      corners: [turn(1, LINE_M / 4), turn(2, (3 * LINE_M) / 4)],
    },
    method: "override",
    fit: 1,
    coverage: 1,
  };
}

Deno.test("official apexes are placed by position on the driven line, not by share of the lap", () => {
  // The driven lap is 40 m longer, all of it gained towards the end: grid distance d is at
  // s(d) = d - 40 (d / L')² round the circle.
  const drivenM = LINE_M + 40;
  const arcOf = (d: number) => d - 40 * (d / drivenM) ** 2;
  const lap = drivenLaps(() => 30, drivenM, 1, (d) => circleAt(arcOf(d))).gridded.grids[0];
  const placed = placeOfficialCorners(circleTrack(), lap);
  for (const { official, apexM } of placed) {
    // Where the driven line passes the official apex: solve s(d) = apex by bisection.
    let lo = 0, hi = drivenM;
    for (let k = 0; k < 60; k++) {
      [lo, hi] = arcOf((lo + hi) / 2) < official.apexM ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
    }
    assert.ok(
      Math.abs(apexM - lo) <= GRID_STEP_M,
      `T${official.number} at ${apexM}, driven line passes at ${lo}`,
    );
    const byShare = (official.apexM / LINE_M) * drivenM;
    assert.ok(Math.abs(byShare - lo) > 5, "the test must tell projection from share");
  }
});

/** A corner from `entryM` to `exitM`. */
const corner = (number: number, entryM: number, exitM: number) =>
  syntheticCorner(number, entryM, (entryM + exitM) / 2, exitM);

Deno.test("corners take the official turns within 25 m of their entry..exit: labels and names", () => {
  const official = (number: number, apexM: number) => ({
    official: { number, name: `Turn ${number}`, apexM, direction: null, type: null, character: null },
    apexM,
  });
  const placed = [official(1, 120), official(2, 320), official(3, 380), official(4, 420), official(5, 990)];
  const named = nameCorners(
    [corner(1, 100, 150), corner(2, 300, 400), corner(3, 600, 700), corner(4, -20, 40)],
    placed,
    1000,
  );
  assert.deepEqual(named.map((c) => [c.label, c.officialNumbers]), [
    ["T1", [1]],
    ["T2-4", [2, 3, 4]],
    ["C3", []],
    ["T5", [5]], // before the line: T5's apex at 990 m is 10 m before this corner's entry at -20 m
  ]);
  assert.equal(named[1].name, "Turn 2 / Turn 3 / Turn 4");
  assert.equal(named[2].name, null);
  assert.deepEqual(
    nameCorners([corner(1, 300, 1000)], [official(5, 350), official(7, 900)], 1000)[0].label,
    "T5/7",
  );
});
