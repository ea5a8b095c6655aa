/**
 * The layout of a `*.truth.json` file, which `shared/tools/synth-session`
 * writes beside every simulated session: what really happened, from the
 * noise-free simulation. Distances are metres along the circuit line from
 * the start/finish line; times are seconds from the first sample.
 *
 * @module
 */

import type { VehicleJson } from "../mod.ts";

/** Logger formats `synth-session` writes. */
export type SynthFormat = "racechrono" | "vbox" | "aim";

/** The whole truth file. */
export interface Truth {
  /** The tool and its version, e.g. `"synth-session 1.0"`. */
  generator: string;
  /** The options the session was made with. */
  args: TruthArgs;
  /** The session file's name. */
  file: string;
  /** The format it is written in. */
  format: SynthFormat;
  /** The circuit simulated. */
  track: {
    /** Circuit slug (file name in `shared/data/tracks`). */
    slug: string;
    /** Display name. */
    name: string;
    /** Length of the simulated line, m. */
    length_m: number;
  };
  /** Unix time of the first sample, s. */
  session_start_unix: number;
  /** Samples per second. */
  sample_rate_hz: number;
  /** Samples simulated (before any fault was injected). */
  rows: number;
  /** 1-based line of the first data row. */
  first_data_line: number;
  /** The model car, in the JSON form of the SDK's vehicle model. */
  car: VehicleJson;
  /** The model car's fastest possible flying lap, s. */
  physics_limit_lap_time_s: number;
  /** The circuit's corners as the simulation defines them. */
  corners: TruthCorner[];
  /** Every lap, from the out-lap to the (unfinished) in-lap. */
  laps: TruthLap[];
  /** Number of the fastest complete flying or mistake lap, or `null`. */
  best_lap: number | null;
  /** Its time, s, or `null`. */
  best_lap_time_s: number | null;
  /** Stretches of poor GPS: accuracy over 2 m, or only 5 satellites. */
  gps_quality_events: TruthGpsEvent[];
  /** Faults injected into the file (`--faults`), each with its line. */
  faults: TruthFault[];
}

/** The `synth-session` options a session was made with. */
export interface TruthArgs {
  /** Circuit slug. */
  track: string;
  /** Flying laps asked for. */
  laps: number;
  /** Session length asked for, hours (0: by laps). */
  hours: number;
  /** Random seed. */
  seed: number;
  /** Logger rate, Hz. */
  rate: number;
  /** File format. */
  format: SynthFormat;
  /** Driver skill, 0 (novice) to 1 (expert). */
  skill: number;
  /** Lap-to-lap spread multiplier. */
  consistency: number;
  /** Chance of a mistake per flying lap. */
  mistakes: number;
  /** GPS position error sigma, m. */
  gps_noise: number;
  /** Whether the two poor-GPS patches were placed. */
  bad_patches: boolean;
  /** Whether the session starts and ends on the line (no out- or in-lap). */
  no_out_in: boolean;
  /** Whether faults were injected. */
  faults: boolean;
  /** Session start, ISO 8601 UTC. */
  start: string;
}

/** A corner: a local minimum of the physics-limit speed at least 4 km/h below its neighbouring maxima. */
export interface TruthCorner {
  /** Corner id, 1-based in lap order. */
  id: number;
  /** Where |curvature| rises above 1/500 per metre, m. */
  entry_m: number;
  /** The physics-limit speed's minimum, m. */
  apex_m: number;
  /** Where |curvature| falls below 1/500 per metre, m. */
  exit_m: number;
  /** Which way it turns. */
  direction: "left" | "right";
  /** Radius at the apex, m. */
  radius_m: number;
  /** Numbers of the circuit's official corners within entry..exit ± 25 m. */
  official: number[];
  /** Minimum speed of the physics limit in the corner, km/h. */
  limit_min_speed_kmh: number;
  /** Whether the limit needs braking before it. */
  braking: boolean;
}

/** One lap of the session. */
export interface TruthLap {
  /** Lap number, as in the logger's lap column. */
  number: number;
  /** `mistake` is a flying lap with one corner much slower. */
  kind: "out" | "flying" | "mistake" | "in";
  /** Start crossing, s. */
  start_time_s: number;
  /** End crossing (or the end of the session for the in-lap), s. */
  end_time_s: number;
  /** Exact line-to-line time, s; `null` for the unfinished in-lap. */
  time_s: number | null;
  /** Whether the lap reached the line again. */
  complete: boolean;
  /** Distance driven, m. */
  distance_m: number;
  /** How each corner was taken (complete laps only; empty otherwise). */
  corners: TruthLapCorner[];
}

/** How the driver took one corner on one lap. Distances are m from the line on that lap. */
export interface TruthLapCorner {
  /** The corner's id in {@linkcode Truth.corners}. */
  id: number;
  /** Lowest speed between entry and exit, km/h. */
  min_speed_kmh: number;
  /** Where that lowest speed was, m. */
  min_speed_m: number;
  /** First point of more than 0.1 g deceleration before the minimum, m; `null` without braking. */
  brake_point_m: number | null;
  /** Largest deceleration in the braking, g; `null` without braking. */
  peak_brake_g: number | null;
  /** First point after the minimum from which acceleration stays above 0.1 g for 10 m, m; `null` if none. */
  throttle_commit_m: number | null;
  /** Time from entry to exit, s. */
  time_in_corner_s: number;
}

/** A stretch of poor GPS. */
export interface TruthGpsEvent {
  /** `accuracy`: accuracy worse than 2 m; `satellites`: only 5 satellites. */
  kind: "accuracy" | "satellites";
  /** First affected sample, s. */
  start_time_s: number;
  /** Last affected sample, s. */
  end_time_s: number;
}

/** A fault injected into the file. */
export interface TruthFault {
  /** The diagnostic code a reader should report, e.g. `"empty_field"`, `"gps_dropout"`. */
  kind: string;
  /** What was done, e.g. `"row repeated with the same timestamp"`. */
  detail: string;
  /** 1-based line of the file it is on. */
  line: number;
}
