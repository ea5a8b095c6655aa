/**
 * Corner time on a stretch the circuit defines, not the analysis. A
 * session's corners are detected from its own driving, so their entry and
 * exit move by tens of metres from one session to the next; the time from
 * entry to exit would then compare different stretches of road. Here a
 * corner's window runs from {@linkcode WINDOW_LEAD_M} before its first
 * official apex to {@linkcode WINDOW_LEAD_M} after its last one (one apex
 * for `T5`, two for `T2-4`), each apex placed on every lap at the grid point
 * nearest to where the circuit's reference line puts it. Every driver is
 * timed over the same piece of tarmac.
 *
 * @module
 */

import {
  type Corner,
  createLocalProjection,
  createPolyline,
  type DistanceLap,
  type LocalProjection,
  officialCornerKey,
  type PointM,
  timeAt,
  type TrackMatch,
} from "../../sdk/mod.ts";

/** How far the window reaches before the first official apex and after the last, m. */
export const WINDOW_LEAD_M = 50;
/** How far outside a corner's detected entry..exit an official apex is looked for, m. */
const SEARCH_MARGIN_M = 60;
/** A lap must pass this close to an official apex for the window to be placed on it, m. */
const MAX_APEX_OFFSET_M = 25;

/** A corner of the session that has official turns, with where to look for them. */
export interface CornerPlan {
  /** The session's corner. */
  readonly corner: Corner;
  /** Key naming it the same way in every session on the circuit (`"T5"`, `"T2-4"`). */
  readonly key: string;
  /** Positions of its first and last official apex, local metres of {@linkcode CornerPlans.projection}. */
  readonly anchors: readonly [PointM, PointM];
}

/** The corners of a session that can be timed, and the projection their anchors are in. */
export interface CornerPlans {
  /** Local metres around the circuit's start/finish line. */
  readonly projection: LocalProjection;
  /** One plan per corner with official turns, in lap order. */
  readonly plans: CornerPlan[];
}

/** The stretch a corner is timed over on one lap, m from the line. */
export interface CornerWindow {
  /** Start, m. */
  readonly fromM: number;
  /** End, m. */
  readonly toM: number;
}

/** Plans the windows of every corner with official turns on the matched circuit. */
export function planCorners(match: TrackMatch, corners: readonly Corner[]): CornerPlans {
  const { track } = match;
  const projection = createLocalProjection(track.latDeg[0], track.lonDeg[0]);
  const line = projection.projectArrays(track.latDeg, track.lonDeg);
  const reference = createPolyline(line.x, line.y, { closed: true });
  const apexOf = new Map(track.corners.map((c) => [c.number, c.apexM]));
  const plans: CornerPlan[] = [];
  for (const corner of corners) {
    const key = officialCornerKey(corner);
    const numbers = [...corner.officialNumbers].sort((a, b) => a - b);
    const first = apexOf.get(numbers[0]), last = apexOf.get(numbers[numbers.length - 1]);
    if (key === null || first === undefined || last === undefined) continue;
    const at = (m: number): PointM => {
      const { x, y } = reference.pointAt(m);
      return { x, y };
    };
    plans.push({ corner, key, anchors: [at(first), at(last)] });
  }
  return { projection, plans };
}

/** The grid distance of the lap point nearest to `anchor` between `fromM` and `toM`, or null if none is close. */
function nearestOnLap(
  lap: DistanceLap,
  projection: LocalProjection,
  anchor: PointM,
  fromM: number,
  toM: number,
): number | null {
  const { latDeg, lonDeg } = lap.channels;
  if (!latDeg || !lonDeg) return null;
  const start = Math.max(0, Math.floor(fromM / lap.stepM));
  const end = Math.min(lap.points - 1, Math.ceil(toM / lap.stepM));
  let best = -1, bestD2 = MAX_APEX_OFFSET_M * MAX_APEX_OFFSET_M;
  for (let i = start; i <= end; i++) {
    const dx = projection.toX(lonDeg[i]) - anchor.x, dy = projection.toY(latDeg[i]) - anchor.y;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best < 0 ? null : best * lap.stepM;
}

/** Where a corner's window lies on one lap, or null when the lap does not cover it (or never passes its apexes). */
export function windowOnLap(plans: CornerPlans, plan: CornerPlan, lap: DistanceLap): CornerWindow | null {
  const searchFrom = plan.corner.entryM - SEARCH_MARGIN_M, searchTo = plan.corner.exitM + SEARCH_MARGIN_M;
  const first = nearestOnLap(lap, plans.projection, plan.anchors[0], searchFrom, searchTo);
  const last = nearestOnLap(lap, plans.projection, plan.anchors[1], first ?? searchFrom, searchTo);
  if (first === null || last === null) return null;
  const window = { fromM: first - WINDOW_LEAD_M, toM: last + WINDOW_LEAD_M };
  return window.fromM < 0 || window.toM > (lap.points - 1) * lap.stepM ? null : window;
}

/** Time to drive a window of a lap, s (the grid's elapsed time, interpolated). */
export function windowTimeS(lap: DistanceLap, window: CornerWindow): number {
  return timeAt(lap, window.toM) - timeAt(lap, window.fromM);
}
