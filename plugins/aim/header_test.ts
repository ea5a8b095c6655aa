import assert from "node:assert/strict";
import { DataError } from "../../sdk/mod.ts";
import { readAimHeader } from "./header.ts";

const TEXT = [
  '"Format","AiM CSV File"',
  '"Racer",""',
  '"Time","02:05 PM"',
  '"Beacon Markers","19.382","153.515"',
  "",
  '"Time","GPS Speed","GPS Latitude"',
  '"s","km/h","deg"',
  "",
  '"0.000","0.00","33.53075074"',
].join("\r\n");

Deno.test("metadata rows, the header and units rows, and where the data starts", () => {
  const bytes = new TextEncoder().encode(TEXT);
  const header = readAimHeader(bytes, "t.csv");
  assert.deepEqual(header.metadata, {
    Format: "AiM CSV File",
    Time: "02:05 PM",
    "Beacon Markers": "19.382,153.515",
  });
  assert.deepEqual(header.metadataValues["Beacon Markers"], ["19.382", "153.515"]);
  assert.equal(header.metadataLines["Beacon Markers"], 4);
  assert.deepEqual(header.names, ["Time", "GPS Speed", "GPS Latitude"]);
  assert.deepEqual(header.units, ["s", "km/h", "deg"]);
  assert.equal(header.headerLine, 6);
  assert.equal(header.dataLine, 8);
  assert.equal(
    new TextDecoder().decode(bytes.subarray(header.dataStart)),
    '\r\n"0.000","0.00","33.53075074"',
  );
});

Deno.test("no units row: the data follows the header", () => {
  const header = readAimHeader(
    new TextEncoder().encode('"Time","GPS Speed","GPS Latitude"\n"0","1","2"\n'),
    "t.csv",
  );
  assert.deepEqual(header.units, ["", "", ""]);
  assert.equal(header.dataLine, 2);
});

Deno.test("no header row: a DataError", () => {
  assert.throws(
    () => readAimHeader(new TextEncoder().encode('"Format","AiM CSV File"\n'), "t.csv"),
    DataError,
  );
});
