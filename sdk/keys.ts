/**
 * Artifact keys of the built-in stages. A third-party stage consumes these
 * to build on the built-in analysis, or produces a key of its own.
 *
 * @module
 */

import { artifact } from "./artifact.ts";
import type { CoachingContext } from "./coaching.ts";
import type { Consistency } from "./consistency.ts";
import type { Corner, LapCornerKpis } from "./corners.ts";
import type { LapDelta } from "./delta.ts";
import type { Gains, TheoreticalLap } from "./gains.ts";
import type { GpsQuality } from "./gps_quality.ts";
import type { GgDiagram, GripEstimate } from "./grip.ts";
import type { LapTagging } from "./lap_tags.ts";
import type { DistanceLap, Lap } from "./laps.ts";
import type { OptimalProfile, PhysicsGains } from "./optimal.ts";
import type { Sectors } from "./sectors.ts";
import type { Session } from "./session.ts";
import type { TrackMatch } from "./track.ts";

/** The parsed logger file. Seeded by the kernel from the format plugin's `parse`. */
export const SessionKey = artifact<Session>("session", "The parsed logger file, one typed array per channel");

/** The circuit the session was driven on, or `null` on an unknown circuit. Producer: `tracks`. */
export const TrackKey = artifact<TrackMatch | null>(
  "track",
  "The matched circuit (reference line, official corners) or null",
);

/** Every lap of the session in lap order, with times and kinds. Producer: `laps`. */
export const LapsKey = artifact<Lap[]>("laps", "Laps: crossing times, lap times (s), kinds, row ranges");

/** Every lap on the 0.7 m distance grid, same order as {@linkcode LapsKey}. Producer: `resample`. */
export const DistanceLapsKey = artifact<DistanceLap[]>(
  "distance-laps",
  "Every lap resampled onto the 0.7 m distance grid",
);

/** Corners of the session, numbered in lap order. Producer: `corners` (stage `detect-corners`). */
export const CornersKey = artifact<Corner[]>(
  "corners",
  "Corners found on the distance grid: entry, apex, exit (m), direction, official names",
);

/** Per-lap corner KPIs for every complete lap. Producer: `corners` (stage `corner-kpis`). */
export const CornerKpisKey = artifact<LapCornerKpis[]>(
  "corner-kpis",
  "Per lap and corner: min speed (m/s) and where, brake point, peak braking g, throttle commit (m)",
);

/** Segments and gain tiers 1 (consistency) and 2 (composite). Producer: `gains`. */
export const GainsKey = artifact<Gains | null>(
  "gains",
  "Corner/straight segments with best, mean and best-lap times (s), consistency and composite gains; null with < 2 laps",
);

/** The theoretical best lap stitched from the best segments. Producer: `gains`. */
export const TheoreticalLapKey = artifact<TheoreticalLap | null>(
  "theoretical-lap",
  "Elapsed time and speed of the stitched best segments on the best lap's grid",
);

/** Every analysed lap against the best lap, and the best lap against the theoretical best. Producer: `delta`. */
export const DeltaKey = artifact<LapDelta[]>(
  "delta",
  "Delta-T (s) along the reference lap's grid, total and per corner, for each lap vs the best lap",
);

/** Lap-time and per-corner consistency with 0..100 scores. Producer: `consistency`. */
export const ConsistencyKey = artifact<Consistency | null>(
  "consistency",
  "Lap-time spread, per-corner spreads of min speed, brake point and throttle commit, scores 0..100",
);

/** Equal-distance mini-sectors. Producer: `sectors`. */
export const SectorsKey = artifact<Sectors | null>(
  "sectors",
  "Mini-sector times per lap (s), best per sector and the lap that owns it",
);

/** Automatic tags of every lap. Producer: `lap-tags`. */
export const LapTagsKey = artifact<LapTagging[]>(
  "lap-tags",
  "Per lap: clean, traffic-suspect, off-track, mistake, cool-down or poor-gps, with reasons",
);

/** GPS quality score, grade, metrics and poor stretches. Producer: `gps-quality`. */
export const GpsQualityKey = artifact<GpsQuality>(
  "gps-quality",
  "GPS quality 0..100, grade A-F, the metrics behind it and the poor stretches (s)",
);

/** Grip the session demonstrates: g-g envelope by speed band, limits; null without analysis laps. Producer: `velocity-profile`. */
export const GripEstimateKey = artifact<GripEstimate | null>(
  "grip",
  "g-g envelope by speed band, p99 friction circle, braking/traction limits (g), acceleration curve vs speed",
);

/** g-g diagram points and envelopes per lap for the UI. Producer: `velocity-profile`. */
export const GgDiagramKey = artifact<GgDiagram>(
  "gg-diagram",
  "Per analysis lap: lateral and longitudinal g (Float32Array) every 2.8 m, envelopes by direction",
);

/** The physics-optimal lap on the best lap's grid; null without a usable lap. Producer: `velocity-profile`. */
export const OptimalProfileKey = artifact<OptimalProfile | null>(
  "optimal-profile",
  "Optimal speed (m/s) and time (s) on the best lap's grid, lap time, optimal corners, the vehicle model used",
);

/** Tier 3 of the gains and per-corner targets; null without an optimal profile. Producer: `optimal-comparison`. */
export const PhysicsGainsKey = artifact<PhysicsGains | null>(
  "physics-gains",
  "Driver vs optimal per segment and corner (s), target min speed (m/s) and brake point (m) per corner",
);

/** The session summarised for a coach: per-corner KPIs over the laps, gains, targets, grades; null without an analysed lap. Producer: `coaching`. */
export const CoachingContextKey = artifact<CoachingContext | null>(
  "coaching-context",
  "Per corner: min speed (km/h), brake and throttle points (m) as median/best lap/std, gains and time on the table (s), grades",
);
