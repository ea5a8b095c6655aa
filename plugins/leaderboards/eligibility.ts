/**
 * Which laps of a session may go on a leaderboard. A lap counts only when
 * all of these hold:
 *
 * 1. it is an analysis lap: a complete flying lap the laps stage did not
 *    exclude (not cut short, not much slower than the rest);
 * 2. the lap-tags stage tagged it `clean` and nothing else (no `mistake`,
 *    `off-track`, `traffic-suspect`, `cool-down` or `poor-gps`);
 * 3. the session's GPS quality is at least {@linkcode MIN_GPS_SCORE}
 *    (grade C or better), and
 * 4. the lap does not overlap any stretch the GPS-quality stage marked poor;
 * 5. the driver did not tag it themselves as not representative
 *    ({@linkcode DISQUALIFYING_USER_TAGS}: the tags that leave a lap out of
 *    the analysis, traffic, off-line, experimental and cold-tires, or one of
 *    the automatic tags above). Rain and free-form tags do not keep a lap
 *    off. The laps stage already leaves the first four out of rule 1; the
 *    board checks them itself so that its reason is the driver's tag, and
 *    so that results analysed before the tag was set agree.
 *
 * Rules 2 and 4 overlap on purpose: the leaderboard reads the GPS-quality
 * artifact itself rather than trusting that the tagger saw every poor
 * stretch. Every lap that does not count gets the reason.
 *
 * @module
 */

import {
  analysisLaps,
  EXCLUDING_USER_TAGS,
  type GpsQuality,
  type Lap,
  type LapTagging,
  userExclusion,
} from "../../sdk/mod.ts";

/** Tags a driver may set on a lap that keep it off the boards (compared case-insensitively). */
export const DISQUALIFYING_USER_TAGS: readonly string[] = [
  ...EXCLUDING_USER_TAGS,
  "mistake",
  "off-track",
  "traffic-suspect",
  "cool-down",
  "poor-gps",
];

/** Lowest GPS quality score (0..100) of a session whose laps may count: grade C. */
export const MIN_GPS_SCORE = 60;

/** A lap left off the boards, and why. */
export interface ExcludedLap {
  /** Lap number. */
  readonly lap: number;
  /** Why, for the driver. */
  readonly reason: string;
}

/** The laps that count and those that do not. */
export interface Eligibility {
  /** Laps that may go on the boards, in lap order. */
  readonly counted: Lap[];
  /** The others, each with its reason. */
  readonly excluded: ExcludedLap[];
}

function lapReason(lap: Lap): string {
  if (lap.kind !== "flying") return `${lap.kind}-lap`;
  if (!lap.complete || lap.timeS === null) return "did not finish";
  return `not counted by the lap timing (${lap.excludedReason ?? "excluded"})`;
}

/** Sorts a session's laps into those that count and those that do not (rules in the module doc). */
export function eligibleLaps(
  laps: readonly Lap[],
  tagging: readonly LapTagging[] | undefined,
  gps: GpsQuality | undefined,
  userTags: ReadonlyMap<number, readonly string[]> = new Map(),
): Eligibility {
  const timed = new Set(analysisLaps(laps).map((lap) => lap.number));
  const tags = new Map((tagging ?? []).map((t) => [t.lap, t.tags as readonly string[]]));
  const counted: Lap[] = [];
  const excluded: ExcludedLap[] = [];
  const gpsTooPoor = gps === undefined
    ? "the session has no GPS quality assessment"
    : gps.score < MIN_GPS_SCORE
    ? `GPS quality ${gps.grade} (${Math.round(gps.score)}/100) is below grade C`
    : null;
  for (const lap of laps) {
    const lapTags = tags.get(lap.number);
    const badSpan = gps?.badSpans.find((span) => span.startS < lap.endTimeS && span.endS > lap.startTimeS);
    const reason = userExclusion(userTags.get(lap.number), DISQUALIFYING_USER_TAGS) ??
      (!timed.has(lap.number)
        ? lapReason(lap)
        : lapTags === undefined
        ? "the lap was not tagged"
        : lapTags.length !== 1 || lapTags[0] !== "clean"
        ? `tagged ${lapTags.filter((t) => t !== "clean").join(", ")}`
        : gpsTooPoor ??
          (badSpan
            ? `poor GPS from ${badSpan.startS.toFixed(1)} s to ${
              badSpan.endS.toFixed(1)
            } s (${badSpan.reason})`
            : null));
    if (reason === null) counted.push(lap);
    else excluded.push({ lap: lap.number, reason });
  }
  return { counted, excluded };
}
