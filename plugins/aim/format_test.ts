import assert from "node:assert/strict";
import { DataError } from "../../sdk/mod.ts";
import { aimFormat } from "./format.ts";
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

const SAMPLE = "barber-8laps-aim.csv";

Deno.test("sniff: claims AiM files, not RaceChrono or VBOX ones", async () => {
  assert.ok(aimFormat.sniff(headOf(await readSession(SAMPLE))));
  for (const name of ["barber-8laps.csv", "barber-faults.csv", "barber-8laps.vbo", "amp-5laps.csv"]) {
    assert.ok(!aimFormat.sniff(headOf(await readSession(name))), name);
  }
  assert.ok(
    aimFormat.sniff('"Time","GPS Speed","GPS Latitude","GPS Longitude"\r\n"s","km/h","deg","deg"\r\n'),
  );
});

Deno.test(`${SAMPLE}: every row, times, start, positions and speeds agree with the truth`, async () => {
  const truth = await readTruth(SAMPLE);
  const ctx = parseContext(SAMPLE, LAX_SETTINGS);
  const session = aimFormat.parse(await readSession(SAMPLE), ctx);
  assert.equal(session.format, "aim");
  await assertMatchesTruth(session, truth);
  const accuracyM = session.channels.accuracyM!;
  for (let i = 0; i < session.rows; i++) {
    assert.ok(
      accuracyM[i] > 0 && accuracyM[i] < 50,
      `accuracy ${accuracyM[i]} m at row ${i} (mm read as m?)`,
    );
  }
  for (
    const c of ["satellites", "latAccelG", "longAccelG", "headingDeg", "altitudeM", "accuracyM", "odometerM"]
  ) {
    assert.ok(session.channels[c], c);
  }
  assert.deepEqual(ctx.diagnostics, []);
});

Deno.test("beacon markers are the true crossings, to the millisecond", async () => {
  const truth = await readTruth(SAMPLE);
  const session = aimFormat.parse(await readSession(SAMPLE), parseContext(SAMPLE, LAX_SETTINGS));
  assert.equal(session.lapMarkers.length, truth.laps.length);
  session.lapMarkers.forEach((marker, i) => {
    assert.equal(marker.uncertaintyS, 0.0005);
    assert.ok(Math.abs(marker.timeS - truth.laps[i].start_time_s) <= 0.0005 + 1e-9, `marker ${i}`);
  });
});

Deno.test("the default GPS filter drops exactly the samples of the truth's bad-GPS patches", async () => {
  const truth = await readTruth(SAMPLE);
  const session = aimFormat.parse(await readSession(SAMPLE), parseContext(SAMPLE));
  assert.equal(session.rows, truth.rows - badGpsSamples(truth));
});

Deno.test("the AiM and the RaceChrono exports of one session hold the same samples", async () => {
  const session = aimFormat.parse(await readSession(SAMPLE), parseContext(SAMPLE, LAX_SETTINGS));
  const reference = await readReferenceSession("barber-8laps.csv");
  // Degrees with 8 decimals against 7; km/h with 2 decimals (0.0014 m/s) against m/s with 3.
  assertSameSamples(session, reference.session, { timeS: 1e-6, latDeg: 6e-8, lonDeg: 6e-8, speedMps: 0.002 });
});

function aim(meta: string[], header: string, units: string, rows: string[]): Uint8Array {
  return new TextEncoder().encode([...meta, "", header, units, "", ...rows].join("\r\n") + "\r\n");
}

const META = ['"Format","AiM CSV File"', '"Venue","Test Ring"', '"Date","14 June 2026"', '"Time","14:05:30"'];

Deno.test("units come from the units row: m/s speed, metres accuracy, milliseconds time", () => {
  const bytes = aim(
    [...META, '"Beacon Markers","1500","x"'],
    '"Time","GPS Latitude","GPS Longitude","GPS Speed","GPS PosAccuracy"',
    '"ms","deg","deg","m/s","m"',
    [
      '"0","33.5","-86.6","10.5","0.9"',
      '"1000","33.5","-86.6","11.0","1.1"',
      '"2000","33.5","-86.6","","1.0"',
    ],
  );
  const ctx = parseContext("t.csv");
  const session = aimFormat.parse(bytes, ctx);
  assert.deepEqual(Array.from(session.channels.timeS), [0, 1]);
  assert.deepEqual(Array.from(session.channels.speedMps), [10.5, 11]);
  assert.deepEqual(Array.from(session.channels.accuracyM!), [0.9, 1.1]);
  assert.deepEqual(session.lapMarkers, [{ timeS: 1.5, uncertaintyS: 0.0005 }]);
  assert.equal(session.startUnixS, Date.UTC(2026, 5, 14, 14, 5, 30) / 1000);
  assert.equal(session.trackNameHint, "Test Ring");
  assert.deepEqual(ctx.diagnostics.map((d) => [d.code, d.line]), [["empty_field", 12], ["bad_beacon", 5]]);
});

Deno.test("an export with semicolons is claimed and refused with the reason, at its first line", () => {
  const bytes = new TextEncoder().encode(
    '"Format";"AiM CSV File"\r\n"Time";"GPS Speed"\r\n"0,04";"12,5"\r\n',
  );
  assert.ok(aimFormat.sniff(new TextDecoder().decode(bytes)));
  assert.throws(
    () => aimFormat.parse(bytes, parseContext("t.csv")),
    (e: unknown) =>
      e instanceof DataError && e.location.line === 1 &&
      e.message.startsWith("the fields are separated by ';', not commas"),
  );
});

Deno.test("unreadable date: no start time, reported", () => {
  const bytes = aim(
    ['"Format","AiM CSV File"', '"Date","14/06/2026"', '"Time","02:05 PM"'],
    '"Time","GPS Latitude","GPS Longitude","GPS Speed"',
    '"s","deg","deg","km/h"',
    ['"0.0","33.5","-86.6","36"', '"0.1","33.5","-86.6","36"'],
  );
  const ctx = parseContext("t.csv");
  const session = aimFormat.parse(bytes, ctx);
  assert.equal(session.startUnixS, null);
  assert.deepEqual(Array.from(session.channels.speedMps), [10, 10]);
  assert.deepEqual(ctx.diagnostics.map((d) => d.code), ["no_date"]);
});

Deno.test("unusable files: DataErrors that say why", () => {
  assert.throws(
    () =>
      aimFormat.parse(
        aim(META, '"Time","GPS Latitude","GPS Speed"', '"s","deg","furlong/h"', ['"0","33.5","1"']),
        parseContext("t.csv"),
      ),
    (e: unknown) =>
      e instanceof DataError && /GPS Longitude \(no such column\)/.test(e.message) &&
      /GPS Speed \(unit 'furlong\/h'/.test(e.message) && e.location.line === 6,
  );
  assert.throws(
    () =>
      aimFormat.parse(
        aim(META, '"Time","GPS Latitude","GPS Longitude","GPS Speed"', '"s","deg","deg","km/h"', [
          '"0","","-86.6","1"',
          '"0.1","33.5","NaN","1"',
        ]),
        parseContext("t.csv"),
      ),
    (e: unknown) => e instanceof DataError && /no usable data rows/.test(e.message) && e.location.line === 8,
  );
  assert.throws(
    () => aimFormat.parse(new TextEncoder().encode('"Format","AiM CSV File"\r\n'), parseContext("t.csv")),
    (e: unknown) => e instanceof DataError && /header row/.test(e.message),
  );
});
