/**
 * A friend's session against the shared one, corner by corner: each
 * driver's best lap (the analysis' own definition, `bestLap`), its time, and
 * per corner the minimum speed, the brake point and the time through the
 * corner, with who is faster there. Corners are paired by the circuit's
 * official turn numbers (`matchCorners`), not by each session's own corner
 * numbers, so a session that found one corner more or less still compares
 * T5 with T5 (the original compared sessions without checking that).
 *
 * The time through a corner is measured on both laps over the same stretch
 * of track: the shared session's corner, entry to exit, matched on the
 * visitor's lap at the same fraction of the lap's distance (the SDK's
 * `lap_clock` rule). Each session's own corner extents differ by tens of
 * metres, so comparing their own entry-to-exit times would count that as
 * driving.
 *
 * @module
 */

import {
  bestLap,
  type ClockedLap,
  clockedLaps,
  type Corner,
  type CornerKpi,
  type DistanceLap,
  type Lap,
  type LapCornerKpis,
  matchCorners,
  splitTimes,
} from "../../sdk/mod.ts";

/** Time differences smaller than this count as even, s (the lap clock's resolution is about 0.01 s). */
const EVEN_S = 0.01;
const MPS_TO_KMH = 3.6;

/** One driver's analysis, as the comparison reads it. */
export interface DriverLaps {
  /** Laps. */
  readonly laps: readonly Lap[];
  /** Corners. */
  readonly corners: readonly Corner[];
  /** Corner KPIs per lap. */
  readonly kpis: readonly LapCornerKpis[];
  /** Distance-domain channels per lap (for the lap clocks). */
  readonly grids: readonly DistanceLap[];
}

/** One driver through one corner on their best lap. */
export interface CornerRun {
  /** Lowest speed, km/h. */
  readonly minSpeedKmh: number;
  /** Brake point, m from the line, or null without braking. */
  readonly brakePointM: number | null;
  /** Time over the shared session's corner, entry to exit, s (the same stretch on both laps). */
  readonly cornerTimeS: number;
}

/** Who is faster somewhere. */
export type Faster = "viewer" | "sharer" | "even";

/** One corner compared. */
export interface CornerComparison {
  /** Label (`"T5"`) in the shared session. */
  readonly label: string;
  /** Official name, or null. */
  readonly name: string | null;
  /** The sharer's best lap through it. */
  readonly sharer: CornerRun;
  /** The viewer's best lap through it. */
  readonly viewer: CornerRun;
  /** Viewer − sharer corner time, s (negative: the viewer is quicker). */
  readonly timeDeltaS: number;
  /** Viewer − sharer minimum speed, km/h. */
  readonly minSpeedDeltaKmh: number;
  /** Viewer − sharer brake point, m (positive: the viewer brakes later), or null when either does not brake. */
  readonly brakePointDeltaM: number | null;
  /** Who is quicker through the corner. */
  readonly faster: Faster;
}

/** The whole comparison. */
export interface Comparison {
  /** The sharer's best lap: number and time, s. */
  readonly sharer: { readonly lap: number; readonly timeS: number };
  /** The viewer's best lap. */
  readonly viewer: { readonly lap: number; readonly timeS: number };
  /** Viewer − sharer lap time, s. */
  readonly lapDeltaS: number;
  /** Who has the quicker lap. */
  readonly faster: Faster;
  /** Paired corners in the shared session's order. */
  readonly corners: readonly CornerComparison[];
  /** Corners of the shared session with no counterpart in the viewer's (labels). */
  readonly unmatched: readonly string[];
}

function fasterOf(deltaS: number): Faster {
  if (Math.abs(deltaS) < EVEN_S) return "even";
  return deltaS < 0 ? "viewer" : "sharer";
}

function runOf(kpi: CornerKpi, cornerTimeS: number): CornerRun {
  return { minSpeedKmh: kpi.minSpeedMps * MPS_TO_KMH, brakePointM: kpi.brakePointM, cornerTimeS };
}

interface Best extends ClockedLap {
  readonly kpis: Map<number, CornerKpi>;
}

function bestOf(driver: DriverLaps): Best | null {
  const lap = bestLap(driver.laps);
  const clocked = lap && clockedLaps([lap], driver.grids)[0];
  if (!clocked) return null;
  const kpis = driver.kpis.find((k) => k.lap === clocked.lap.number)?.corners ?? [];
  return { ...clocked, kpis: new Map(kpis.map((k) => [k.corner, k])) };
}

/** Compares the viewer's best lap with the sharer's; null when either has no timed lap with a distance grid. */
export function compareBestLaps(sharer: DriverLaps, viewer: DriverLaps): Comparison | null {
  const mine = bestOf(sharer);
  const theirs = bestOf(viewer);
  if (!mine || !theirs) return null;
  const corners: CornerComparison[] = [];
  const paired = new Set<number>();
  for (const { a, b } of matchCorners(sharer.corners, viewer.corners)) {
    const s = mine.kpis.get(a.number);
    const v = theirs.kpis.get(b.number);
    if (!s || !v) continue;
    paired.add(a.number);
    const stretch = [a.entryM, a.exitM];
    const sharerTimeS = splitTimes(mine.clock, stretch, mine.clock.lengthM)[0];
    const viewerTimeS = splitTimes(theirs.clock, stretch, mine.clock.lengthM)[0];
    const timeDeltaS = viewerTimeS - sharerTimeS;
    corners.push({
      label: a.label,
      name: a.name,
      sharer: runOf(s, sharerTimeS),
      viewer: runOf(v, viewerTimeS),
      timeDeltaS,
      minSpeedDeltaKmh: (v.minSpeedMps - s.minSpeedMps) * MPS_TO_KMH,
      brakePointDeltaM: s.brakePointM !== null && v.brakePointM !== null
        ? v.brakePointM - s.brakePointM
        : null,
      faster: fasterOf(timeDeltaS),
    });
  }
  const lapDeltaS = theirs.lap.timeS! - mine.lap.timeS!;
  return {
    sharer: { lap: mine.lap.number, timeS: mine.lap.timeS! },
    viewer: { lap: theirs.lap.number, timeS: theirs.lap.timeS! },
    lapDeltaS,
    faster: fasterOf(lapDeltaS),
    corners,
    unmatched: sharer.corners.filter((c) => !paired.has(c.number)).map((c) => c.label),
  };
}
