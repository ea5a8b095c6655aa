/**
 * The Wrapped route, `GET /api/plugins/wrapped/{year}`: the caller's year
 * on track, from the caller's own analysed sessions only (the original
 * summed every user's sessions), with the years the caller has sessions in
 * for the page's year picker. Sessions are summarised from their stored
 * artifacts when asked, so the numbers always match the current analysis.
 *
 * @module
 */

import {
  type AppServices,
  type AppSession,
  defineAppRoute,
  sessionDrivenAt,
  signedInUser,
  summarizeSession,
} from "../../sdk/mod.ts";
import { summarizeYear, type YearSession } from "./year_summary.ts";

/** Earliest and latest year the route answers for. */
export const YEARS = { first: 1990, last: 2200 } as const;

/** The sessions of `analysed` driven in `year`, with their summaries. */
function sessionsOfYear(
  services: AppServices,
  analysed: readonly AppSession[],
  year: number,
): Promise<YearSession[]> {
  const sessions = analysed.filter((s) => new Date(sessionDrivenAt(s)).getUTCFullYear() === year);
  return Promise.all(sessions.map(async (s) => ({
    sessionId: s.id,
    trackSlug: s.trackSlug,
    trackName: s.trackName,
    drivenAt: sessionDrivenAt(s),
    summary: await summarizeSession(services.artifacts(s.id)),
  })));
}

/** The years `analysed` sessions were driven in, latest first, with how many. */
function activeYears(analysed: readonly AppSession[]): { year: number; sessions: number }[] {
  const counts = new Map<number, number>();
  for (const s of analysed) {
    const year = new Date(sessionDrivenAt(s)).getUTCFullYear();
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => b - a).map(([year, sessions]) => ({ year, sessions }));
}

/** `GET /{year}`: the caller's year in review. */
export const wrappedRoute = defineAppRoute({
  method: "GET",
  path: "/{year}",
  description:
    "The caller's year on track: sessions, laps, distance, circuits, biggest improvement, most consistent corner, months and best laps.",
  params: {
    year: {
      type: "integer",
      description: `Calendar year (UTC), ${YEARS.first}..${YEARS.last}`,
      required: true,
      minimum: YEARS.first,
      maximum: YEARS.last,
    },
  },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see your year in review");
    const analysed = (await services.sessionsOf(me.id)).filter((s) => s.status === "done");
    const sessions = await sessionsOfYear(services, analysed, params.year);
    return { ...summarizeYear(params.year, sessions), activeYears: activeYears(analysed) };
  },
});
