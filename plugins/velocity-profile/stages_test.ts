import assert from "node:assert/strict";
import {
  createLocalProjection,
  DEFAULT_SETTINGS,
  type DistanceLap,
  type Lap,
  parseVehicle,
  type Vehicle,
} from "../../sdk/mod.ts";
import { readTruth, stageContext, syntheticLap } from "../../sdk/testing/mod.ts";
import { estimateGripStage, velocityProfileStage } from "./stages.ts";

const CAR: Vehicle = parseVehicle((await readTruth("barber-8laps.csv")).car);

Deno.test("no lap: empty results and a diagnostic, no exception", async () => {
  const ctx = stageContext("velocity-profile", "estimate-grip");
  const { grip, gg } = await estimateGripStage.run(ctx, { laps: [], distanceLaps: [] });
  assert.equal(grip, null);
  assert.equal(gg.laps.length, 0);
  assert.equal(ctx.diagnostics[0].code, "no_grip_estimate");
  const profileCtx = stageContext("velocity-profile", "velocity-profile", {
    ...DEFAULT_SETTINGS,
    vehicle: CAR,
  });
  const { profile } = await velocityProfileStage.run(profileCtx, { laps: [], distanceLaps: [], grip: null });
  assert.equal(profile, null);
  assert.equal(profileCtx.diagnostics[0].code, "no_optimal_lap");
});

Deno.test("laps without heading or positions: no grip and no optimal lap, said why", async () => {
  const a = syntheticLap(2, 700, [[1, 30]]), b = syntheticLap(3, 700, [[1, 31]]);
  const laps = [a.lap, b.lap], distanceLaps = [a.grid, b.grid];
  const before = distanceLaps.map((d) => d.channels.speedMps.slice());
  const ctx = stageContext("velocity-profile", "estimate-grip");
  const { grip } = await estimateGripStage.run(ctx, { laps, distanceLaps });
  assert.equal(grip, null);

  const none = stageContext("velocity-profile", "velocity-profile");
  assert.equal((await velocityProfileStage.run(none, { laps, distanceLaps, grip })).profile, null);
  assert.match(none.diagnostics[0].message, /no vehicle given/);

  const given = stageContext("velocity-profile", "velocity-profile", { ...DEFAULT_SETTINGS, vehicle: CAR });
  assert.equal((await velocityProfileStage.run(given, { laps, distanceLaps, grip })).profile, null);
  assert.match(given.diagnostics[0].message, /heading or positions/);
  assert.deepEqual(distanceLaps.map((d) => d.channels.speedMps), before, "inputs are not mutated");
});

Deno.test("a circle driven lap after lap: the given vehicle's profile on the fastest lap's grid", async () => {
  const laps = [circleLap(2, 20), circleLap(3, 21), circleLap(4, 20.5)];
  const given = stageContext("velocity-profile", "velocity-profile", { ...DEFAULT_SETTINGS, vehicle: CAR });
  const { profile } = await velocityProfileStage.run(given, {
    laps: laps.map((l) => l.lap),
    distanceLaps: laps.map((l) => l.grid),
    grip: null,
  });
  assert.ok(profile);
  assert.equal(profile.vehicleSource, "given");
  assert.equal(profile.referenceLap, 3);
  assert.deepEqual(profile.lineLaps, [3, 4, 2]);
  assert.equal(profile.speedMps.length, laps[1].grid.points);
  // A 100 m circle with drag: just under √(μ g r), held all the way round.
  const limit = Math.sqrt(CAR.muLat * 9.80665 * 100);
  for (const v of profile.speedMps) assert.ok(v <= limit + 1e-9 && v > 0.97 * limit, `${v} vs ${limit}`);
  assert.ok(Math.abs(profile.lapTimeS - profile.timeS[profile.timeS.length - 1]) < 0.1);
});

/** A lap round a 100 m radius circle (anticlockwise) at a steady speed, with course and positions. */
function circleLap(number: number, speedMps: number): { lap: Lap; grid: DistanceLap } {
  const r = 100, lengthM = 2 * Math.PI * r;
  const { lap, grid } = syntheticLap(number, lengthM, [[1, speedMps]]);
  const projection = createLocalProjection(33.5, -86.6);
  const latDeg = new Float64Array(grid.points), lonDeg = new Float64Array(grid.points);
  const headingDeg = new Float64Array(grid.points);
  for (let i = 0; i < grid.points; i++) {
    const angle = (i * grid.stepM) / r;
    const p = projection.unproject(r * Math.cos(angle), r * Math.sin(angle));
    latDeg[i] = p.latDeg;
    lonDeg[i] = p.lonDeg;
    headingDeg[i] = ((((Math.atan2(-Math.sin(angle), Math.cos(angle)) * 180) / Math.PI) % 360) + 360) % 360;
  }
  return { lap, grid: { ...grid, channels: { ...grid.channels, latDeg, lonDeg, headingDeg } } };
}
