/**
 * What loggers glitch is dropped and reported, and the session around it
 * keeps every lap:
 *
 * - rows: a timestamp hours ahead, a zeroed clock, a `0, 0` position
 *   without a fix, a speed no car reaches. Before, one timestamp a day ahead
 *   made every later row look like a step back in time (the rest of the
 *   file dropped), a VBOX row at 00:00:00 started a new day for every row
 *   after it (laps days long), and a `0, 0` fix added thousands of
 *   kilometres to its lap;
 * - lap markers: a RaceChrono lap counter that flickers up for one row, AiM
 *   beacon markers every 0.2 s. Before, each made a "lap" of a few seconds
 *   (and the beacons moved every crossing onto their 0.2 s grid).
 *
 * The laps are checked against the truth as in `lap_accuracy_test.ts`:
 * every complete flying lap, its time within 0.04 s.
 *
 * @module
 */

import assert from "node:assert/strict";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";
import { type Diagnostic, LapsKey } from "../sdk/mod.ts";
import { haveSessions, readSession, readTruth, type Truth } from "../sdk/testing/mod.ts";

/** Worst lap-time error allowed, s (as in the lap accuracy test). */
const MAX_ERROR_S = 0.04;

const { registry } = await loadPlugins();
const decoder = new TextDecoder(), encoder = new TextEncoder();

/** The file's lines with `edit` applied to the fields of the given 1-based lines. */
function editLines(
  bytes: Uint8Array,
  separator: string,
  edits: Record<number, (fields: string[]) => void>,
): Uint8Array {
  const text = decoder.decode(bytes);
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(newline);
  for (const [line, edit] of Object.entries(edits)) {
    const fields = lines[Number(line) - 1].split(separator);
    edit(fields);
    lines[Number(line) - 1] = fields.join(separator);
  }
  return encoder.encode(lines.join(newline));
}

/** Analyses the bytes and checks every truth flying lap is there, on time. */
async function analyseAndCheckLaps(file: string, bytes: Uint8Array, truth: Truth): Promise<Diagnostic[]> {
  const result = await analyze(registry, { file, bytes });
  const laps = new Map((result.artifacts.get(LapsKey) ?? []).map((lap) => [lap.number, lap]));
  for (const t of truth.laps.filter((l) => l.complete && (l.kind === "flying" || l.kind === "mistake"))) {
    const lap = laps.get(t.number);
    assert.ok(lap?.timeS != null, `${file}: lap ${t.number} is timed`);
    assert.ok(Math.abs(lap.timeS - t.time_s!) < MAX_ERROR_S, `${file}: lap ${t.number} ${lap.timeS} s`);
  }
  return result.diagnostics;
}

/** The diagnostics with one of `codes`, as `[code, line]`. */
const codesAndLines = (diagnostics: Diagnostic[], codes: string[]) =>
  diagnostics.filter((d) => codes.includes(d.code ?? "")).map((d) => [d.code, d.line]);

Deno.test({
  name:
    "RaceChrono: timestamps a day ahead (the first row's too), fixes at 0, 0 and a 3600 km/h speed drop only their rows",
  ignore: !haveSessions(),
  async fn() {
    const name = "barber-8laps.csv";
    // Fields: 0 timestamp, 11 latitude, 12 longitude, 14 and 20 speed.
    const bytes = editLines(await readSession(name), ",", {
      13: (f) => (f[0] = (Number(f[0]) + 86400).toFixed(2)),
      5000: (f) => (f[0] = (Number(f[0]) + 86400).toFixed(2)),
      20000: (f) => (f[11] = f[12] = "0.0000000"),
      20001: (f) => (f[11] = f[12] = "0.0000000"),
      24000: (f) => (f[14] = f[20] = "999.000"),
    });
    const diagnostics = await analyseAndCheckLaps(name, bytes, await readTruth(name));
    assert.deepEqual(codesAndLines(diagnostics, ["time_outlier", "position_outlier", "speed_outlier"]), [
      ["time_outlier", 13],
      ["time_outlier", 5000],
      ["position_outlier", 20000],
      ["speed_outlier", 24000],
    ]);
    assert.ok(!diagnostics.some((d) => d.code === "time_backwards"), "no row after the glitch is dropped");
  },
});

Deno.test({
  name: "VBOX: a row zeroed to 00:00:00 at 0, 0 is a glitch, not a pass through midnight",
  ignore: !haveSessions(),
  async fn() {
    const name = "barber-8laps.vbo";
    const zeroed = (f: string[]) => f.forEach((_, i) => i > 0 && (f[i] = "+0"));
    const bytes = editLines(await readSession(name), " ", {
      9000: zeroed,
      9001: zeroed,
      15000: (f) => (f[2] = f[3] = "+00000.00000"),
    });
    const diagnostics = await analyseAndCheckLaps(name, bytes, await readTruth(name));
    assert.deepEqual(codesAndLines(diagnostics, ["time_backwards", "position_outlier", "gps_dropout"]), [
      ["time_backwards", 9000],
      ["time_backwards", 9001],
      ["position_outlier", 15000],
    ]);
  },
});

Deno.test({
  name: "a lap counter that flickers and AiM beacons every 0.2 s do not cut laps",
  ignore: !haveSessions(),
  async fn() {
    const name = "barber-8laps.csv";
    // Three times, mid-lap, the lap counter (field 2) reads one more than it should for one row.
    const flicker = (f: string[]) => (f[2] = String(Number(f[2]) + 1));
    const bytes = editLines(await readSession(name), ",", { 6000: flicker, 12000: flicker, 18000: flicker });
    const flickering = await analyseAndCheckLaps(name, bytes, await readTruth(name));
    // Each flicker sets two markers, one up and one down.
    assert.equal(flickering.filter((d) => d.code === "marker_splits_lap").length, 6);

    const aim = "barber-8laps-aim.csv";
    const beacons = Array.from({ length: 5000 }, (_, i) => `"${(i * 0.2).toFixed(3)}"`).join(",");
    const text = new TextDecoder().decode(await readSession(aim)).replace(
      /^"Beacon Markers",.*$/m,
      `"Beacon Markers",${beacons}`,
    );
    const dense = await analyseAndCheckLaps(aim, new TextEncoder().encode(text), await readTruth(aim));
    assert.deepEqual(dense.filter((d) => d.code?.startsWith("marker")).map((d) => d.code), [
      "markers_ignored",
    ]);
  },
});

Deno.test({
  name: "AiM beacon markers outside the log's time are ignored and reported",
  ignore: !haveSessions(),
  async fn() {
    const aim = "barber-8laps-aim.csv";
    const text = new TextDecoder().decode(await readSession(aim)).replace(
      /^"Beacon Markers",(.*)$/m,
      (_, beacons) => `"Beacon Markers","-5",${beacons},"5000000"`,
    );
    const diagnostics = await analyseAndCheckLaps(aim, new TextEncoder().encode(text), await readTruth(aim));
    assert.equal(diagnostics.filter((d) => d.code === "marker_outside_session").length, 2);
  },
});
