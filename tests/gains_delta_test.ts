/**
 * Gains, delta-T and mini-sectors through the whole pipeline on every shared
 * session, checked against their own invariants and against the truth files.
 *
 * Tolerances (measured on these sessions, stated here):
 * - theoretical best = Σ best segments / sectors: 1e-9 s (it is that sum by construction);
 *   theoretical best ≤ best lap time: 1e-9 s of floating-point rounding.
 * - a delta trace ends at, and its corners add up to, the lap-time difference: 1 ms
 *   (exact by construction; measured 0 on every session).
 * - a mistake lap (truth `kind: "mistake"`: one corner much slower) loses the most time
 *   (corner + the straight after it) in the found corner whose apex is within 30 m of the
 *   truth's mistake corner, and more than 0.3 s in that corner itself. Measured, in the
 *   corner itself: 1.33 and 1.11 s (Barber laps 3 and 5, all three formats), 2.00 s
 *   (Roebling lap 7); the largest in-corner loss of any clean lap is 0.51 s.
 *
 * @module
 */

import assert from "node:assert/strict";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";
import {
  analysisLaps,
  bestLap,
  type Corner,
  CornersKey,
  DeltaKey,
  GainsKey,
  type LapDelta,
  LapsKey,
  SectorsKey,
} from "../sdk/mod.ts";
import {
  haveSessions,
  listSessions,
  readSession,
  readTruth,
  type Truth,
  type TruthLap,
} from "../sdk/testing/mod.ts";

const EXACT_S = 1e-9;
const DELTA_TOLERANCE_S = 1e-3;
const MISTAKE_LOSS_S = 0.3;
/** A found corner is the truth's when their apexes are this close, m (the corner detection's acceptance). */
const APEX_MATCH_M = 30;

const { registry } = await loadPlugins();
const withSessions = haveSessions();
if (!withSessions) console.warn("gains_delta_test: the shared sample sessions are missing; skipped");

/** Index of the truth corner where `lap` was slowest against the median of the other laps. */
function mistakeCorner(truth: Truth, lap: TruthLap): number {
  const others = truth.laps.filter((l) => l !== lap && l.corners.length > 0 && l.kind !== "out");
  let worst = 0, worstDrop = -Infinity;
  lap.corners.forEach((c, k) => {
    const speeds = others.map((l) => l.corners[k].min_speed_kmh).sort((a, b) => a - b);
    const drop = speeds[speeds.length >> 1] - c.min_speed_kmh;
    if (drop > worstDrop) [worst, worstDrop] = [k, drop];
  });
  return worst;
}

/** Time lost in a corner and on the straight it feeds, s. */
const lossS = (c: LapDelta["corners"][number]) => c.cornerS + c.followingStraightS;

for (const name of withSessions ? listSessions() : []) {
  Deno.test(`gains, delta and mini-sectors on ${name}`, async () => {
    const truth = await readTruth(name);
    const result = await analyze(registry, { file: name, bytes: await readSession(name) });
    const mine = result.diagnostics.filter((d) => ["gains", "delta", "sectors"].includes(d.plugin));
    assert.deepEqual(mine.filter((d) => d.severity !== "info"), []);
    const laps = result.artifacts.get(LapsKey)!;
    const corners = result.artifacts.get(CornersKey);
    assert.ok(corners, "the corners artifact exists (needs the corners plugin)");
    const analysed = analysisLaps(laps);
    const best = bestLap(laps)!;
    const lapTime = new Map(analysed.map((lap) => [lap.number, lap.timeS!]));

    // Gains: theoretical best = Σ best segments, never slower than the best lap.
    const gains = result.artifacts.get(GainsKey);
    if (analysed.length < 2) {
      assert.equal(gains, null);
      assert.ok(result.diagnostics.some((d) => d.plugin === "gains" && d.severity === "info"));
    } else {
      assert.ok(gains);
      const sumOfBests = gains.segments.reduce((sum, s) => sum + s.bestS, 0);
      assert.ok(Math.abs(gains.theoreticalBestS - sumOfBests) <= EXACT_S);
      assert.ok(gains.theoreticalBestS <= gains.bestLapTimeS + EXACT_S);
      assert.equal(gains.bestLapTimeS, best.timeS);
      const segments = gains.segments.map((s) => s.segment);
      assert.equal(segments[0].startM, 0);
      segments.slice(1).forEach((s, k) => assert.equal(s.startM, segments[k].endM, `${s.id} follows on`));
      assert.ok(Math.abs(segments.at(-1)!.endM - best.distanceM) < 0.7, "segments tile the best lap");
    }

    // Mini-sectors: the same invariants, and each lap's sectors add up to its lap time.
    const sectors = result.artifacts.get(SectorsKey)!;
    const sumOfSectorBests = sectors.sectors.reduce((sum, s) => sum + s.bestS, 0);
    assert.ok(Math.abs(sectors.theoreticalBestS - sumOfSectorBests) <= EXACT_S);
    assert.ok(sectors.theoreticalBestS <= best.timeS! + EXACT_S);
    for (const lap of sectors.laps) {
      const total = lap.timesS.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(total - lapTime.get(lap.lap)!) <= EXACT_S, `lap ${lap.lap} sectors add up`);
    }

    // Delta-T against the best lap and against the theoretical best.
    const delta = result.artifacts.get(DeltaKey)!;
    const vsBest = delta.filter((d) => d.reference === best.number);
    assert.deepEqual(vsBest.map((d) => d.lap), analysed.map((lap) => lap.number));
    for (const d of [...vsBest, ...delta.filter((d) => d.reference === "theoretical")]) {
      const expected = d.reference === "theoretical"
        ? best.timeS! - gains!.theoreticalBestS
        : lapTime.get(d.lap)! - best.timeS!;
      const what = `lap ${d.lap} vs ${d.reference}`;
      assert.ok(Math.abs(d.totalS - expected) <= DELTA_TOLERANCE_S, `${what}: total`);
      assert.ok(
        Math.abs(d.deltaS.at(-1)! - expected) <= DELTA_TOLERANCE_S,
        `${what}: the trace ends at the total`,
      );
      if (corners.length > 0) {
        const sum = d.corners.reduce((s, c) => s + lossS(c), 0);
        assert.ok(
          Math.abs(sum - d.totalS) <= DELTA_TOLERANCE_S,
          `${what}: corners add up (${sum} vs ${d.totalS})`,
        );
      }
    }
    assert.equal(delta.filter((d) => d.reference === "theoretical").length, gains ? 1 : 0);
    const self = vsBest.find((d) => d.lap === best.number)!;
    assert.ok(self.deltaS.every((x) => x === 0) && self.totalS === 0, "the best lap against itself");

    // A mistake lap loses the most time in the corner where the truth put the mistake.
    for (const lap of truth.laps.filter((l) => l.kind === "mistake")) {
      const apexM = truth.corners[mistakeCorner(truth, lap)].apex_m;
      const holding: Corner | null = corners.reduce<Corner | null>(
        (near, c) => (!near || Math.abs(c.apexM - apexM) < Math.abs(near.apexM - apexM) ? c : near),
        null,
      );
      assert.ok(
        holding && Math.abs(holding.apexM - apexM) <= APEX_MATCH_M,
        `lap ${lap.number}: a corner at ${apexM} m`,
      );
      const lapDelta = vsBest.find((d) => d.lap === lap.number)!;
      const worst = lapDelta.corners.reduce((a, b) => (lossS(b) > lossS(a) ? b : a));
      assert.equal(worst.corner, holding.number, `lap ${lap.number}: worst corner`);
      assert.ok(worst.cornerS > MISTAKE_LOSS_S, `lap ${lap.number}: ${worst.cornerS} s lost in the corner`);
    }
  });
}
