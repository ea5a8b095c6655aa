import assert from "node:assert/strict";
import { DataError } from "../../sdk/mod.ts";
import { createdIso, readRaceChronoHeader } from "./header.ts";

const encode = (text: string) => new TextEncoder().encode(text);

const PREAMBLE = [
  "This file is created using RaceChrono v9.1.3 ( http://racechrono.com/ ).",
  "Format,3",
  'Session title,"Evening, session 2"',
  "Driver name,",
  "Created,14/06/2026,14:05",
  "",
  "timestamp,speed,speed",
  "unix time,m/s,m/s",
  ",100: gps,calc",
  "1.0,2.0,3.0",
];

Deno.test("reads the preamble, the three header rows and where the data starts", () => {
  const text = PREAMBLE.join("\n");
  const header = readRaceChronoHeader(encode(text), "t.csv");
  assert.deepEqual(header.metadata, {
    racechronoVersion: "9.1.3",
    Format: "3",
    "Session title": "Evening, session 2",
    Created: "14/06/2026,14:05",
    created: "2026-06-14T14:05",
  });
  assert.equal(header.trackName, null);
  assert.deepEqual(header.names, ["timestamp", "speed", "speed"]);
  assert.deepEqual(header.units, ["unix time", "m/s", "m/s"]);
  assert.deepEqual(header.sources, ["", "100: gps", "calc"]);
  assert.equal(header.headerLine, 7);
  assert.equal(header.dataLine, 10);
  assert.equal(text.slice(header.dataStart), "1.0,2.0,3.0");
  assert.equal(header.bom, false);
  assert.equal(header.crlf, false);
});

Deno.test("a sources row that starts with a tag such as '100: gps' is a header row, not data", () => {
  const text = [...PREAMBLE.slice(0, 6), "speed,timestamp", "m/s,unix time", "100: gps,", "2.0,1.0"].join(
    "\n",
  );
  const header = readRaceChronoHeader(encode(text), "t.csv");
  assert.deepEqual(header.sources, ["100: gps", ""]);
  assert.equal(header.dataLine, 10);
  assert.equal(text.slice(header.dataStart), "2.0,1.0");
});

Deno.test("a byte-order mark and CRLF line ends are detected and skipped", () => {
  const bytes = encode("\ufeff" + PREAMBLE.join("\r\n"));
  const header = readRaceChronoHeader(bytes, "t.csv");
  assert.equal(header.bom, true);
  assert.equal(header.crlf, true);
  assert.equal(header.metadata.racechronoVersion, "9.1.3");
  assert.deepEqual(header.sources, ["", "100: gps", "calc"]);
  assert.equal(new TextDecoder().decode(bytes.subarray(header.dataStart)), "1.0,2.0,3.0");
});

Deno.test("a file without units and sources rows still has its data located", () => {
  const header = readRaceChronoHeader(encode("timestamp,latitude,longitude,speed\n1,2,3,4\n"), "t.csv");
  assert.deepEqual(header.units, ["", "", "", ""]);
  assert.equal(header.dataLine, 2);
});

Deno.test("no channel-name row: a DataError", () => {
  assert.throws(
    () => readRaceChronoHeader(encode("RaceChrono\nFormat,3\n\n1,2,3\n"), "t.csv"),
    (e: unknown) => e instanceof DataError && e.location.file === "t.csv",
  );
});

Deno.test("channel names separated by semicolons or tabs: a DataError at that line saying so", () => {
  for (const [separator, name] of [[";", "';'"], ["\t", "tabs"]]) {
    const text = PREAMBLE.map((line, i) => (i >= 6 ? line.replaceAll(",", separator) : line)).join("\n");
    assert.throws(
      () => readRaceChronoHeader(encode(text), "t.csv"),
      (e: unknown) =>
        e instanceof DataError && e.location.line === 7 &&
        e.message.startsWith(`the channel names are separated by ${name}, not commas`),
    );
  }
});

Deno.test("Created is day first; nonsense dates give null", () => {
  assert.equal(createdIso(["03/11/2025", "9:07"]), "2025-11-03T09:07");
  assert.equal(createdIso(["03/11/2025"]), "2025-11-03");
  assert.equal(createdIso(["11/31/2025", "9:07"]), null);
  assert.equal(createdIso(["yesterday"]), null);
});
