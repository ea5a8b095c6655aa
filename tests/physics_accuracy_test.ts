/**
 * The physics-optimal lap against the truth of every shared session: with
 * the truth's own car as the vehicle, the optimal lap and each corner's
 * minimum speed must match the simulation's physics limit; with no vehicle
 * (grip and power estimated from the session) the optimal lap must beat
 * the driver's best and stay near the limit.
 *
 * Tolerances are the acceptance criteria; measured on the seven shared
 * sessions: lap time within 0.13 % (1 % allowed); corner minimum speed
 * within 1.6 % on the optimal lap's own corners and 2.2 % on the session's
 * corners (3 % allowed); with no vehicle, 0.9–2.9 % slower than the limit
 * (5 % allowed) and at least 3.6 s faster than the best lap.
 */

import assert from "node:assert/strict";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";
import {
  type OptimalProfile,
  OptimalProfileKey,
  parseVehicle,
  PhysicsGainsKey,
  type RunSettings,
} from "../sdk/mod.ts";
import { haveSessions, listSessions, readSession, readTruth, type Truth } from "../sdk/testing/mod.ts";

/** Truth corners are matched to ours by apex within this distance, m. */
const APEX_MATCH_M = 30;

const { registry } = await loadPlugins();

async function optimalOf(file: string, settings: Partial<RunSettings>) {
  const result = await analyze(registry, { file, bytes: await readSession(file), settings });
  return {
    profile: result.artifacts.get(OptimalProfileKey) ?? null,
    physics: result.artifacts.get(PhysicsGainsKey),
  };
}

/** Our nearest corner (by apex, as a fraction of the lap) to each truth corner, or null beyond 30 m. */
function matchCorners<T extends { apexM: number }>(
  truth: Truth,
  lapLengthM: number,
  ours: readonly T[],
): { truth: Truth["corners"][number]; ours: T | null }[] {
  return truth.corners.map((corner) => {
    const apexM = (corner.apex_m / truth.track.length_m) * lapLengthM;
    let best: T | null = null, bestGap = Infinity;
    for (const c of ours) {
      const gap = Math.abs(((c.apexM - apexM + 1.5 * lapLengthM) % lapLengthM) - 0.5 * lapLengthM);
      if (gap < bestGap) [best, bestGap] = [c, gap];
    }
    return { truth: corner, ours: bestGap <= APEX_MATCH_M ? best : null };
  });
}

/**
 * Every truth corner: the optimal lap's lowest speed within 30 m of its apex
 * is within 3 % of the limit's; the optimal lap's own corners (speed minima
 * at least 4 km/h deep) find all of them but at most one marginal corner,
 * and those found have the same minimum speed.
 */
function assertCornerSpeeds(file: string, truth: Truth, profile: OptimalProfile) {
  const n = profile.speedMps.length;
  const window = Math.round(APEX_MATCH_M / profile.stepM);
  for (const corner of truth.corners) {
    const apex = Math.round((corner.apex_m / truth.track.length_m) * profile.lapLengthM / profile.stepM);
    let lowest = Infinity;
    for (let k = -window; k <= window; k++) lowest = Math.min(lowest, profile.speedMps[(apex + k + n) % n]);
    const error = (lowest * 3.6) / corner.limit_min_speed_kmh - 1;
    assert.ok(Math.abs(error) <= 0.03, `${file} corner ${corner.id}: ${(error * 100).toFixed(2)} %`);
  }
  const matches = matchCorners(truth, profile.lapLengthM, profile.corners);
  const missed = matches.filter((m) => !m.ours).map((m) => m.truth.id);
  assert.ok(missed.length <= 1, `${file}: no optimal corner near truth corners ${missed.join(", ")}`);
  for (const { truth: corner, ours } of matches) {
    if (!ours) continue;
    const error = (ours.minSpeedMps * 3.6) / corner.limit_min_speed_kmh - 1;
    assert.ok(
      Math.abs(error) <= 0.03,
      `${file} optimal corner ${ours.number}: ${(error * 100).toFixed(2)} %`,
    );
  }
}

for (const file of haveSessions() ? listSessions() : []) {
  Deno.test(`${file}: with the truth's car the optimal lap is within 1 % of the physics limit`, async () => {
    const truth = await readTruth(file);
    const { profile, physics } = await optimalOf(file, { vehicle: parseVehicle(truth.car) });
    assert.ok(profile, "no optimal profile");
    assert.equal(profile.vehicleSource, "given");
    const error = profile.lapTimeS / truth.physics_limit_lap_time_s - 1;
    assert.ok(
      Math.abs(error) <= 0.01,
      `lap ${profile.lapTimeS.toFixed(3)} s vs ${truth.physics_limit_lap_time_s} s`,
    );
    assertCornerSpeeds(file, truth, profile);
    if (physics) {
      // The session's corners (corners plugin) get the same targets.
      const targets = physics.corners.map((c) => ({
        apexM: c.targetMinSpeedM,
        minSpeedMps: c.targetMinSpeedMps,
      }));
      for (const { truth: corner, ours } of matchCorners(truth, profile.lapLengthM, targets)) {
        if (!ours) continue; // a truth corner the driver's reference trace does not show
        const error = (ours.minSpeedMps * 3.6) / corner.limit_min_speed_kmh - 1;
        assert.ok(
          Math.abs(error) <= 0.03,
          `target for truth corner ${corner.id}: ${(error * 100).toFixed(2)} %`,
        );
      }
    }
  });

  Deno.test(`${file}: with no vehicle the optimal lap beats the best lap and is within 5 % of the limit`, async () => {
    const truth = await readTruth(file);
    const { profile } = await optimalOf(file, { vehicle: null });
    assert.ok(profile, "no optimal profile");
    assert.equal(profile.vehicleSource, "estimated");
    assert.ok(
      profile.lapTimeS < truth.best_lap_time_s!,
      `${profile.lapTimeS} s vs best ${truth.best_lap_time_s} s`,
    );
    const error = profile.lapTimeS / truth.physics_limit_lap_time_s - 1;
    assert.ok(
      Math.abs(error) <= 0.05,
      `lap ${profile.lapTimeS.toFixed(3)} s vs ${truth.physics_limit_lap_time_s} s`,
    );
  });
}
