import assert from "node:assert/strict";
import { DataError } from "../../sdk/mod.ts";
import { raceChronoFormat } from "./format.ts";
import {
  assertMatchesTruth,
  badGpsSamples,
  headOf,
  LAX_SETTINGS,
  parseContext,
  readSession,
  readTruth,
} from "../../sdk/testing/mod.ts";

const SAMPLES = ["barber-8laps.csv", "barber-1lap.csv", "amp-5laps.csv", "roebling-6laps.csv"];

Deno.test("sniff: claims RaceChrono files, not VBOX or AiM ones", async () => {
  for (const name of [...SAMPLES, "barber-faults.csv"]) {
    assert.ok(raceChronoFormat.sniff(headOf(await readSession(name))), name);
  }
  for (const name of ["barber-8laps.vbo", "barber-8laps-aim.csv"]) {
    assert.ok(!raceChronoFormat.sniff(headOf(await readSession(name))), name);
  }
  assert.ok(raceChronoFormat.sniff("Format,3\nSession title,x\n\ntimestamp,lap_number,latitude,longitude\n"));
  assert.ok(!raceChronoFormat.sniff("time,lat,lon\n1,2,3\n"));
});

for (const name of SAMPLES) {
  Deno.test(`${name}: every row, times, start, positions and speeds agree with the truth`, async () => {
    const truth = await readTruth(name);
    const ctx = parseContext(name, LAX_SETTINGS);
    const session = raceChronoFormat.parse(await readSession(name), ctx);
    assert.equal(session.format, "racechrono");
    await assertMatchesTruth(session, truth);
    assert.equal(session.metadata.created, "2026-06-14T14:05");
    for (
      const channel of [
        "odometerM",
        "accuracyM",
        "altitudeM",
        "headingDeg",
        "satellites",
        "latAccelG",
        "longAccelG",
        "yawRateDps",
      ]
    ) {
      assert.ok(session.channels[channel], `channel ${channel}`);
    }
    assert.ok(!("lapNumber" in session.channels));
    assert.deepEqual(ctx.diagnostics, []);
  });
}

Deno.test("the lap column gives one marker per crossing, each bracketing the true crossing", async () => {
  const name = "barber-8laps.csv";
  const truth = await readTruth(name);
  const session = raceChronoFormat.parse(await readSession(name), parseContext(name, LAX_SETTINGS));
  const crossings = truth.laps.map((lap) => lap.start_time_s);
  assert.equal(session.lapMarkers.length, crossings.length);
  session.lapMarkers.forEach((marker, i) => {
    assert.ok(marker.uncertaintyS > 0 && marker.uncertaintyS <= 1 / truth.sample_rate_hz);
    assert.ok(
      Math.abs(marker.timeS - crossings[i]) <= marker.uncertaintyS + 1e-9,
      `marker ${marker.timeS} ± ${marker.uncertaintyS} vs crossing ${crossings[i]}`,
    );
  });
});

Deno.test("the default GPS filter drops exactly the samples of the truth's bad-GPS patches", async () => {
  const name = "barber-8laps.csv";
  const truth = await readTruth(name);
  const ctx = parseContext(name);
  const session = raceChronoFormat.parse(await readSession(name), ctx);
  assert.equal(session.rows, truth.rows - badGpsSamples(truth));
  assert.equal(
    ctx.diagnostics.filter((d) => d.code === "gps_quality").length,
    truth.gps_quality_events.length,
  );
  assert.equal(session.startUnixS, truth.session_start_unix);
});

Deno.test("faults file: every fault of the truth is reported at its line, the other rows are kept", async () => {
  const name = "barber-faults.csv";
  const truth = await readTruth(name);
  const bytes = await readSession(name);
  const ctx = parseContext(name, LAX_SETTINGS);
  const session = raceChronoFormat.parse(bytes, ctx);

  assert.ok(truth.faults.length > 0);
  for (const fault of truth.faults) {
    const found = ctx.diagnostics.find((d) => d.line === fault.line && d.file === name);
    assert.ok(found, `no diagnostic at line ${fault.line} for ${fault.kind} (${fault.detail})`);
    assert.equal(found.code, fault.kind, `line ${fault.line}`);
  }
  const bomCrlf = ctx.diagnostics.find((d) => d.code === "bom_crlf")!;
  assert.equal(bomCrlf.severity, "info");
  assert.match(bomCrlf.message, /byte-order mark/);
  assert.match(bomCrlf.message, /CRLF/);

  // The file holds the simulated rows less the dropout plus the repeated row; each bad row costs one.
  const text = new TextDecoder().decode(bytes);
  const dataLines = text.split("\n").slice(truth.first_data_line - 1).filter((l) => l.trim() !== "").length;
  const dropout = truth.faults.find((f) => f.kind === "gps_dropout")!;
  const missing = Number(/(\d+) rows/.exec(dropout.detail)![1]);
  const repeated = truth.faults.filter((f) => f.kind === "duplicate_timestamp").length;
  assert.equal(dataLines, truth.rows - missing + repeated);
  const rowDropping = ["empty_field", "non_numeric", "nan", "duplicate_timestamp", "truncated_line"];
  const badRows = truth.faults.filter((f) => rowDropping.includes(f.kind)).length;
  assert.equal(session.rows, dataLines - badRows);
  // Every kept row is a different line, and no bad line is among them.
  const badLines = new Set(truth.faults.filter((f) => rowDropping.includes(f.kind)).map((f) => f.line));
  assert.ok(session.sourceLine.every((line) => !badLines.has(line)));
  assert.equal(session.startUnixS, truth.session_start_unix);
});

const HEADER = [
  "This file is created using RaceChrono v9.1.3 ( http://racechrono.com/ ).",
  "Format,3",
  'Track name,"Test Ring"',
  "",
  "timestamp,lap_number,latitude,longitude,speed,speed,satellites",
  "unix time,,deg,deg,km/h,m/s,sats",
  ",,100: gps,100: gps,200: obd,100: gps,100: gps",
];

function file(lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

Deno.test("columns are taken by name, unit and source; the GPS speed wins over an OBD one", () => {
  const bytes = file([
    ...HEADER,
    "1700000000.0,,33.5,-86.6,36.0,9.5,12",
    "1700000000.1,,33.5,-86.6,36.0,9.6,12",
    "1700000000.2,1,33.5,-86.6,36.0,9.7,12",
  ]);
  const session = raceChronoFormat.parse(bytes, parseContext("t.csv"));
  assert.equal(session.rows, 3);
  assert.deepEqual(Array.from(session.channels.speedMps), [9.5, 9.6, 9.7]);
  assert.deepEqual(Array.from(session.channels.timeS), [0, 0.1, 0.2]);
  assert.equal(session.startUnixS, 1700000000);
  assert.equal(session.trackNameHint, "Test Ring");
  assert.equal(session.lapMarkers.length, 1);
  assert.ok(Math.abs(session.lapMarkers[0].timeS - 0.15) < 1e-9);
  assert.ok(Math.abs(session.lapMarkers[0].uncertaintyS - 0.05) < 1e-9);
});

Deno.test("CRLF alone is reported once as info at line 1", () => {
  const text = [...HEADER, "1700000000.0,,33.5,-86.6,36,9.5,12", "1700000000.1,,33.5,-86.6,36,9.6,12"]
    .join("\r\n");
  const ctx = parseContext("t.csv");
  const session = raceChronoFormat.parse(new TextEncoder().encode(text), ctx);
  assert.equal(session.rows, 2);
  assert.deepEqual(ctx.diagnostics.map((d) => [d.severity, d.code, d.line]), [["info", "crlf", 1]]);
});

Deno.test("missing required columns: a DataError naming them", () => {
  const bytes = file([
    "This file is created using RaceChrono v9.1.3",
    "",
    "timestamp,lap_number,latitude,satellites",
    "unix time,,deg,sats",
    ",,100: gps,100: gps",
    "1700000000.0,,33.5,12",
  ]);
  assert.throws(
    () => raceChronoFormat.parse(bytes, parseContext("t.csv")),
    (e: unknown) =>
      e instanceof DataError && /longitude/.test(e.message) && /speed/.test(e.message) &&
      !/latitude \(/.test(e.message) && e.location.line === 3,
  );
});

Deno.test("no usable rows: a DataError, whether the rows are bad or absent", () => {
  const bad = file([...HEADER, "1700000000.0,,,-86.6,36,9.5,12", "1700000000.1,,33.5,-86.6,36,abc,12"]);
  const ctx = parseContext("t.csv");
  assert.throws(
    () => raceChronoFormat.parse(bad, ctx),
    (e: unknown) => e instanceof DataError && /no usable data rows/.test(e.message) && e.location.line === 8,
  );
  assert.deepEqual(ctx.diagnostics.map((d) => d.code), ["empty_field", "non_numeric"]);
  assert.throws(
    () => raceChronoFormat.parse(file(HEADER), parseContext("t.csv")),
    (e: unknown) => e instanceof DataError && /no data rows/.test(e.message),
  );
  assert.throws(
    () => raceChronoFormat.parse(file(["just,some", "text"]), parseContext("t.csv")),
    (e: unknown) => e instanceof DataError && /channel-name row/.test(e.message),
  );
});

Deno.test("a cancelled run stops the parse", () => {
  const controller = new AbortController();
  controller.abort(new Error("cancelled"));
  assert.throws(
    () => raceChronoFormat.parse(file(HEADER), { ...parseContext("t.csv"), signal: controller.signal }),
    /cancelled/,
  );
});
