/**
 * One driver's year on track, from the summaries of their sessions driven
 * that year (`sdk/session_summary.ts`). Pure. What each number means:
 *
 * - **sessions**: analysed sessions driven in the year (UTC calendar).
 * - **laps**: laps that reached the line again (out-laps included);
 *   **timedLaps** the complete flying laps that count; **cleanLaps** those
 *   tagged `clean` alone.
 * - **distanceKm**, **drivingHours**: over every lap, out- and in-laps
 *   included.
 * - **biggestImprovement**: per circuit driven in at least two sessions
 *   with a timed lap, the best lap of the first session minus the best lap
 *   of the last (in the order driven); the circuit where that gain is
 *   largest, when it is positive.
 * - **bestCorner**: the most consistent corner of the year: the smallest
 *   spread (highest − lowest) of its minimum speed over the clean laps of
 *   one session, among corners measured on at least
 *   {@linkcode MIN_CORNER_LAPS} clean laps.
 * - **cornerGain**: the biggest gain in a corner's best minimum speed
 *   between the first and the last session at a circuit (corners matched
 *   by label, which is stable on a known circuit).
 * - **funFacts**: the busiest month (most sessions, then laps), the
 *   favourite circuit (most sessions, then laps), the longest session (by
 *   distance) and the best consistency score (scores resting on too few
 *   laps left out).
 *
 * @module
 */

import type { SessionSummary } from "../../sdk/mod.ts";

/** Clean laps a corner needs in a session to be the year's most consistent. */
export const MIN_CORNER_LAPS = 3;

/** One session of the year. */
export interface YearSession {
  /** Session id. */
  readonly sessionId: string;
  /** Circuit slug, or null on an unknown circuit. */
  readonly trackSlug: string | null;
  /** Circuit name, or null. */
  readonly trackName: string | null;
  /** When it was driven, ms since the epoch. */
  readonly drivenAt: number;
  /** Its summary. */
  readonly summary: SessionSummary;
}

/** A session named in a highlight. */
export interface SessionRef {
  /** Session id. */
  readonly sessionId: string;
  /** When it was driven (ISO 8601). */
  readonly date: string;
}

/** The driver's year. */
export interface WrappedYear {
  /** The year. */
  readonly year: number;
  /** Analysed sessions driven in it. */
  readonly sessions: number;
  /** Laps that reached the line. */
  readonly laps: number;
  /** Timed laps (complete flying laps that count). */
  readonly timedLaps: number;
  /** Clean laps. */
  readonly cleanLaps: number;
  /** Distance over every lap, km. */
  readonly distanceKm: number;
  /** Time on track over every lap, h. */
  readonly drivingHours: number;
  /** Per circuit, most sessions first. */
  readonly tracks: {
    slug: string | null;
    name: string;
    sessions: number;
    laps: number;
    distanceKm: number;
    bestLapS: number | null;
  }[];
  /** Per month, January first. */
  readonly months: { month: number; sessions: number; laps: number; distanceKm: number }[];
  /** Best lap of every session with one, in the order driven. */
  readonly bestLaps: (SessionRef & { trackSlug: string | null; trackName: string; bestLapS: number })[];
  /** The largest best-lap gain at a circuit over the year, or null. */
  readonly biggestImprovement:
    | {
      trackSlug: string;
      trackName: string;
      first: SessionRef;
      last: SessionRef;
      firstBestLapS: number;
      lastBestLapS: number;
      gainS: number;
    }
    | null;
  /** The most consistent corner, or null. */
  readonly bestCorner:
    | (SessionRef & {
      trackSlug: string | null;
      trackName: string;
      label: string;
      spreadKmh: number;
      cleanLaps: number;
      bestMinSpeedKmh: number;
    })
    | null;
  /** The biggest minimum-speed gain in a corner at a circuit, or null. */
  readonly cornerGain:
    | {
      trackSlug: string;
      trackName: string;
      label: string;
      first: SessionRef;
      last: SessionRef;
      firstKmh: number;
      lastKmh: number;
      gainKmh: number;
    }
    | null;
  /** Smaller highlights. */
  readonly funFacts: {
    busiestMonth: { month: number; sessions: number } | null;
    favouriteTrack: { slug: string | null; name: string; sessions: number } | null;
    longestSession: (SessionRef & { trackName: string; distanceKm: number; laps: number }) | null;
    bestConsistency: (SessionRef & { trackName: string; score: number }) | null;
  };
}

const UNKNOWN_TRACK = "Unknown circuit";
const iso = (ms: number) => new Date(ms).toISOString();
const ref = (s: YearSession): SessionRef => ({ sessionId: s.sessionId, date: iso(s.drivenAt) });
const nameOf = (s: YearSession) => s.trackName ?? s.trackSlug ?? UNKNOWN_TRACK;

/** The element with the highest `score` (the first among equals), or null for none. */
function top<T>(items: readonly T[], score: (item: T) => number | null): T | null {
  let best: T | null = null, bestScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (s !== null && s > bestScore) [best, bestScore] = [item, s];
  }
  return best;
}

/** Sessions at each known circuit, in the order driven. */
function byTrack(sessions: readonly YearSession[]): YearSession[][] {
  return [...Map.groupBy(sessions.filter((s) => s.trackSlug !== null), (s) => s.trackSlug).values()];
}

function biggestImprovement(sessions: readonly YearSession[]): WrappedYear["biggestImprovement"] {
  const candidates = byTrack(sessions).map((group) => group.filter((s) => s.summary.bestLapS !== null))
    .filter((group) => group.length >= 2)
    .map((group) => ({ first: group[0], last: group[group.length - 1] }));
  const best = top(candidates, ({ first, last }) => first.summary.bestLapS! - last.summary.bestLapS!);
  if (!best || best.first.summary.bestLapS! - best.last.summary.bestLapS! <= 0) return null;
  return {
    trackSlug: best.first.trackSlug!,
    trackName: nameOf(best.first),
    first: ref(best.first),
    last: ref(best.last),
    firstBestLapS: best.first.summary.bestLapS!,
    lastBestLapS: best.last.summary.bestLapS!,
    gainS: best.first.summary.bestLapS! - best.last.summary.bestLapS!,
  };
}

function bestCorner(sessions: readonly YearSession[]): WrappedYear["bestCorner"] {
  const corners = sessions.flatMap((s) => s.summary.corners.map((corner) => ({ s, corner })))
    .filter(({ corner }) => corner.minSpeedSpreadKmh !== null && corner.cleanLaps >= MIN_CORNER_LAPS);
  const best = top(corners, ({ corner }) => -corner.minSpeedSpreadKmh!);
  if (!best) return null;
  return {
    ...ref(best.s),
    trackSlug: best.s.trackSlug,
    trackName: nameOf(best.s),
    label: best.corner.label,
    spreadKmh: best.corner.minSpeedSpreadKmh!,
    cleanLaps: best.corner.cleanLaps,
    bestMinSpeedKmh: best.corner.bestMinSpeedKmh!,
  };
}

function cornerGain(sessions: readonly YearSession[]): WrappedYear["cornerGain"] {
  const gains = byTrack(sessions).filter((group) => group.length >= 2).flatMap((group) => {
    const first = group[0], last = group[group.length - 1];
    return first.summary.corners.flatMap((a) => {
      const b = last.summary.corners.find((c) => c.label === a.label);
      if (a.bestMinSpeedKmh === null || b?.bestMinSpeedKmh == null) return [];
      return [{ first, last, label: a.label, firstKmh: a.bestMinSpeedKmh, lastKmh: b.bestMinSpeedKmh }];
    });
  });
  const best = top(gains, (g) => g.lastKmh - g.firstKmh);
  if (!best || best.lastKmh <= best.firstKmh) return null;
  return {
    trackSlug: best.first.trackSlug!,
    trackName: nameOf(best.first),
    label: best.label,
    first: ref(best.first),
    last: ref(best.last),
    firstKmh: best.firstKmh,
    lastKmh: best.lastKmh,
    gainKmh: best.lastKmh - best.firstKmh,
  };
}

/** Summarises a driver's sessions of `year` (any order; sessions of other years are ignored). */
export function summarizeYear(year: number, all: readonly YearSession[]): WrappedYear {
  const sessions = all.filter((s) => new Date(s.drivenAt).getUTCFullYear() === year)
    .sort((a, b) => a.drivenAt - b.drivenAt || (a.sessionId < b.sessionId ? -1 : 1));
  const sum = (list: readonly YearSession[], f: (s: SessionSummary) => number) =>
    list.reduce((n, s) => n + f(s.summary), 0);
  const km = (list: readonly YearSession[]) => sum(list, (s) => s.distanceM) / 1000;
  const trackRows = [...Map.groupBy(sessions, (s) => s.trackSlug)].map(([slug, list]) => {
    const bests = list.flatMap((s) => (s.summary.bestLapS === null ? [] : [s.summary.bestLapS]));
    return {
      slug,
      name: nameOf(list[0]),
      sessions: list.length,
      laps: sum(list, (s) => s.completeLaps),
      distanceKm: km(list),
      bestLapS: bests.length > 0 ? Math.min(...bests) : null,
    };
  }).sort((a, b) => b.sessions - a.sessions || b.laps - a.laps || a.name.localeCompare(b.name));
  const months = Array.from({ length: 12 }, (_, i) => {
    const list = sessions.filter((s) => new Date(s.drivenAt).getUTCMonth() === i);
    return {
      month: i + 1,
      sessions: list.length,
      laps: sum(list, (s) => s.completeLaps),
      distanceKm: km(list),
    };
  });
  const busiest = top(months, (m) => (m.sessions === 0 ? null : m.sessions * 1e6 + m.laps));
  const longest = top(sessions, (s) => s.summary.distanceM);
  const steadiest = top(
    sessions,
    (s) => (s.summary.consistencyProvisional ? null : s.summary.consistencyScore),
  );
  return {
    year,
    sessions: sessions.length,
    laps: sum(sessions, (s) => s.completeLaps),
    timedLaps: sum(sessions, (s) => s.timedLaps),
    cleanLaps: sum(sessions, (s) => s.cleanLaps.length),
    distanceKm: km(sessions),
    drivingHours: sum(sessions, (s) => s.drivingTimeS) / 3600,
    tracks: trackRows,
    months,
    bestLaps: sessions.filter((s) => s.summary.bestLapS !== null).map((s) => ({
      ...ref(s),
      trackSlug: s.trackSlug,
      trackName: nameOf(s),
      bestLapS: s.summary.bestLapS!,
    })),
    biggestImprovement: biggestImprovement(sessions),
    bestCorner: bestCorner(sessions),
    cornerGain: cornerGain(sessions),
    funFacts: {
      busiestMonth: busiest && { month: busiest.month, sessions: busiest.sessions },
      favouriteTrack: trackRows[0]
        ? { slug: trackRows[0].slug, name: trackRows[0].name, sessions: trackRows[0].sessions }
        : null,
      longestSession: longest && {
        ...ref(longest),
        trackName: nameOf(longest),
        distanceKm: longest.summary.distanceM / 1000,
        laps: longest.summary.completeLaps,
      },
      bestConsistency: steadiest &&
        { ...ref(steadiest), trackName: nameOf(steadiest), score: steadiest.summary.consistencyScore! },
    },
  };
}
