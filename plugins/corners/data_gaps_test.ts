import assert from "node:assert/strict";
import { anySet, bridgedPoints, gapThresholdS } from "./data_gaps.ts";
import { measuredSpeed, type Session } from "../../sdk/mod.ts";
import { drivenLaps } from "./_test_profile.ts";
import { lapWindow } from "./lap_window.ts";

Deno.test("the grid points between the samples either side of a gap are marked, and only those", () => {
  // A 1000 m lap at 25 m/s (40 s), logged at 25 Hz with no samples from 12.0 s to 14.0 s (exclusive).
  const { gridded } = drivenLaps(() => 25, 1000, 1);
  const times = Array.from({ length: 1001 }, (_, i) => i / 25).filter((t) => t <= 11.96 || t >= 14);
  const sessionTimeS = Float64Array.from(times);
  const gapS = gapThresholdS(sessionTimeS);
  assert.ok(Math.abs(gapS - 3 / 25) < 1e-9, `threshold ${gapS}`);
  const window = lapWindow(gridded, 0, 0);
  const bridged = bridgedPoints(window, 0, sessionTimeS, gapS)!;
  const marked = [...bridged.keys()].filter((i) => bridged[i]);
  // 11.96 s and 14.0 s are 299 m and 350 m into the lap.
  const firstM = marked[0] * 0.7, lastM = marked[marked.length - 1] * 0.7;
  assert.ok(firstM > 299 && firstM < 299.75, `first marked at ${firstM} m`);
  assert.ok(lastM < 350 && lastM > 349.25, `last marked at ${lastM} m`);
  assert.equal(marked.length, marked[marked.length - 1] - marked[0] + 1);
  assert.ok(anySet(bridged, 420, 430) && !anySet(bridged, 500, 600) && !anySet(bridged, 0, 427));
  assert.equal(bridgedPoints(window, 0, Float64Array.from({ length: 1001 }, (_, i) => i / 25), gapS), null);
});

Deno.test("a time axis of one sample has no gaps", () => {
  assert.equal(gapThresholdS(Float64Array.of(3)), Infinity);
  assert.equal(anySet(null, 0, 10), false);
});

Deno.test("rows dropped for their position fix still measure speed: their times fill the gap", () => {
  // Rows from 12.0 s to 14.0 s failed the GPS filter; their speed samples were kept, a dropout's were not.
  const all = Array.from({ length: 1001 }, (_, i) => i / 25);
  const inGap = (t: number) => t > 11.98 && t < 13.98;
  const session = {
    channels: {
      timeS: Float64Array.from(all.filter((t) => !inGap(t))),
      speedMps: new Float64Array(951).fill(20),
    },
    droppedSpans: [
      { startS: 12, endS: 13.96, rows: 50, reason: "satellites" },
      { startS: 20, endS: 21, rows: 0, reason: "dropout" },
    ],
  } as unknown as Session;
  session.droppedSpans![0].speedSamples = {
    timeS: Float64Array.from(all.filter(inGap)),
    speedMps: new Float64Array(50).fill(25),
  };
  const measured = measuredSpeed(session);
  assert.deepEqual([...measured.timeS], all);
  assert.deepEqual([...measured.speedMps], all.map((t) => inGap(t) ? 25 : 20));
  const { gridded } = drivenLaps(() => 25, 1000, 1);
  const gapS = gapThresholdS(session.channels.timeS);
  assert.equal(bridgedPoints(lapWindow(gridded, 0, 0), 0, measured.timeS, gapS), null);
  assert.ok(
    bridgedPoints(lapWindow(gridded, 0, 0), 0, session.channels.timeS, gapS),
    "the rows alone have a gap",
  );
});
