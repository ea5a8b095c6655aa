/**
 * Issue-3 acceptance: laps through the whole pipeline against the truth.
 *
 * Every shared session, and — for the shared sessions that exist only as
 * RaceChrono CSV — the same session re-simulated as VBOX and AiM (the truth
 * records the `synth-session` options; the simulation is deterministic),
 * must give the truth's complete flying laps (kinds `flying` and `mistake`)
 * under the same numbers, lap times within 0.015 s on average and 0.04 s at
 * worst per file (measured when set: means 0.001–0.010 s, worst 0.028 s on
 * the VBOX file), and the truth's circuit.
 *
 * @module
 */

import assert from "node:assert/strict";
import { basename } from "node:path";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";
import { LapsKey, TrackKey } from "../sdk/mod.ts";
import {
  haveSynthTool,
  listSessions,
  readSession,
  readTruth,
  resimulate,
  synthSession,
  type Truth,
} from "../sdk/testing/mod.ts";

const MEAN_ERROR_S = 0.015;
const MAX_ERROR_S = 0.04;

const { registry } = await loadPlugins();

async function checkLaps(file: string, bytes: Uint8Array, truth: Truth): Promise<void> {
  const result = await analyze(registry, { file, bytes });
  assert.equal(result.artifacts.get(TrackKey)?.track.slug, truth.track.slug, `${file}: circuit`);
  const laps = new Map((result.artifacts.get(LapsKey) ?? []).map((lap) => [lap.number, lap]));
  const expected = truth.laps.filter((l) => l.complete && (l.kind === "flying" || l.kind === "mistake"));
  assert.ok(expected.length > 0, `${file}: the truth has flying laps`);
  const errors = expected.map((t) => {
    const lap = laps.get(t.number);
    assert.ok(lap, `${file}: lap ${t.number} found`);
    assert.equal(lap.kind, "flying", `${file}: lap ${t.number} is a flying lap`);
    assert.ok(lap.timeS !== null, `${file}: lap ${t.number} has a time`);
    return Math.abs(lap.timeS - t.time_s!);
  });
  const flying = [...laps.values()].filter((l) => l.kind === "flying" && l.complete).map((l) => l.number);
  assert.deepEqual(flying, expected.map((l) => l.number), `${file}: the flying laps and their numbers`);
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
  const max = Math.max(...errors);
  assert.ok(mean < MEAN_ERROR_S, `${file}: mean lap-time error ${mean.toFixed(4)} s`);
  assert.ok(max < MAX_ERROR_S, `${file}: worst lap-time error ${max.toFixed(4)} s`);
}

for (const name of listSessions()) {
  Deno.test(`laps of ${name} match the truth`, async () => {
    await checkLaps(name, await readSession(name), await readTruth(name));
  });
}

// RaceChrono sessions without injected faults (faults exist only in RaceChrono files).
const racechronoOnly: { name: string; truth: Truth }[] = [];
for (const name of listSessions()) {
  const truth = await readTruth(name);
  if (truth.format === "racechrono" && !truth.args.faults) racechronoOnly.push({ name, truth });
}
for (const { name, truth } of racechronoOnly) {
  Deno.test({
    name: `laps of ${name} re-simulated as VBOX and AiM match the truth`,
    ignore: !haveSynthTool(),
    async fn() {
      for (const format of ["vbox", "aim"] as const) {
        await using synth = await resimulate(truth, format);
        assert.deepEqual(
          synth.truth.laps.map((l) => [l.number, l.time_s]),
          truth.laps.map((l) => [l.number, l.time_s]),
          `${name} as ${format}: the simulation reproduces the same laps`,
        );
        await checkLaps(
          `${basename(synth.file)} (${name} as ${format})`,
          await Deno.readFile(synth.file),
          synth.truth,
        );
      }
    },
  });
}

Deno.test({
  name: "an AiM log that starts from rest on the line times its first lap from the beacon at its start",
  ignore: !haveSynthTool(),
  async fn() {
    await using synth = await synthSession({
      track: "virginia-international-raceway",
      laps: 5,
      seed: 71,
      format: "aim",
      args: ["--no-out-in"],
    });
    const result = await analyze(registry, {
      file: "start-on-line.csv",
      bytes: await Deno.readFile(synth.file),
    });
    const laps = result.artifacts.get(LapsKey) ?? [];
    for (const t of synth.truth.laps.filter((l) => l.complete)) {
      const lap = laps.find((l) => l.number === t.number);
      assert.ok(lap?.timeS != null, `lap ${t.number} is timed`);
      assert.ok(Math.abs(lap.timeS - t.time_s!) < MAX_ERROR_S, `lap ${t.number}: ${lap.timeS} s`);
    }
  },
});
