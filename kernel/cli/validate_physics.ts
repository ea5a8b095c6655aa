/**
 * `deno task validate-physics [--fit] [FILE]`: predicts published lap times
 * of production cars with the velocity-profile solver and reports the error.
 *
 * FILE (default `../shared/data/realworld/laptimes.json`) is a JSON array of
 * entries `{car, track, real_lap_time_s, tire_category, vehicle: {weight_kg,
 * hp, drivetrain, cd_a, cl_a, cg_height_m, weight_dist_front_pct,
 * wheelbase_m}}`, `track` naming a circuit of `plugins/tracks/circuits/`.
 *
 * The model, one for every entry (no per-entry or per-car factors):
 * - the car (`sdk/car_specs.ts`): kerb weight + 80 kg,
 *   rated power × driveline efficiency (RWD 0.85, FWD 0.88, AWD 0.80),
 *   drag and lift areas as published, rolling resistance 0.015, the tyre
 *   category's μ for cornering (0.95 μ braking; traction from the driven
 *   axle's load), cornering drag sin α = 0.1 (slip angle ≈ 6°);
 * - the circuit (`circuit_line.ts`): the curvature of its reference line,
 *   its gradient where the file has elevation (VIR Grand West) and its
 *   banking where the file has banked sections (Barber);
 * - the solver (`solver.ts`): forward and backward passes inside the
 *   friction ellipse, with power, drag, gradient and banking.
 * The only fitted constants are the six μ of the tyre table, least absolute
 * error, never decreasing from street tyres to slicks; `--fit` refits them
 * to FILE and prints them with the error fitted, leave-one-out and
 * leave-one-circuit-out (`tyre_fit.ts`). On the shipped file: 2.21 %
 * fitted, 2.33 % and 2.53 %.
 *
 * Prints a table, the mean signed and absolute error per circuit, then the
 * mean and worst absolute error in per cent; given a FILE, the last line is
 * one JSON object `{"entries", "mean_abs_err_pct", "max_abs_err_pct"}`.
 *
 * @module
 */

import { loadCircuits } from "../../plugins/tracks/mod.ts";
import { fitTyreTable, type TyreFit } from "./tyre_fit.ts";
import { type CircuitLine, circuitLine, solveClosedLap } from "../../plugins/velocity-profile/mod.ts";
import { type CarSpecs, TYRE_MU, type TyreCategory, vehicleFromSpecs } from "../../sdk/mod.ts";

/** The published lap times shipped beside the repository. */
const DEFAULT_FILE = new URL("../../../shared/data/realworld/laptimes.json", import.meta.url);

/** One entry of a lap-time file, as far as the model reads it. */
interface LapTimeEntry {
  car: string;
  track: string;
  real_lap_time_s: number;
  tire_category: string;
  vehicle: {
    weight_kg: number;
    hp: number;
    drivetrain: string;
    cd_a: number;
    cl_a?: number;
    cg_height_m: number;
    weight_dist_front_pct: number;
    wheelbase_m: number;
  };
}

/** One prediction. */
export interface Prediction {
  /** The entry. */
  entry: LapTimeEntry;
  /** Predicted lap time, s. */
  predictedS: number;
  /** (predicted − real) / real, per cent. */
  errorPct: number;
}

/** The specs of an entry; throws naming the entry and field when one is unusable. */
function specsOf(entry: LapTimeEntry, index: number): CarSpecs {
  const v = entry.vehicle ?? ({} as LapTimeEntry["vehicle"]);
  const fail = (field: string) => {
    throw new Error(`entry ${index + 1} (${entry.car ?? "?"}): ${field} is missing or invalid`);
  };
  if (!(entry.tire_category in TYRE_MU)) fail(`tire_category "${entry.tire_category}"`);
  if (!["RWD", "FWD", "AWD"].includes(v.drivetrain)) fail("vehicle.drivetrain");
  for (
    const field of [
      "weight_kg",
      "hp",
      "cd_a",
      "cg_height_m",
      "weight_dist_front_pct",
      "wheelbase_m",
    ] as const
  ) {
    if (!(typeof v[field] === "number" && v[field] > 0)) fail(`vehicle.${field}`);
  }
  if (!(typeof entry.real_lap_time_s === "number" && entry.real_lap_time_s > 0)) fail("real_lap_time_s");
  return {
    weightKg: v.weight_kg,
    powerHp: v.hp,
    drivetrain: v.drivetrain as CarSpecs["drivetrain"],
    cdaM2: v.cd_a,
    claM2: v.cl_a ?? 0,
    cgHeightM: v.cg_height_m,
    wheelbaseM: v.wheelbase_m,
    frontWeightShare: v.weight_dist_front_pct / 100,
    tyre: entry.tire_category as TyreCategory,
  };
}

/**
 * The lap-time model of every entry: `lapTimeAt(i, tyreMu)` solves entry
 * `i` with a table of tyre friction coefficients. Throws when an entry
 * names an unknown circuit or lacks a spec.
 */
async function lapTimeModel(
  entries: readonly LapTimeEntry[],
): Promise<(index: number, tyreMu?: Readonly<Record<TyreCategory, number>>) => number> {
  const { tracks } = await loadCircuits();
  const lines = new Map<string, CircuitLine>();
  const specs = entries.map((entry, index) => {
    const carSpecs = specsOf(entry, index);
    if (!lines.has(entry.track)) {
      const track = tracks.find((t) => t.slug === entry.track);
      if (!track) throw new Error(`entry ${index + 1} (${entry.car}): unknown circuit "${entry.track}"`);
      lines.set(entry.track, circuitLine(track));
    }
    return carSpecs;
  });
  return (index, tyreMu = TYRE_MU) => {
    const line = lines.get(entries[index].track)!;
    const vehicle = vehicleFromSpecs(specs[index], tyreMu);
    return solveClosedLap(line.curvature, line.stepM, line.lengthM, vehicle, line.road).lapTimeS;
  };
}

/** Predicts every entry. Throws when an entry names an unknown circuit or lacks a spec. */
export async function predictLapTimes(entries: readonly LapTimeEntry[]): Promise<Prediction[]> {
  const lapTimeAt = await lapTimeModel(entries);
  return entries.map((entry, index) => {
    const predictedS = lapTimeAt(index);
    return { entry, predictedS, errorPct: (predictedS / entry.real_lap_time_s - 1) * 100 };
  });
}

/** Refits the tyre table to the entries and cross-validates it (`--fit`). */
async function fitTable(entries: readonly LapTimeEntry[]): Promise<TyreFit> {
  const lapTimeAt = await lapTimeModel(entries);
  const fitEntries = entries.map((e) => ({
    tyre: e.tire_category as TyreCategory,
    circuit: e.track,
    realS: e.real_lap_time_s,
  }));
  return fitTyreTable(fitEntries, (i, mu) => lapTimeAt(i, { ...TYRE_MU, [entries[i].tire_category]: mu }));
}

/** The report's lines: a table, then the summary. */
export function reportLines(predictions: readonly Prediction[]): string[] {
  const lines = [
    `${"car".padEnd(34)} ${"circuit".padEnd(42)} ${"tyres".padEnd(15)} ${"real s".padStart(8)} ${
      "model s".padStart(8)
    } ${"error".padStart(7)}`,
  ];
  for (const { entry, predictedS, errorPct } of predictions) {
    lines.push(
      `${entry.car.slice(0, 34).padEnd(34)} ${entry.track.slice(0, 42).padEnd(42)} ${
        entry.tire_category.padEnd(15)
      } ${entry.real_lap_time_s.toFixed(2).padStart(8)} ${predictedS.toFixed(2).padStart(8)} ${
        `${errorPct >= 0 ? "+" : ""}${errorPct.toFixed(2)}%`.padStart(7)
      }`,
    );
  }
  const byCircuit = Map.groupBy(predictions, (p) => p.entry.track);
  for (const circuit of [...byCircuit.keys()].sort()) {
    const errors = byCircuit.get(circuit)!.map((p) => p.errorPct);
    const signed = errors.reduce((a, b) => a + b, 0) / errors.length;
    const absolute = errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length;
    lines.push(
      `${circuit.padEnd(42)} ${String(errors.length).padStart(3)} entries: mean ${signed >= 0 ? "+" : ""}${
        signed.toFixed(2)
      } %, mean absolute ${absolute.toFixed(2)} %`,
    );
  }
  const { mean, max } = summary(predictions);
  lines.push(
    `${predictions.length} entries: mean absolute error ${mean.toFixed(2)} %, worst ${max.toFixed(2)} %`,
  );
  return lines;
}

/** Mean and worst absolute error, per cent. */
export function summary(predictions: readonly Prediction[]): { mean: number; max: number } {
  const errors = predictions.map((p) => Math.abs(p.errorPct));
  return {
    mean: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : 0,
    max: errors.length ? Math.max(...errors) : 0,
  };
}

/** Runs the command; returns the exit status. */
export async function runValidatePhysics(args: readonly string[]): Promise<number> {
  const fit = args.includes("--fit");
  const file = args.find((a) => a !== "--fit");
  try {
    const entries: LapTimeEntry[] = JSON.parse(await Deno.readTextFile(file ?? DEFAULT_FILE));
    if (!Array.isArray(entries)) throw new Error("the file must hold a JSON array of entries");
    if (fit) {
      const result = await fitTable(entries);
      for (const [tyre, mu] of Object.entries(result.table)) {
        console.log(`${tyre.padEnd(16)} μ = ${mu.toFixed(3)}`);
      }
      console.log(
        `mean absolute error ${result.inSamplePct.toFixed(2)} % fitted, ${
          result.leaveOneOutPct.toFixed(2)
        } % leave-one-out, ${result.leaveOneCircuitOutPct.toFixed(2)} % leave-one-circuit-out`,
      );
      return 0;
    }
    const predictions = await predictLapTimes(entries);
    for (const line of reportLines(predictions)) console.log(line);
    if (file !== undefined) {
      const { mean, max } = summary(predictions);
      const round = (x: number) => Math.round(x * 1000) / 1000;
      console.log(
        JSON.stringify({
          entries: predictions.length,
          mean_abs_err_pct: round(mean),
          max_abs_err_pct: round(max),
        }),
      );
    }
    return 0;
  } catch (error) {
    console.error(`validate-physics: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.main) Deno.exit(await runValidatePhysics(Deno.args));
