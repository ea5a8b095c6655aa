import assert from "node:assert/strict";
import { clockedSyntheticLaps, syntheticLap } from "../../sdk/testing/mod.ts";
import { miniSectors } from "./mini_sectors.ts";

// Lap 1: 700 m, 21 s. Lap 2: 707 m, slower at the start and the end, faster over 30..50 %.
// Lap 3: 693 m (1 % shorter than the reference), slow but fastest in the last sector.
const laps = clockedSyntheticLaps([
  syntheticLap(1, 700, [[0.3, 40], [0.5, 20], [1, 40]]),
  syntheticLap(2, 707, [[0.3, 39], [0.5, 22], [1, 35]]),
  syntheticLap(3, 693, [[0.3, 30], [0.5, 15], [0.9, 30], [1, 45]]),
]);
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);

Deno.test("each lap's sector times are taken at the same fraction of its lap and add up to its lap time", () => {
  const sectors = miniSectors(laps, 700, 10);
  assert.equal(sectors.sectors.length, 10);
  assert.deepEqual(sectors.sectors.map((s) => s.index), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  sectors.sectors.forEach((s, k) => {
    close(s.startM, 70 * k, `sector ${k + 1} start`);
    close(s.endM, 70 * (k + 1), `sector ${k + 1} end`);
  });
  assert.equal(sectors.sectors.at(-1)!.endM, 700, "the last sector ends at the line");
  assert.deepEqual(sectors.laps.map((l) => l.lap), [1, 2, 3]);
  const [lap1, lap2, lap3] = sectors.laps;
  close(lap1.timesS[0], 70 / 40, "lap 1 sector 1");
  close(lap2.timesS[3], 70.7 / 22, "lap 2 sector 4");
  close(lap3.timesS[9], 69.3 / 45, "lap 3's last sector is real, not clamped");
  sectors.laps.forEach((l, i) =>
    close(l.timesS.reduce((a, b) => a + b, 0), laps[i].lap.timeS!, `lap ${l.lap} total`)
  );
});

Deno.test("best per sector, its owner, and the theoretical best as their sum", () => {
  const sectors = miniSectors(laps, 700, 10);
  assert.deepEqual(sectors.sectors.map((s) => s.bestLap), [1, 1, 1, 2, 2, 1, 1, 1, 1, 3]);
  close(sectors.sectors[3].bestS, 70.7 / 22, "sector 4 best");
  close(sectors.sectors[9].bestS, 69.3 / 45, "sector 10 best");
  const sum = sectors.sectors.reduce((s, x) => s + x.bestS, 0);
  assert.equal(sectors.theoreticalBestS, sum);
  assert.ok(sectors.theoreticalBestS <= 21);
});

Deno.test("one sector is the whole lap", () => {
  const sectors = miniSectors(laps, 700, 1);
  assert.equal(sectors.sectors[0].bestLap, 1);
  close(sectors.theoreticalBestS, 21, "the best lap");
});
