import assert from "node:assert/strict";
import { brakingBefore, throttleCommitAfter } from "./pedal_events.ts";

const STEP_M = 0.7;

/** Longitudinal g on a 0.7 m grid from stretches `[untilM, g]` (the last reaches the end). */
function gTrace(stretches: [number, number][]): Float64Array {
  const n = Math.round(stretches[stretches.length - 1][0] / STEP_M);
  return Float64Array.from({ length: n }, (_, i) => stretches.find(([untilM]) => i * STEP_M < untilM)![1]);
}
/** The first grid index at or after `m` metres. */
const at = (m: number) => Math.ceil(m / STEP_M - 1e-9);

Deno.test("brake point: the first point beyond 0.1 g after the last acceleration, with the peak", () => {
  // Accelerating to 100 m, coasting (engine braking 0.08 g) to 150 m, braking to the minimum at 209 m.
  const g = gTrace([[100, 0.3], [150, -0.08], [200, -0.9], [210, -0.5], [230, 0.2]]);
  const braking = brakingBefore(g, at(209), STEP_M)!;
  assert.equal(braking.startIndex, at(100));
  assert.equal(braking.brakeIndex, at(150));
  assert.equal(braking.peakG, 0.9);
});

Deno.test("a lift-off between two braking zones ends the stretch only above +0.05 g", () => {
  // Brake at 100 m, ease off to +0.04 g at 150 m, brake again at 170 m into the minimum at 200 m.
  const eased = gTrace([[100, 0.3], [150, -0.8], [170, 0.04], [200, -0.6], [220, 0.2]]);
  assert.equal(brakingBefore(eased, at(200), STEP_M)!.brakeIndex, at(100));
  // The same with a real re-acceleration (+0.2 g): the braking for this minimum starts at 170 m.
  const accelerated = gTrace([[100, 0.3], [150, -0.8], [170, 0.2], [200, -0.6], [220, 0.2]]);
  assert.equal(brakingBefore(accelerated, at(200), STEP_M)!.brakeIndex, at(170));
});

Deno.test("no braking: null; the stretch reaches back at most 300 m", () => {
  assert.equal(brakingBefore(gTrace([[100, 0.3], [200, -0.05], [300, 0.2]]), at(200), STEP_M), null);
  // Braking 400 m before the minimum, then 0 g: beyond the 300 m reach.
  const far = gTrace([[100, 0.3], [110, -0.5], [510, 0], [600, 0.2]]);
  assert.equal(brakingBefore(far, at(510), STEP_M), null);
});

Deno.test("throttle commit: the first point from which acceleration holds above 0.1 g for 10 m", () => {
  // A 7 m squirt of throttle at 210 m, then a hold, then full throttle from 240 m.
  const g = gTrace([[200, -0.8], [210, 0], [217, 0.3], [240, 0], [400, 0.4]]);
  assert.equal(throttleCommitAfter(g, at(200), STEP_M), at(240));
  // Never: acceleration stays at 0.1 g or under.
  assert.equal(throttleCommitAfter(gTrace([[200, -0.8], [600, 0.1]]), at(200), STEP_M), -1);
  // Not searched beyond 300 m from the minimum.
  assert.equal(throttleCommitAfter(gTrace([[200, -0.8], [520, 0], [700, 0.3]]), at(200), STEP_M), -1);
});
