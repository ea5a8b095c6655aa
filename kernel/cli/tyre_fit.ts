/**
 * How the tyre table of `sdk/car_specs.ts` is chosen,
 * and how well it holds up on laps it was not fitted to (`deno task
 * validate-physics --fit [FILE]`).
 *
 * Every entry's lap time is solved once for each friction coefficient of a
 * grid (0.70 to 1.70 every 0.02); in between, log(lap time) is interpolated
 * linearly in log μ (lap time is close to a power of μ, so the error of the
 * interpolation is far below 0.01 %). A category's μ is the one with the
 * least sum of absolute errors over its entries, in per cent: a median-like
 * fit that a few odd entries pull little. The table must not decrease from
 * street tyres to slicks; neighbouring categories that would break the
 * order are pooled and fitted as one until it holds. The same fit, run
 * without the entries being judged, gives the cross-validation:
 * leave-one-out (each entry predicted by the table of the others) and
 * leave-one-circuit-out (each circuit by the table of the other circuits).
 *
 * @module
 */

import { TYRE_MU, type TyreCategory } from "../../sdk/mod.ts";

/** One entry as the fit sees it. */
export interface FitEntry {
  /** Tyre category. */
  tyre: TyreCategory;
  /** Circuit slug. */
  circuit: string;
  /** Published lap time, s. */
  realS: number;
}

/** The fitted table, and the mean absolute errors in per cent of its predictions. */
export interface TyreFit {
  /** μ per category (categories without entries keep the shipped value). */
  table: Record<TyreCategory, number>;
  /** Error on the entries it was fitted to. */
  inSamplePct: number;
  /** Each entry predicted by the table fitted to all the others. */
  leaveOneOutPct: number;
  /** Each circuit's entries predicted by the table fitted to the other circuits. */
  leaveOneCircuitOutPct: number;
}

/** The grid of friction coefficients every lap is solved for: from, step, points (0.70 to 1.70). */
const MU_FROM = 0.7, MU_STEP = 0.02, MU_POINTS = 51;
/** Categories in the order their grip may not decrease. */
const ORDER = Object.keys(TYRE_MU) as TyreCategory[];

/**
 * Fits the table to `entries`; `lapTimeAt(i, mu)` solves entry `i`'s lap
 * with tyres of friction `mu`.
 */
export function fitTyreTable(
  entries: readonly FitEntry[],
  lapTimeAt: (index: number, mu: number) => number,
): TyreFit {
  const logTimes = entries.map((_, i) =>
    Float64Array.from({ length: MU_POINTS }, (_, g) => Math.log(lapTimeAt(i, MU_FROM + g * MU_STEP)))
  );
  const predictS = (i: number, mu: number) => {
    const x = Math.min(Math.max((mu - MU_FROM) / MU_STEP, 0), MU_POINTS - 1 - 1e-9);
    const g = Math.floor(x), lo = Math.log(MU_FROM + g * MU_STEP), hi = Math.log(MU_FROM + (g + 1) * MU_STEP);
    const share = (Math.log(MU_FROM + x * MU_STEP) - lo) / (hi - lo);
    return Math.exp(logTimes[i][g] + share * (logTimes[i][g + 1] - logTimes[i][g]));
  };
  const errorPct = (i: number, table: Record<TyreCategory, number>) =>
    Math.abs(predictS(i, table[entries[i].tyre]) / entries[i].realS - 1) * 100;
  const fit = (keep: (i: number) => boolean) => monotoneTable(entries, keep, predictS);
  const all = entries.map((_, i) => i);
  const table = fit(() => true);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  const byCircuit = new Map<string, Record<TyreCategory, number>>();
  for (const circuit of new Set(entries.map((e) => e.circuit))) {
    byCircuit.set(circuit, fit((i) => entries[i].circuit !== circuit));
  }
  return {
    table,
    inSamplePct: mean(all.map((i) => errorPct(i, table))),
    leaveOneOutPct: mean(all.map((i) => errorPct(i, fit((k) => k !== i)))),
    leaveOneCircuitOutPct: mean(all.map((i) => errorPct(i, byCircuit.get(entries[i].circuit)!))),
  };
}

/** The least-absolute-error table over the kept entries, pooling neighbours until it never decreases. */
function monotoneTable(
  entries: readonly FitEntry[],
  keep: (i: number) => boolean,
  predictS: (i: number, mu: number) => number,
): Record<TyreCategory, number> {
  const kept = entries.map((_, i) => i).filter(keep);
  let blocks: TyreCategory[][] = ORDER.filter((t) => kept.some((i) => entries[i].tyre === t)).map((t) => [t]);
  for (;;) {
    const values = blocks.map((block) =>
      bestMu(kept.filter((i) => block.includes(entries[i].tyre)), entries, predictS)
    );
    const broken = values.findIndex((v, b) => b + 1 < values.length && v > values[b + 1]);
    if (broken < 0) {
      const table = { ...TYRE_MU } as Record<TyreCategory, number>;
      blocks.forEach((block, b) => block.forEach((t) => (table[t] = values[b])));
      return table;
    }
    blocks = [
      ...blocks.slice(0, broken),
      [...blocks[broken], ...blocks[broken + 1]],
      ...blocks.slice(broken + 2),
    ];
  }
}

/**
 * The μ with the least sum of absolute per-cent errors over `indices`: the
 * best point of the grid, then a golden-section search between its
 * neighbours.
 */
function bestMu(
  indices: readonly number[],
  entries: readonly FitEntry[],
  predictS: (i: number, mu: number) => number,
): number {
  const loss = (mu: number) =>
    indices.reduce((sum, i) => sum + Math.abs(predictS(i, mu) / entries[i].realS - 1), 0);
  let best = 0, bestLoss = loss(MU_FROM);
  for (let g = 1; g < MU_POINTS; g++) {
    const l = loss(MU_FROM + g * MU_STEP);
    if (l < bestLoss) [best, bestLoss] = [g, l];
  }
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = MU_FROM + Math.max(best - 1, 0) * MU_STEP,
    b = MU_FROM + Math.min(best + 1, MU_POINTS - 1) * MU_STEP;
  let c = b - ratio * (b - a), d = a + ratio * (b - a), fc = loss(c), fd = loss(d);
  while (b - a > 1e-5) {
    if (fc < fd) {
      b = d, d = c, fd = fc;
      c = b - ratio * (b - a), fc = loss(c);
    } else {
      a = c, c = d, fc = fd;
      d = a + ratio * (b - a), fd = loss(d);
    }
  }
  return (a + b) / 2;
}
