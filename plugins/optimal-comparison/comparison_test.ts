import assert from "node:assert/strict";
import {
  DEFAULT_SETTINGS,
  type Gains,
  type LapClock,
  type OptimalProfile,
  parseVehicle,
  type Vehicle,
} from "../../sdk/mod.ts";
import { readTruth, stageContext, syntheticCorner } from "../../sdk/testing/mod.ts";
import { cornerTargets, optimalClock, timeBetween } from "./corner_targets.ts";
import { segmentPhysicsGains } from "./segment_gains.ts";
import { optimalComparisonStage } from "./stage.ts";

const STEP = 0.7, N = 1000, LENGTH = N * STEP;
const CAR: Vehicle = parseVehicle((await readTruth("barber-8laps.csv")).car);

/** 40 m/s, down to 20 m/s at 350 m (linear from 250 m and back up by 450 m). */
function profile(): OptimalProfile {
  const speedMps = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const m = i * STEP;
    speedMps[i] = m < 250 || m > 450 ? 40 : 20 + 20 * (Math.abs(m - 350) / 100);
  }
  const timeS = new Float64Array(N);
  for (let i = 1; i < N; i++) timeS[i] = timeS[i - 1] + (2 * STEP) / (speedMps[i - 1] + speedMps[i]);
  return {
    referenceLap: 4,
    lineLaps: [4],
    vehicle: CAR,
    vehicleSource: "given",
    stepM: STEP,
    lapLengthM: LENGTH,
    curvature: new Float64Array(N),
    speedMps,
    timeS,
    lapTimeS: timeS[N - 1] + STEP / 40,
    bestLapTimeS: (timeS[N - 1] + STEP / 40) / 0.9,
    corners: [{
      number: 1,
      apexM: 350,
      minSpeedMps: 20,
      brakePointM: 250,
      zoneStartM: 250,
      zoneEndM: 450,
      optimalS: 0,
      bestLapS: 0,
      timeCostS: 0,
    }],
  };
}

/** The best lap: the optimal lap 10 % slower everywhere. */
function bestClock(p: OptimalProfile): LapClock {
  return { ...optimalClock(p), timeS: p.timeS.map((t) => t / 0.9), lapTimeS: p.lapTimeS / 0.9 };
}

Deno.test("a corner's target: the optimal minimum around its apex, the optimal brake point, the signed cost", () => {
  const p = profile();
  const kpi = {
    corner: 1,
    minSpeedMps: 18,
    minSpeedM: 352,
    brakePointM: 260,
    peakBrakeG: 0.9,
    throttleCommitM: 380,
    apexType: "on-time" as const,
    timeInCornerS: 5,
  };
  const [target] = cornerTargets(p, [syntheticCorner(1, 300, 352, 420)], [kpi], bestClock(p));
  assert.equal(target.label, "T1");
  assert.equal(target.targetMinSpeedMps, 20);
  assert.ok(Math.abs(target.targetMinSpeedM - 350) <= STEP);
  assert.equal(target.speedGapMps, 2);
  assert.equal(target.targetBrakePointM, 250);
  assert.equal(target.brakeGapM, 10); // the driver brakes 10 m later
  assert.equal(target.zoneStartM, 250); // the earlier brake point
  assert.equal(target.zoneEndM, 420);
  assert.ok(Math.abs(target.optimalS - timeBetween(optimalClock(p), 250, 420)) < 1e-12);
  assert.ok(Math.abs(target.timeCostS - target.optimalS * (1 / 0.9 - 1)) < 1e-9);
});

Deno.test("a corner across the line: the zone wraps; without KPIs the driver's figures are null", () => {
  const p = profile();
  const [target] = cornerTargets(p, [syntheticCorner(2, 680, 10, 60)], [], bestClock(p));
  assert.equal(target.targetMinSpeedMps, 40);
  assert.equal(target.targetBrakePointM, null); // no optimal corner there
  assert.equal(target.driverMinSpeedMps, null);
  assert.equal(target.brakeGapM, null);
  assert.equal(target.zoneStartM, 680);
  assert.equal(target.zoneEndM, 60);
  assert.ok(Math.abs(target.optimalS - 80 / 40) < 1e-9, `${target.optimalS}`);
});

Deno.test("tier 3 per segment: the driver's best segment time minus the optimal one", () => {
  const p = profile();
  const clock = optimalClock(p);
  const bounds = [[0, 300], [300, 420], [420, LENGTH]] as const;
  const gains: Gains = {
    laps: [4, 5],
    segments: bounds.map(([startM, endM], k) => {
      const optimalS = timeBetween(clock, startM, endM);
      return {
        segment: {
          id: ["S0-1", "T1", "S1-fin"][k],
          kind: k === 1 ? "corner" : "straight",
          corner: 1,
          startM,
          endM,
        },
        bestS: optimalS + 0.1 * (k + 1),
        bestLap: 4,
        meanS: optimalS + 1,
        bestLapS: optimalS + 0.2 * (k + 1),
        consistencyS: 0,
        compositeS: 0,
      };
    }),
    bestLap: 4,
    bestLapTimeS: 0,
    meanLapTimeS: 0,
    consistencyS: 0,
    theoreticalBestS: 0,
    compositeS: 0,
  };
  const tier3 = segmentPhysicsGains(gains, clock);
  tier3.forEach((s, k) => assert.ok(Math.abs(s.physicsS - 0.1 * (k + 1)) < 1e-9));
  const total = tier3.reduce((sum, s) => sum + s.optimalS, 0);
  assert.ok(Math.abs(total - p.lapTimeS) < 1e-9, "segment optimal times add up to the optimal lap");
});

Deno.test("no optimal profile, or no best lap: no physics gains, no exception", async () => {
  const ctx = stageContext("optimal-comparison", "optimal-comparison", DEFAULT_SETTINGS);
  const empty = { corners: [], kpis: [], gains: null, laps: [], distanceLaps: [] };
  assert.equal((await optimalComparisonStage.run(ctx, { ...empty, profile: null })).physics, null);
  assert.equal((await optimalComparisonStage.run(ctx, { ...empty, profile: profile() })).physics, null);
});
