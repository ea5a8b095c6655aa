import assert from "node:assert/strict";
import { findCornerDrops, MIN_DROP_FRACTION } from "./corner_drops.ts";
import { lapKpis } from "./_test_support.ts";

const usual = [60, 90, 120, 150];
/** Lap `n` with every corner off its usual speed by `wobble` × a fixed pattern. */
const wobbly = (n: number, wobble: number) =>
  lapKpis(n, usual.map((v, i) => v * (1 + wobble * Math.sin(n * 3 + i))));

Deno.test("a corner 18 % slower than usual is a drop; the normal wobble is not", () => {
  const kpis = [1, 2, 3, 4, 5, 6, 7].map((n) => wobbly(n, 0.012));
  kpis[4] = lapKpis(5, [60, 90 * 0.82, 120, 150]);
  const drops = findCornerDrops(kpis, new Set([1, 2, 3, 4, 5, 6, 7]))!;
  assert.equal(drops.thresholdFraction, MIN_DROP_FRACTION);
  assert.equal(drops.cornersCompared, 4);
  for (const n of [1, 2, 3, 4, 6, 7]) assert.deepEqual(drops.byLap.get(n), [], `lap ${n}`);
  const [drop] = drops.byLap.get(5)!;
  assert.equal(drop.corner, 2);
  assert.ok(Math.abs(drop.dropFraction - (1 - 0.82 * 90 / drop.usualMps / 3.6)) < 1e-9);
  assert.ok(drop.dropFraction > 0.15 && drop.dropFraction < 0.2);
});

Deno.test("an erratic driver's threshold grows with their own spread", () => {
  const kpis = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => wobbly(n, 0.06));
  const drops = findCornerDrops(kpis, new Set([1, 2, 3, 4, 5, 6, 7, 8]))!;
  assert.ok(drops.thresholdFraction > 0.12, `threshold ${drops.thresholdFraction}`);
  for (const list of drops.byLap.values()) assert.deepEqual(list, []);
});

Deno.test("laps outside the analysis set are judged but do not set the usual speed", () => {
  const kpis = [1, 2, 3].map((n) => wobbly(n, 0.01));
  kpis.push(lapKpis(9, [30, 45, 60, 75])); // a cool-down lap
  const drops = findCornerDrops(kpis, new Set([1, 2, 3]))!;
  assert.equal(drops.byLap.get(9)!.length, 4);
  assert.equal(findCornerDrops(kpis, new Set([1, 2])), null, "2 laps are too few for a median");
});
