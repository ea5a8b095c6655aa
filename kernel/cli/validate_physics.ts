/**
 * `deno task validate-physics [FILE]`: predicts published lap times of
 * production cars with the velocity-profile solver and reports the error.
 *
 * FILE (default `../shared/data/realworld/laptimes.json`) is a JSON array of
 * entries `{car, track, real_lap_time_s, tire_category, vehicle: {weight_kg,
 * hp, drivetrain, cd_a, cl_a, cg_height_m, weight_dist_front_pct,
 * wheelbase_m}}`, `track` naming a circuit of `plugins/tracks/circuits/`.
 * Every entry is predicted from its specs and tyre category with one model
 * (`plugins/velocity-profile/car_specs.ts`) on the circuit's reference line
 * (`circuit_line.ts`). Prints a table, then the mean and worst absolute
 * error in per cent; given a FILE, the last line is one JSON object
 * `{"entries", "mean_abs_err_pct", "max_abs_err_pct"}`.
 *
 * @module
 */

import { loadCircuits } from "../../plugins/tracks/mod.ts";
import {
  type CarSpecs,
  type CircuitLine,
  circuitLine,
  solveClosedLap,
  TYRE_MU,
  type TyreCategory,
  vehicleFromSpecs,
} from "../../plugins/velocity-profile/mod.ts";

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
    const field of ["weight_kg", "hp", "cd_a", "cg_height_m", "weight_dist_front_pct", "wheelbase_m"] as const
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

/** Predicts every entry. Throws when an entry names an unknown circuit or lacks a spec. */
export async function predictLapTimes(entries: readonly LapTimeEntry[]): Promise<Prediction[]> {
  const { tracks } = await loadCircuits();
  const lines = new Map<string, CircuitLine>();
  return entries.map((entry, index) => {
    const specs = specsOf(entry, index);
    let line = lines.get(entry.track);
    if (!line) {
      const track = tracks.find((t) => t.slug === entry.track);
      if (!track) throw new Error(`entry ${index + 1} (${entry.car}): unknown circuit "${entry.track}"`);
      line = circuitLine(track);
      lines.set(entry.track, line);
    }
    const predictedS =
      solveClosedLap(line.curvature, line.stepM, line.lengthM, vehicleFromSpecs(specs)).lapTimeS;
    return { entry, predictedS, errorPct: (predictedS / entry.real_lap_time_s - 1) * 100 };
  });
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
  const file = args[0];
  try {
    const entries: LapTimeEntry[] = JSON.parse(await Deno.readTextFile(file ?? DEFAULT_FILE));
    if (!Array.isArray(entries)) throw new Error("the file must hold a JSON array of entries");
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
