/**
 * `deno task analyze`: the JSON contract's fields, `--lap N`, `--vehicle`,
 * and clear usage errors, run as a user runs it (a subprocess).
 *
 * @module
 */

import assert from "node:assert/strict";
import { runCli } from "./cli_run.ts";

const SESSION = new URL("../../shared/data/sessions/barber-8laps.csv", import.meta.url);

const analyzeCli = (...args: string[]) => runCli("analyze.ts", ...args);

Deno.test("analyze --json keeps the contract's fields and fills corners, --lap and the optimal lap", async () => {
  const truth = JSON.parse(await Deno.readTextFile(new URL(SESSION.href + ".truth.json")));
  const carFile = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(carFile, JSON.stringify(truth.car));
  const { code, stdout } = await analyzeCli(SESSION.pathname, "--json", "--lap", "3", "--vehicle", carFile);
  assert.equal(code, 0);
  const doc = JSON.parse(stdout);
  for (
    const key of [
      "file",
      "format",
      "rows",
      "track",
      "laps",
      "best_lap",
      "corners",
      "optimal_lap_time_s",
      "stage_seconds",
      "total_seconds",
      "diagnostics",
    ]
  ) assert.ok(key in doc, `field ${key}`);
  assert.equal(doc.track.slug, truth.track.slug);
  assert.equal(doc.best_lap, truth.best_lap);
  assert.equal(doc.corners.length, truth.corners.length);
  for (const c of doc.corners) {
    for (
      const key of [
        "number",
        "entry_m",
        "apex_m",
        "exit_m",
        "min_speed_kmh",
        "brake_point_m",
        "throttle_commit_m",
      ]
    ) {
      assert.ok(key in c, `corner field ${key}`);
    }
  }
  assert.equal(doc.selected_lap.number, 3);
  assert.equal(doc.selected_lap.corners.length, doc.corners.length);
  // With the truth's car the optimal lap is the physics limit (issue 5 allows 1 %).
  assert.ok(Math.abs(doc.optimal_lap_time_s / truth.physics_limit_lap_time_s - 1) < 0.01);
  assert.ok(doc.theoretical_best_s <= truth.best_lap_time_s + 0.05);
  assert.ok(doc.gps_quality.score > 0 && Array.isArray(doc.gps_quality.reasons));
});

Deno.test("analyze names the problem for a missing lap, a bad --lap and a bad vehicle file", async () => {
  const missing = await analyzeCli(SESSION.pathname, "--lap", "99");
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /has no lap 99; its laps are 1, 2/);
  const bad = await analyzeCli(SESSION.pathname, "--lap", "two");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--lap needs a lap number/);
  const carFile = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(carFile, JSON.stringify({ mass_kg: "heavy" }));
  const car = await analyzeCli(SESSION.pathname, "--vehicle", carFile);
  assert.equal(car.code, 2);
  assert.match(car.stderr, /mass_kg/);
});

Deno.test("the readable output lists the best lap's corners", async () => {
  const { code, stdout } = await analyzeCli(SESSION.pathname);
  assert.equal(code, 0);
  assert.match(stdout, /Corners of lap \d+ \(best\):/);
  assert.match(stdout, /^GPS quality: [\d.]+\/100 \([A-F]\)$/m);
  assert.match(stdout, /T1 +left/);
});

Deno.test("analyze --tag gives laps the driver's tags: traffic leaves the best lap out, rain changes nothing", async () => {
  const plain = JSON.parse((await analyzeCli(SESSION.pathname, "--json")).stdout);
  const best = plain.best_lap as number;
  const tagged = await analyzeCli(SESSION.pathname, "--json", "--tag", `${best}=traffic`, "--tag", "2=rain");
  assert.equal(tagged.code, 0, tagged.stderr);
  const doc = JSON.parse(tagged.stdout);
  const lap = (d: { laps: { number: number }[] }, n: number) => d.laps.find((l) => l.number === n);
  assert.deepEqual(lap(doc, best), {
    ...lap(plain, best),
    included: false,
    excluded_reason: "you tagged it traffic",
  });
  assert.notEqual(doc.best_lap, best);
  assert.deepEqual(lap(doc, 2), lap(plain, 2), "a note such as rain leaves the lap as it was");
  const bad = await analyzeCli(SESSION.pathname, "--tag", "5");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--tag needs a lap number and its tags, e\.g\. --tag 5=traffic,rain; got '5'/);
});
