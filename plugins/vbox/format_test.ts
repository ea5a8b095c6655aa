import assert from "node:assert/strict";
import { DataError } from "../../sdk/mod.ts";
import { vboxFormat } from "./format.ts";
import {
  assertMatchesTruth,
  assertSameSamples,
  badGpsSamples,
  headOf,
  LAX_SETTINGS,
  parseContext,
  readReferenceSession,
  readSession,
  readTruth,
} from "../../sdk/testing/mod.ts";

const SAMPLE = "barber-8laps.vbo";

Deno.test("sniff: claims VBOX files, not RaceChrono or AiM ones", async () => {
  assert.ok(vboxFormat.sniff(headOf(await readSession(SAMPLE))));
  for (const name of ["barber-8laps.csv", "barber-faults.csv", "barber-8laps-aim.csv"]) {
    assert.ok(!vboxFormat.sniff(headOf(await readSession(name))), name);
  }
});

Deno.test(`${SAMPLE}: every row, times, start, positions and speeds agree with the truth`, async () => {
  const truth = await readTruth(SAMPLE);
  const ctx = parseContext(SAMPLE, LAX_SETTINGS);
  const session = vboxFormat.parse(await readSession(SAMPLE), ctx);
  assert.equal(session.format, "vbox");
  await assertMatchesTruth(session, truth);
  assert.deepEqual(session.lapMarkers, []);
  for (const channel of ["satellites", "headingDeg", "altitudeM", "longAccelG", "latAccelG"]) {
    assert.ok(session.channels[channel], channel);
  }
  assert.deepEqual(ctx.diagnostics, []);
});

Deno.test("the default GPS filter drops the low-satellite patch (a .vbo has no accuracy channel)", async () => {
  const truth = await readTruth(SAMPLE);
  const session = vboxFormat.parse(await readSession(SAMPLE), parseContext(SAMPLE));
  const satellitePatches = {
    ...truth,
    gps_quality_events: truth.gps_quality_events.filter((e) => e.kind === "satellites"),
  };
  assert.equal(session.rows, truth.rows - badGpsSamples(satellitePatches));
});

Deno.test("the .vbo and the RaceChrono export of one session hold the same samples", async () => {
  const session = vboxFormat.parse(await readSession(SAMPLE), parseContext(SAMPLE, LAX_SETTINGS));
  const reference = await readReferenceSession("barber-8laps.csv");
  assertSameSamples(session, reference.session, {
    timeS: 1e-6,
    // Minutes with 5 decimals (1.7e-7°) against degrees with 7: both roundings together stay under 1.5e-7°.
    latDeg: 1.5e-7,
    lonDeg: 1.5e-7,
    // km/h with 3 decimals against m/s with 3 decimals.
    speedMps: 0.001,
  });
});

function vbo(created: string, rows: string[], columns = "sats time lat long velocity heading"): Uint8Array {
  const text = [
    created,
    "",
    "[header]",
    "satellites",
    "time",
    "latitude",
    "longitude",
    "velocity kmh",
    "heading",
    "",
    "[comments]",
    "Circuit: Test Ring",
    "",
    "[column names]",
    columns,
    "",
    "[data]",
    ...rows,
  ].join("\r\n") + "\r\n";
  return new TextEncoder().encode(text);
}

Deno.test("a log through midnight keeps counting, and starts on the day before", () => {
  const bytes = vbo("File created on 14/06/2026 @ 23:59:59", [
    "012 235959.90 +02011.84504 +05197.35524 036.000 107.53",
    "076 235959.95 +02011.84504 +05197.35524 036.000 107.53",
    "012 000000.00 +02011.84504 +05197.35524 036.000 107.53",
    "012 000000.05 +02011.84504 +05197.35524 036.000 107.53",
  ]);
  const session = vboxFormat.parse(bytes, parseContext("m.vbo"));
  assert.deepEqual(Array.from(session.channels.timeS), [0, 0.05, 0.1, 0.15]);
  assert.equal(session.startUnixS, Date.UTC(2026, 5, 14, 23, 59, 59, 900) / 1000);
  assert.deepEqual(Array.from(session.channels.satellites!), [12, 12, 12, 12], "flag bit 64 removed");
  assert.deepEqual(Array.from(session.channels.speedMps), [10, 10, 10, 10]);
  assert.ok(
    Math.abs(session.channels.lonDeg[0] - -5197.35524 / 60) < 1e-12,
    "west positive becomes negative",
  );
  assert.equal(session.trackNameHint, "Test Ring");

  const afterMidnight = vbo("File created on 15/06/2026 @ 00:00:30", [
    "012 235959.90 +02011.84504 +05197.35524 036.000 107.53",
    "012 000000.00 +02011.84504 +05197.35524 036.000 107.53",
  ]);
  const late = vboxFormat.parse(afterMidnight, parseContext("m.vbo"));
  assert.equal(late.startUnixS, Date.UTC(2026, 5, 14, 23, 59, 59, 900) / 1000);
});

Deno.test("a row with an impossible time of day is reported and skipped; no date means no start time", () => {
  const bytes = vbo("", [
    "012 140000.00 +02011.84504 +05197.35524 036.000 107.53",
    "012 140075.00 +02011.84504 +05197.35524 036.000 107.53",
    "012 140000.10 +02011.84504 +05197.35524 036.000 107.53",
  ]);
  const ctx = parseContext("t.vbo");
  const session = vboxFormat.parse(bytes, ctx);
  assert.equal(session.rows, 2);
  assert.equal(session.startUnixS, null);
  assert.deepEqual(
    ctx.diagnostics.map((d) => [d.code, d.line]),
    [["bad_time", 19], ["no_date", 1]],
  );
});

Deno.test("unusable files: DataErrors that say why", () => {
  assert.throws(
    () => vboxFormat.parse(vbo("", ["x"], "sats time lat heading"), parseContext("t.vbo")),
    (e: unknown) => e instanceof DataError && /long, velocity/.test(e.message) && e.location.line === 15,
  );
  assert.throws(
    () =>
      vboxFormat.parse(vbo("", ["012 abc +02011.84504 +05197.35524 036.000 107.53"]), parseContext("t.vbo")),
    (e: unknown) => e instanceof DataError && /no usable data rows/.test(e.message),
  );
  assert.throws(
    () => vboxFormat.parse(new TextEncoder().encode("[header]\r\ntime\r\n"), parseContext("t.vbo")),
    (e: unknown) => e instanceof DataError && /\[data\]/.test(e.message),
  );
});
