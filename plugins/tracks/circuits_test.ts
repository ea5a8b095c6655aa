import assert from "node:assert/strict";
import { createLocalProjection, createPolyline } from "../../sdk/mod.ts";
import { defaultCircuitsDir, listCircuits, loadCircuits, parseCircuit } from "./circuits.ts";

const circuitFiles = (): string[] =>
  [...Deno.readDirSync(defaultCircuitsDir())].map((e) => e.name).filter((n) => n.endsWith(".json")).sort();

Deno.test("every circuit file loads, with its line and length agreeing within 1 %", async () => {
  const { tracks, problems } = await loadCircuits();
  assert.deepEqual(problems, []);
  const files = circuitFiles();
  assert.ok(files.length >= 7, `expected the seven shipped circuits, found ${files.length}`);
  assert.deepEqual(tracks.map((t) => `${t.slug}.json`).sort(), files);
  for (const track of tracks) {
    assert.ok(track.latDeg instanceof Float64Array && track.lonDeg instanceof Float64Array);
    assert.equal(track.latDeg.length, track.lonDeg.length);
    if (track.elevationM) assert.equal(track.elevationM.length, track.latDeg.length);
    assert.ok(track.corners.length > 0, `${track.slug} has corners`);
    for (const corner of track.corners) assert.ok(corner.apexM >= 0 && corner.apexM <= track.lengthM);
    const proj = createLocalProjection(track.latDeg[0], track.lonDeg[0]);
    const { x, y } = proj.projectArrays(track.latDeg, track.lonDeg);
    const lineM = createPolyline(x, y, { closed: true }).lengthM;
    assert.ok(
      Math.abs(lineM - track.lengthM) <= 0.01 * track.lengthM,
      `${track.slug}: length_m ${track.lengthM} vs line ${lineM.toFixed(1)} m`,
    );
  }
  const vir = tracks.find((t) => t.slug === "virginia-international-raceway-grand-west")!;
  assert.ok(vir.elevationM !== null);
  assert.equal(vir.lineSource, "gpx-track");
  const barber = tracks.find((t) => t.slug === "barber-motorsports-park")!;
  assert.equal(barber.banking?.length, 9);
  assert.deepEqual(barber.banking?.[0], { fromM: 110.1, toM: 256.8, deg: 4 });
  assert.deepEqual(tracks.find((t) => t.slug === "roebling-road-raceway")!.banking, []);
});

Deno.test("listCircuits gives slug, name and length of each circuit", async () => {
  const list = await listCircuits();
  assert.equal(list.length, circuitFiles().length);
  const barber = list.find((c) => c.slug === "barber-motorsports-park")!;
  assert.equal(barber.name, "Barber Motorsports Park");
  assert.ok(Math.abs(barber.lengthM - 3668.6) < 0.01);
  assert.equal(barber.cornerCount, 16);
  assert.deepEqual(list.map((c) => c.slug), list.map((c) => c.slug).sort());
});

Deno.test("a malformed circuit file is reported by name and field; the others still load", async () => {
  const dir = await Deno.makeTempDir({ prefix: "circuits-test-" });
  try {
    const good = await Deno.readTextFile(new URL("roebling-road-raceway.json", defaultCircuitsDir()));
    const doc = JSON.parse(good);
    await Deno.writeTextFile(`${dir}/roebling-road-raceway.json`, good);
    await Deno.writeTextFile(`${dir}/broken.json`, good.slice(0, 500));
    await Deno.writeTextFile(`${dir}/renamed.json`, good);
    const badApex = structuredClone(doc);
    badApex.slug = "bad-apex";
    badApex.corners[2].apex_m = -5;
    await Deno.writeTextFile(`${dir}/bad-apex.json`, JSON.stringify(badApex));
    const badLat = structuredClone(doc);
    badLat.slug = "bad-lat";
    badLat.lat[7] = "32.1";
    await Deno.writeTextFile(`${dir}/bad-lat.json`, JSON.stringify(badLat));
    await Deno.writeTextFile(`${dir}/notes.txt`, "not a circuit");

    const { tracks, problems } = await loadCircuits(new URL(`file://${dir}/`));
    assert.deepEqual(tracks.map((t) => t.slug), ["roebling-road-raceway"]);
    const byFile = Object.fromEntries(problems.map((p) => [p.file, p.message]));
    assert.deepEqual(Object.keys(byFile).sort(), [
      "bad-apex.json",
      "bad-lat.json",
      "broken.json",
      "renamed.json",
    ]);
    assert.match(byFile["broken.json"], /not valid JSON/);
    assert.match(byFile["renamed.json"], /field "slug" must equal the file name "renamed"/);
    assert.match(byFile["bad-apex.json"], /field "corners\[2\]\.apex_m" must lie on the line/);
    assert.match(byFile["bad-lat.json"], /field "lat\[7\]" must be a number/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("parseCircuit checks every field it converts", () => {
  const base = {
    slug: "test-ring",
    name: "Test Ring",
    length_m: 0,
    line_source: "gpx-track",
    lat: [] as number[],
    lon: [] as number[],
    corners: [{ number: 1, name: "One", apex_m: 10, direction: "left", type: null, character: null }],
  };
  for (let i = 0; i < 40; i++) {
    const a = (2 * Math.PI * i) / 40;
    base.lat.push(50 + 0.001 * Math.sin(a));
    base.lon.push(7 + 0.0015 * Math.cos(a));
  }
  const lengthOf = (doc: typeof base) => {
    const proj = createLocalProjection(doc.lat[0], doc.lon[0]);
    const { x, y } = proj.projectArrays(Float64Array.from(doc.lat), Float64Array.from(doc.lon));
    return createPolyline(x, y).lengthM;
  };
  base.length_m = lengthOf(base);
  const ok = parseCircuit(JSON.stringify(base), "test-ring.json");
  assert.ok(ok.ok);
  assert.equal(ok.track.corners[0].apexM, 10);
  assert.equal(ok.track.elevationM, null);

  const bad = (patch: Record<string, unknown>, pattern: RegExp) => {
    const result = parseCircuit(JSON.stringify({ ...base, ...patch }), "test-ring.json");
    assert.ok(!result.ok, `expected ${pattern} to be rejected`);
    assert.match(result.message, pattern);
  };
  bad({ name: "" }, /field "name" must be a non-empty string/);
  bad({ length_m: "3 km" }, /field "length_m" must be a finite number/);
  bad({ length_m: base.length_m * 1.1 }, /field "length_m" must be within 2 %/);
  bad({ lon: base.lon.slice(1) }, /field "lon" must have as many points as "lat"/);
  bad({ lat: base.lat.slice(0, 5), lon: base.lon.slice(0, 5) }, /at least 10 points/);
  bad({ elevation_m: [1, 2] }, /field "elevation_m" must have as many points/);
  bad({ corners: {} }, /field "corners" must be an array/);
  bad({ corners: [{ ...base.corners[0], direction: "up" }] }, /field "corners\[0\]\.direction"/);
  bad(
    { corners: [{ ...base.corners[0], number: 0 }] },
    /field "corners\[0\]\.number" must be a positive integer/,
  );
  bad(
    { corners: [base.corners[0], { ...base.corners[0], number: 2, apex_m: 5 }] },
    /field "corners\[1\]\.apex_m" must be greater/,
  );
  const banked = [{ from_m: 5, to_m: 20, deg: 3 }, { from_m: 30, to_m: 40, deg: -2 }];
  const withBanking = parseCircuit(JSON.stringify({ ...base, banking: banked }), "test-ring.json");
  assert.ok(withBanking.ok);
  assert.deepEqual(withBanking.track.banking, [{ fromM: 5, toM: 20, deg: 3 }, {
    fromM: 30,
    toM: 40,
    deg: -2,
  }]);
  assert.deepEqual(ok.track.banking, []);
  bad({ banking: {} }, /field "banking" must be an array/);
  bad({ banking: [banked[1], banked[0]] }, /field "banking\[1\]\.from_m" must be at least the previous/);
  bad({ banking: [{ from_m: 5, to_m: 5, deg: 3 }] }, /field "banking\[0\]\.to_m" must lie after from_m/);
  bad({ banking: [{ from_m: 5, to_m: 9e9, deg: 3 }] }, /field "banking\[0\]\.to_m" must lie after from_m/);
  bad({ banking: [{ from_m: 5, to_m: 20, deg: 45 }] }, /field "banking\[0\]\.deg" must be within/);
  bad({ banking: [{ from_m: 5, to_m: 20 }] }, /field "banking\[0\]\.deg" must be a finite number/);
  bad({ slug: "Test Ring" }, /field "slug" must be kebab-case/);
  assert.match((parseCircuit("[1]", "x.json") as { message: string }).message, /must be a JSON object/);
});
