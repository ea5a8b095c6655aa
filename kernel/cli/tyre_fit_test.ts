import assert from "node:assert/strict";
import { TYRE_MU, type TyreCategory } from "../../sdk/mod.ts";
import { type FitEntry, fitTyreTable } from "./tyre_fit.ts";

/** A stand-in lap model: lap time falls as μ^−0.4 from `baseS` at μ = 1. */
const powerLaw = (baseS: readonly number[]) => (i: number, mu: number) => baseS[i] * mu ** -0.4;

/** `[tyre, circuit, 100 s]` for each circuit given. */
const laps = (tyre: TyreCategory, ...circuits: string[]): [TyreCategory, string, number][] =>
  circuits.map((circuit) => [tyre, circuit, 100]);

/** Entries whose published times are the stand-in model's at `mu` (times `factor`). */
function entriesAt(
  specs: readonly [TyreCategory, string, number][],
  mu: Partial<Record<TyreCategory, number>>,
  factor: (i: number) => number = () => 1,
): { entries: FitEntry[]; baseS: number[] } {
  const baseS = specs.map(([, , s]) => s);
  const entries = specs.map(([tyre, circuit, s], i) => ({
    tyre,
    circuit,
    realS: s * mu[tyre]! ** -0.4 * factor(i),
  }));
  return { entries, baseS };
}

Deno.test("times the model gives at a table are fitted back to that table, in and out of sample", () => {
  const truth = { street: 0.9, endurance_200tw: 1.0, super_200tw: 1.1 };
  const { entries, baseS } = entriesAt([
    ["street", "a", 100],
    ["street", "b", 90],
    ["endurance_200tw", "a", 101],
    ["endurance_200tw", "b", 95],
    ["super_200tw", "a", 99],
    ["super_200tw", "b", 180],
  ], truth);
  const fit = fitTyreTable(entries, powerLaw(baseS));
  for (const [tyre, mu] of Object.entries(truth)) {
    assert.ok(
      Math.abs(fit.table[tyre as TyreCategory] - mu) < 1e-4,
      `${tyre}: ${fit.table[tyre as TyreCategory]}`,
    );
  }
  assert.equal(fit.table.slick, TYRE_MU.slick, "a category without entries keeps the shipped value");
  assert.ok(fit.inSamplePct < 1e-3 && fit.leaveOneOutPct < 1e-3 && fit.leaveOneCircuitOutPct < 1e-3);
});

Deno.test("a fit that would give street tyres more grip than the next category pools the two", () => {
  const { entries, baseS } = entriesAt(
    [...laps("street", "a", "a"), ...laps("endurance_200tw", "a", "a", "a")],
    { street: 1.1, endurance_200tw: 1.0 },
  );
  const { table } = fitTyreTable(entries, powerLaw(baseS));
  assert.equal(table.street, table.endurance_200tw);
  assert.ok(Math.abs(table.street - 1.0) < 1e-3, "the least absolute error: the majority's μ"); // 3 entries against 2
});

Deno.test("an odd entry barely moves the fit; predicting it from the others shows its whole error", () => {
  // Four laps at μ = 1.0, one 5 % slower (an amateur): the median-like fit stays at 1.0.
  const odd = (i: number) => (i === 4 ? 1.05 : 1);
  const { entries, baseS } = entriesAt(
    laps("super_200tw", "a", "a", "b", "b", "b"),
    { super_200tw: 1.0 },
    odd,
  );
  const fit = fitTyreTable(entries, powerLaw(baseS));
  assert.ok(Math.abs(fit.table.super_200tw - 1.0) < 1e-3);
  assert.ok(Math.abs(fit.inSamplePct - (1 - 1 / 1.05) * 100 / 5) < 0.01);
  assert.ok(fit.leaveOneOutPct >= fit.inSamplePct - 1e-9);
});
