import assert from "node:assert/strict";
import { type Corner, G, GRID_STEP_M } from "../../sdk/mod.ts";
import { syntheticCorner } from "../../sdk/testing/mod.ts";
import { drivenLaps, speedProfile, type Stretch } from "./_test_profile.ts";
import { apexType, lapCornerKpis } from "./corner_kpis.ts";
import { lapWindow } from "./lap_window.ts";

/** Braking at `g` from `fromMps` to `toMps` takes this distance, m. */
const distanceM = (fromMps: number, toMps: number, g: number) =>
  Math.abs(fromMps ** 2 - toMps ** 2) / (2 * g * G);

// 40 m/s; brake at 0.8 g from 200 m down to 20 m/s; hold 20 m/s for 15 m; 0.3 g back to 40 m/s.
const BRAKE_AT_M = 200;
const HOLD_AT_M = BRAKE_AT_M + distanceM(40, 20, 0.8);
const THROTTLE_AT_M = HOLD_AT_M + 15;
const STRETCHES: Stretch[] = [
  [BRAKE_AT_M, 0],
  [HOLD_AT_M, -0.8],
  [THROTTLE_AT_M, 0],
  [THROTTLE_AT_M + distanceM(20, 40, 0.3), 0.3],
  [Infinity, 0],
];

/** The corner of the test laps (number 1), with its geometric apex where given. */
const corner = (entryM: number, apexM: number, exitM: number, geometricApexM = apexM): Corner => ({
  ...syntheticCorner(1, entryM, apexM, exitM),
  geometricApexM,
});

Deno.test("KPIs follow the definitions on a lap of known braking and throttle", () => {
  const { gridded, timeAtM } = drivenLaps(speedProfile(40, STRETCHES), 1000, 1);
  const [kpi] = lapCornerKpis([corner(250, HOLD_AT_M, 350)], lapWindow(gridded, 0, 500));
  // On a 10 m mean (±4.9 m on the grid) a step to -0.8 g passes -0.1 g once an eighth of the window brakes.
  const brakeM = BRAKE_AT_M - 4.9 + 9.8 / 8;
  assert.ok(
    Math.abs(kpi.brakePointM! - brakeM) <= GRID_STEP_M,
    `brake point ${kpi.brakePointM} vs ${brakeM}`,
  );
  assert.ok(Math.abs(kpi.peakBrakeG! - 0.8) < 0.01, `peak ${kpi.peakBrakeG}`);
  // A step to +0.3 g passes +0.1 g once a third of the window accelerates, and holds.
  const commitM = THROTTLE_AT_M - 4.9 + 9.8 / 3;
  assert.ok(
    Math.abs(kpi.throttleCommitM! - commitM) <= GRID_STEP_M,
    `commit ${kpi.throttleCommitM} vs ${commitM}`,
  );
  assert.ok(Math.abs(kpi.minSpeedMps - 20) < 1e-6, `min speed ${kpi.minSpeedMps}`);
  // The minimum is where the hold at 20 m/s starts, not anywhere along it.
  assert.ok(Math.abs(kpi.minSpeedM - HOLD_AT_M) <= 2 * GRID_STEP_M, `min speed at ${kpi.minSpeedM}`);
  assert.ok(Math.abs(kpi.timeInCornerS - (timeAtM(350) - timeAtM(250))) < 1e-3, `time ${kpi.timeInCornerS}`);
  assert.equal(kpi.unmeasured, undefined);
});

Deno.test("apex type compares the speed apex with the geometric apex over the corner's length", () => {
  assert.equal(apexType(corner(200, 250, 300, 250), 255), "on-time");
  assert.equal(apexType(corner(200, 250, 300, 270), 255), "early");
  assert.equal(apexType(corner(200, 250, 300, 230), 255), "late");
  assert.equal(apexType(corner(250, 250, 250, 250), 260), "on-time");
});

Deno.test("a corner across the line is measured on the previous lap's end", () => {
  // The same braking, shifted so that it starts 60 m before the second lap's line.
  const shift = 1000 - BRAKE_AT_M - 60;
  const shifted: Stretch[] = STRETCHES.map(([untilM, g]) => [untilM + shift, g]);
  const { gridded, timeAtM } = drivenLaps(speedProfile(40, shifted), 1000, 2);
  const entryM = 250 + shift - 1000, exitM = 350 + shift - 1000;
  const [kpi] = lapCornerKpis([corner(entryM, HOLD_AT_M + shift - 1000, exitM)], lapWindow(gridded, 1, 500));
  const brakeM = -60 - 4.9 + 9.8 / 8;
  assert.ok(
    Math.abs(kpi.brakePointM! - brakeM) <= GRID_STEP_M,
    `brake point ${kpi.brakePointM} vs ${brakeM}`,
  );
  const timeS = timeAtM(1000 + exitM) - timeAtM(1000 + entryM);
  assert.ok(Math.abs(kpi.timeInCornerS - timeS) < 1e-3, `time ${kpi.timeInCornerS} vs ${timeS}`);
});

Deno.test("a KPI read where samples are missing is left unmeasured", () => {
  const { gridded } = drivenLaps(speedProfile(40, STRETCHES), 1000, 1);
  const window = lapWindow(gridded, 0, 500);
  const bridged = new Uint8Array(window.lap.points);
  const mark = (fromM: number, toM: number) =>
    bridged.fill(1, Math.round(fromM / 0.7), Math.round(toM / 0.7));

  mark(190, 205); // over the brake point
  let [kpi] = lapCornerKpis([corner(250, HOLD_AT_M, 350)], window, bridged);
  assert.deepEqual(kpi.unmeasured, ["brake-point"]);
  assert.equal(kpi.brakePointM, null);
  assert.equal(kpi.peakBrakeG, null);
  assert.ok(kpi.throttleCommitM !== null);

  bridged.fill(0);
  mark(300, 310); // inside the corner: the minimum itself cannot be trusted
  [kpi] = lapCornerKpis([corner(250, HOLD_AT_M, 350)], window, bridged);
  assert.deepEqual(kpi.unmeasured, ["min-speed", "brake-point", "throttle-commit"]);
  assert.equal(kpi.throttleCommitM, null);
});
