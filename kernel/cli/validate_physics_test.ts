import assert from "node:assert/strict";
import { TYRE_MU } from "../../sdk/mod.ts";
import { runValidatePhysics } from "./validate_physics.ts";

const ENTRY = {
  car: "Test car",
  track: "barber-motorsports-park",
  real_lap_time_s: 100,
  tire_category: "super_200tw",
  vehicle: {
    weight_kg: 1400,
    hp: 300,
    drivetrain: "RWD",
    cd_a: 0.7,
    cl_a: 0.1,
    cg_height_m: 0.5,
    weight_dist_front_pct: 52,
    wheelbase_m: 2.6,
  },
};

/** Runs the command with `flags` on `entries` written to a file; returns its exit status and output lines. */
async function run(entries: unknown, flags: string[] = []): Promise<{ status: number; lines: string[] }> {
  const file = await Deno.makeTempFile({ suffix: ".json" });
  const lines: string[] = [];
  const log = console.log, error = console.error;
  console.log = (line: string) => lines.push(line);
  console.error = (line: string) => lines.push(line);
  try {
    await Deno.writeTextFile(file, JSON.stringify(entries));
    return { status: await runValidatePhysics([...flags, file]), lines };
  } finally {
    console.log = log;
    console.error = error;
    await Deno.remove(file);
  }
}

Deno.test("with a file, the output ends with one JSON line of the summary", async () => {
  const slower = { ...ENTRY, car: "Same car, slower driver", real_lap_time_s: 110 };
  const { status, lines } = await run([ENTRY, slower]);
  assert.equal(status, 0);
  const summary = JSON.parse(lines[lines.length - 1]);
  assert.deepEqual(Object.keys(summary), ["entries", "mean_abs_err_pct", "max_abs_err_pct"]);
  assert.equal(summary.entries, 2);
  // One prediction for both: the errors against 100 s and 110 s differ by exactly the lap times' ratio.
  const predicted = lines.filter((l) => l.startsWith("Test car") || l.startsWith("Same car"))
    .map((l) => Number(l.trim().split(/\s+/).at(-2)));
  assert.equal(predicted[0], predicted[1]);
  const expectedMean = (Math.abs(predicted[0] / 100 - 1) + Math.abs(predicted[0] / 110 - 1)) * 50;
  assert.ok(Math.abs(summary.mean_abs_err_pct - expectedMean) < 0.01);
  assert.ok(summary.max_abs_err_pct >= summary.mean_abs_err_pct);
  assert.match(lines[lines.length - 2], /^2 entries: mean absolute error/);
});

Deno.test("an unknown circuit or a missing spec names the entry and fails", async () => {
  const unknown = await run([{ ...ENTRY, track: "nowhere" }]);
  assert.equal(unknown.status, 1);
  assert.match(unknown.lines.join("\n"), /entry 1 \(Test car\): unknown circuit "nowhere"/);
  const missing = await run([{ ...ENTRY, vehicle: { ...ENTRY.vehicle, hp: undefined } }]);
  assert.equal(missing.status, 1);
  assert.match(missing.lines.join("\n"), /vehicle\.hp is missing or invalid/);
});

Deno.test("--fit: entries at the model's own times give back the shipped table, with its cross-validation", async () => {
  const { lines: predicted } = await run([ENTRY, { ...ENTRY, tire_category: "street" }]);
  const times = predicted.filter((l) => l.startsWith("Test car")).map((l) =>
    Number(l.trim().split(/\s+/).at(-2))
  );
  const entries = [
    { ...ENTRY, real_lap_time_s: times[0] },
    { ...ENTRY, tire_category: "street", real_lap_time_s: times[1] },
  ];
  const { status, lines } = await run(entries, ["--fit"]);
  assert.equal(status, 0);
  const mu = (tyre: string) => Number(lines.find((l) => l.startsWith(tyre))!.split("=")[1]);
  // Times are printed to 0.01 s (0.01 % of a lap), μ moves lap time as about μ^−0.4: within 0.001.
  assert.ok(Math.abs(mu("super_200tw") - TYRE_MU.super_200tw) < 1e-3, `${mu("super_200tw")}`);
  assert.ok(Math.abs(mu("street") - TYRE_MU.street) < 1e-3, `${mu("street")}`);
  assert.match(
    lines.at(-1)!,
    /^mean absolute error 0\.0\d % fitted, \d+\.\d\d % leave-one-out, \d+\.\d\d % leave-one-circuit-out$/,
  );
});
