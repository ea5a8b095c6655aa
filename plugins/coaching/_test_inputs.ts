/**
 * Small hand-made analysis artifacts for the coaching tests: four flying
 * laps (2..5, lap 4 the best) and an out-lap over three corners, with every
 * KPI, gain, delta and target written out, so expected values can be
 * computed by hand from these tables.
 *
 * @module
 */

import type {
  CornerKpi,
  Gains,
  Lap,
  LapCornerKpis,
  LapDelta,
  PhysicsGains,
  SegmentGain,
  TrackMatch,
} from "../../sdk/mod.ts";
import { syntheticCorner } from "../../sdk/testing/mod.ts";
import type { CoachingInputs } from "./context.ts";

/** Lap times, s, of laps 1 (out-lap) to 5; lap 4 is the best. */
export const LAP_TIMES_S = [130.2, 101.9, 102.6, 101.4, 102.1];

/** Per flying lap (2..5) and corner (1..3): [min speed m/s, brake point m | null, peak g | null, throttle m | null, time in corner s]. */
export const KPI_TABLE:
  readonly (readonly [number, number | null, number | null, number | null, number])[][] = [
    [[20.0, 100, 0.95, 260, 5.10], [40.0, null, null, 980, 3.00], [15.0, 1480, 1.10, 1620, 6.30]],
    [[19.0, 92, 0.80, 275, 5.35], [40.5, null, null, 990, 2.98], [14.2, 1470, 1.05, 1640, 6.60]],
    [[20.5, 104, 1.00, 255, 5.02], [41.0, null, null, 985, 2.95], [15.3, 1490, 1.12, 1615, 6.20]],
    [[19.8, 98, 0.90, 262, 5.15], [40.2, null, null, 995, 3.02], [14.8, 1475, 1.08, 1630, 6.45]],
  ];

const FLYING = [2, 3, 4, 5];

function lap(number: number, timeS: number, kind: Lap["kind"], included: boolean): Lap {
  return {
    number,
    kind,
    startTimeS: 0,
    endTimeS: timeS,
    timeS,
    distanceM: 2000,
    complete: true,
    included,
    excludedReason: included ? null : "out-lap",
    startRow: 0,
    endRow: 1,
  };
}

const segment = (
  id: string,
  kind: "corner" | "straight",
  corner: number | null,
  startM: number,
  endM: number,
  consistencyS: number,
  compositeS: number,
): SegmentGain => ({
  segment: { id, kind, corner, startM, endM },
  bestS: 1,
  bestLap: 4,
  meanS: 1 + consistencyS,
  bestLapS: 1 + compositeS,
  consistencyS,
  compositeS,
});

/** Every artifact the coaching context is built from. */
export function testInputs(): CoachingInputs {
  const corners = [
    syntheticCorner(1, 150, 200, 250),
    syntheticCorner(2, 900, 950, 1000),
    syntheticCorner(3, 1500, 1560, 1600),
  ];
  corners[1] = { ...corners[1], braking: false, name: "The Kink", direction: "right" };
  const cornerKpis: LapCornerKpis[] = FLYING.map((number, i) => ({
    lap: number,
    corners: KPI_TABLE[i].map(([v, brake, g, throttle, t], k): CornerKpi => ({
      corner: k + 1,
      minSpeedMps: v,
      minSpeedM: corners[k].apexM,
      brakePointM: brake,
      peakBrakeG: g,
      throttleCommitM: throttle,
      apexType: k === 2 && i !== 1 ? "late" : "on-time",
      timeInCornerS: t,
    })),
  }));
  const gains: Gains = {
    laps: FLYING,
    segments: [
      segment("S0-1", "straight", 1, 0, 150, 0.02, 0.01),
      segment("T1", "corner", 1, 150, 250, 0.12, 0.05),
      segment("S1-2", "straight", 2, 250, 900, 0.10, 0.00),
      segment("T2", "corner", 2, 900, 1000, 0.03, 0.01),
      segment("S2-3", "straight", 3, 1000, 1500, 0.01, 0.00),
      segment("T3", "corner", 3, 1500, 1600, 0.20, 0.04),
      segment("S3-fin", "straight", null, 1600, 2000, 0.05, 0.02),
    ],
    bestLap: 4,
    bestLapTimeS: 101.4,
    meanLapTimeS: 102.0,
    consistencyS: 0.53,
    theoreticalBestS: 101.27,
    compositeS: 0.13,
  };
  const delta: LapDelta[] = FLYING.map((number, i) => ({
    lap: number,
    reference: 4,
    deltaS: new Float64Array(0),
    totalS: LAP_TIMES_S[number - 1] - 101.4,
    corners: [1, 2, 3].map((corner) => ({
      corner,
      cornerS: KPI_TABLE[i][corner - 1][4] - KPI_TABLE[2][corner - 1][4],
      followingStraightS: 0,
    })),
  }));
  delta.push({
    lap: 4,
    reference: "theoretical",
    deltaS: new Float64Array(0),
    totalS: 0.13,
    corners: [{ corner: 1, cornerS: 9, followingStraightS: 0 }],
  });
  const physicsGains: PhysicsGains = {
    vehicleSource: "estimated",
    optimalLapTimeS: 98.9,
    bestLapTimeS: 101.4,
    bestLapToOptimalS: 2.5,
    theoreticalBestS: 101.27,
    physicsS: 2.37,
    segments: [],
    corners: [
      {
        corner: 1,
        label: "T1",
        targetMinSpeedMps: 22.0,
        targetMinSpeedM: 200,
        driverMinSpeedMps: 20.5,
        speedGapMps: 1.5,
        targetBrakePointM: 112,
        driverBrakePointM: 104,
        brakeGapM: -8,
        zoneStartM: 100,
        zoneEndM: 250,
        optimalS: 5.0,
        bestLapS: 5.3,
        timeCostS: 0.3,
      },
      {
        corner: 3,
        label: "T3",
        targetMinSpeedMps: 16.0,
        targetMinSpeedM: 1560,
        driverMinSpeedMps: 15.3,
        speedGapMps: 0.7,
        targetBrakePointM: 1480,
        driverBrakePointM: 1490,
        brakeGapM: 10,
        zoneStartM: 1470,
        zoneEndM: 1600,
        optimalS: 6.0,
        bestLapS: 6.2,
        timeCostS: 0.2,
      },
    ],
  };
  const track = {
    track: {
      slug: "test-ring",
      name: "Test Ring",
      lengthM: 2000,
      lineSource: "test",
      latDeg: new Float64Array(0),
      lonDeg: new Float64Array(0),
      elevationM: null,
      corners: [],
    },
    method: "gps-trace",
    fit: 1,
    coverage: 1,
  } satisfies TrackMatch;
  return {
    track,
    laps: [
      lap(1, LAP_TIMES_S[0], "out", false),
      ...FLYING.map((n) => lap(n, LAP_TIMES_S[n - 1], "flying", true)),
    ],
    corners,
    cornerKpis,
    gains,
    consistency: {
      laps: FLYING,
      meanLapTimeS: 102.0,
      lapTimeStdS: 0.5,
      lapTimeSpreadS: 1.2,
      lapScore: 71,
      corners: [
        {
          corner: 1,
          samples: 4,
          minSpeedStdKmh: 2,
          minSpeedRangeKmh: 5,
          brakePointStdM: 5,
          brakePointRangeM: 12,
          throttleCommitStdM: 8,
          throttleCommitRangeM: 20,
          score: 84,
        },
        {
          corner: 2,
          samples: 4,
          minSpeedStdKmh: 1,
          minSpeedRangeKmh: 3,
          brakePointStdM: null,
          brakePointRangeM: null,
          throttleCommitStdM: 6,
          throttleCommitRangeM: 15,
          score: 93,
        },
        {
          corner: 3,
          samples: 4,
          minSpeedStdKmh: 2.5,
          minSpeedRangeKmh: 6,
          brakePointStdM: 8,
          brakePointRangeM: 20,
          throttleCommitStdM: 10,
          throttleCommitRangeM: 25,
          score: 62,
        },
      ],
      score: 78,
      provisional: false,
    },
    delta,
    physicsGains,
    lapTags: [
      { lap: 1, tags: ["cool-down"], reasons: ["out-lap pace"] },
      { lap: 3, tags: ["mistake"], reasons: ["slow in T3"] },
      { lap: 4, tags: ["clean"], reasons: [""] },
    ],
  };
}

/** The same session cut to its out-lap and first flying lap: no gains, consistency or delta. */
export function oneLapInputs(): CoachingInputs {
  const inputs = testInputs();
  return { ...inputs, laps: inputs.laps.slice(0, 2), gains: null, consistency: null, delta: [] };
}
