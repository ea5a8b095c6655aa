/**
 * The simple CSV format reads back what was written from a shared sample
 * (to the file's rounding), reports a bad field with its line and column and
 * skips the row, and leaves other files to other formats.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  assertSameSamples,
  headOf,
  LAX_SETTINGS,
  parseContext,
  readReferenceSession,
  readSession,
} from "../../sdk/testing/mod.ts";
import { simpleCsvFormat } from "./format.ts";
import { toSimpleCsv } from "./sample.ts";

const encode = (text: string) => new TextEncoder().encode(text);

Deno.test("reads time, position and speed back to the file's rounding", async () => {
  const reference = await readReferenceSession("barber-8laps.csv");
  const bytes = encode(toSimpleCsv(reference.session));
  assert.ok(simpleCsvFormat.sniff(headOf(bytes)));
  const ctx = parseContext("barber.csv", LAX_SETTINGS);
  const session = simpleCsvFormat.parse(bytes, ctx);
  // Written to 1 ms, 1e-7° and 0.001 km/h: half a unit of the last digit, plus float noise.
  assertSameSamples(session, reference.session, {
    timeS: 5.1e-4,
    latDeg: 5.1e-8,
    lonDeg: 5.1e-8,
    speedMps: 0.0005 / 3.6 + 1e-9,
  });
  assert.deepEqual(ctx.diagnostics, []);
});

Deno.test("a bad field is reported with its line and column and the row skipped", () => {
  const text = "time,lat,lon,speed\n0,33.53,-86.62,10\n0.04,33.53,abc,10\n0.08,33.53,-86.62,11\n";
  const ctx = parseContext("bad.csv", LAX_SETTINGS);
  const session = simpleCsvFormat.parse(encode(text), ctx);
  assert.equal(session.rows, 2);
  const bad = ctx.diagnostics.find((d) => d.line === 3);
  assert.ok(bad, JSON.stringify(ctx.diagnostics));
  assert.equal(bad.severity, "warning");
});

Deno.test("other loggers' files are not taken for this format", async () => {
  for (const name of ["barber-8laps.csv", "barber-8laps.vbo", "barber-8laps-aim.csv"]) {
    assert.equal(simpleCsvFormat.sniff(headOf(await readSession(name))), false, name);
  }
});
