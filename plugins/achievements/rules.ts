/**
 * The rules: a user's history of sessions in, the awards it earns and the
 * progress towards the badges not yet earned out. Pure; the analysis hook
 * feeds it and stores what is new.
 *
 * Every award has a key naming what it is for (`new-track:barber-motorsports-park`,
 * `personal-best:<session id>`), so evaluating the same history twice, or
 * re-analysing a session, gives the same keys and nothing is awarded twice.
 *
 * @module
 */

import type { SessionSummary } from "../../sdk/mod.ts";
import { distanceBadgeId, THRESHOLDS } from "./badges.ts";

/** One analysed session of the user. */
export interface HistoryEntry {
  /** Session id. */
  readonly sessionId: string;
  /** Circuit slug, or null on an unknown circuit. */
  readonly trackSlug: string | null;
  /** Circuit name, or null. */
  readonly trackName: string | null;
  /** When it was driven (the upload time when the file does not say), ms since the epoch. */
  readonly drivenAt: number;
  /** Its summary. */
  readonly summary: SessionSummary;
}

/** One badge earned for one reason. */
export interface Award {
  /** Unique per user: the badge id plus what it was earned for. */
  readonly key: string;
  /** Badge id. */
  readonly badge: string;
  /** Why, one sentence with the numbers. */
  readonly reason: string;
  /** The session that earned it. */
  readonly sessionId: string;
  /** Its circuit slug, or null. */
  readonly trackSlug: string | null;
  /** When that session was driven, ms since the epoch. */
  readonly drivenAt: number;
}

/** How far the user is from a badge. */
export interface Progress {
  /** Where the user stands. */
  readonly current: number;
  /** What the badge needs. */
  readonly target: number;
  /** Unit of both numbers. */
  readonly unit: string;
  /** True when a lower `current` is closer (a spread); false when higher is. */
  readonly lowerIsBetter: boolean;
  /** One sentence, e.g. `"T5 at Barber: 1.9 km/h over 5 clean laps"`. */
  readonly note: string;
}

/** What the rules found in a history. */
export interface Evaluation {
  /** Every award the history earns (already stored ones included). */
  readonly awards: Award[];
  /** Progress by badge id, for badges where it can be measured. */
  readonly progress: Record<string, Progress>;
}

/** Sorts a history into the order driven (ties: by session id, so the order is stable). */
function inDrivenOrder(history: readonly HistoryEntry[]): HistoryEntry[] {
  return [...history].sort((a, b) => a.drivenAt - b.drivenAt || (a.sessionId < b.sessionId ? -1 : 1));
}

function trackLabel(entry: HistoryEntry): string {
  return entry.trackName ?? entry.trackSlug ?? "an unknown circuit";
}

function award(badge: string, scope: string | null, entry: HistoryEntry, reason: string): Award {
  return {
    key: scope === null ? badge : `${badge}:${scope}`,
    badge,
    reason,
    sessionId: entry.sessionId,
    trackSlug: entry.trackSlug,
    drivenAt: entry.drivenAt,
  };
}

/** Applies every rule to a user's history (any order; it is sorted into the order driven). */
export function evaluateRules(history: readonly HistoryEntry[]): Evaluation {
  const sessions = inDrivenOrder(history).filter((entry) => entry.summary.timedLaps > 0);
  const awards: Award[] = [];
  const progress: Record<string, Progress> = {};
  const bestByTrack = new Map<string, number>();
  const masteredCorners = new Set<string>();
  let closestMastery: Progress | null = null;
  let streak = 0;
  let streakDone = false;
  let cleanDone = false;
  let distanceM = 0;

  for (const entry of sessions) {
    const { summary } = entry;
    const track = trackLabel(entry);
    if (entry === sessions[0]) {
      awards.push(award("first-session", null, entry, `First session with a timed lap, at ${track}.`));
    }

    if (entry.trackSlug !== null && summary.bestLapS !== null) {
      const previous = bestByTrack.get(entry.trackSlug);
      if (previous === undefined) {
        awards.push(award("new-track", entry.trackSlug, entry, `First session at ${track}.`));
        bestByTrack.set(entry.trackSlug, summary.bestLapS);
      } else if (summary.bestLapS <= previous - THRESHOLDS.personalBestMarginS) {
        awards.push(award(
          "personal-best",
          entry.sessionId,
          entry,
          `Best lap ${summary.bestLapS.toFixed(3)} s at ${track} beats your previous best ${
            previous.toFixed(3)
          } s by ${(previous - summary.bestLapS).toFixed(3)} s.`,
        ));
        bestByTrack.set(entry.trackSlug, summary.bestLapS);
      }
    }

    const score = summary.consistencyProvisional ? null : summary.consistencyScore;
    streak = score !== null && score >= THRESHOLDS.streakConsistencyScore ? streak + 1 : 0;
    if (!streakDone && streak >= THRESHOLDS.streakSessions) {
      streakDone = true;
      awards.push(award(
        "consistency-streak",
        null,
        entry,
        `${THRESHOLDS.streakSessions} sessions in a row with consistency ≥ ${THRESHOLDS.streakConsistencyScore}, the last scoring ${
          score!.toFixed(0)
        } at ${track}.`,
      ));
    }

    for (const corner of summary.corners) {
      if (corner.minSpeedSpreadKmh === null || corner.cleanLaps < THRESHOLDS.masteryCleanLaps) continue;
      const scope = `${entry.trackSlug ?? entry.sessionId}:${corner.label}`;
      const measured = `${corner.label} at ${track}: ${
        corner.minSpeedSpreadKmh.toFixed(2)
      } km/h spread of minimum speed over ${corner.cleanLaps} clean laps`;
      if (corner.minSpeedSpreadKmh < THRESHOLDS.masterySpreadKmh) {
        if (!masteredCorners.has(scope)) {
          masteredCorners.add(scope);
          awards.push(award("corner-mastery", scope, entry, `${measured}.`));
        }
      } else if (closestMastery === null || corner.minSpeedSpreadKmh < closestMastery.current) {
        closestMastery = {
          current: corner.minSpeedSpreadKmh,
          target: THRESHOLDS.masterySpreadKmh,
          unit: "km/h",
          lowerIsBetter: true,
          note: `Closest so far: ${measured}.`,
        };
      }
    }

    if (!cleanDone && summary.timedLaps >= THRESHOLDS.cleanSessionLaps && summary.mistakeLaps.length === 0) {
      cleanDone = true;
      awards.push(award(
        "clean-session",
        null,
        entry,
        `${summary.timedLaps} timed laps at ${track} without a mistake or an off-track.`,
      ));
    }

    const before = distanceM;
    distanceM += summary.distanceM;
    for (const km of THRESHOLDS.distanceKm) {
      if (before < km * 1000 && distanceM >= km * 1000) {
        awards.push(
          award(distanceBadgeId(km), null, entry, `Passed ${km} km driven in this session at ${track}.`),
        );
      }
    }
  }

  if (!streakDone) {
    progress["consistency-streak"] = {
      current: streak,
      target: THRESHOLDS.streakSessions,
      unit: "sessions",
      lowerIsBetter: false,
      note: `${streak} session(s) in a row with consistency ≥ ${THRESHOLDS.streakConsistencyScore} so far.`,
    };
  }
  if (closestMastery !== null && masteredCorners.size === 0) progress["corner-mastery"] = closestMastery;
  const km = distanceM / 1000;
  for (const target of THRESHOLDS.distanceKm) {
    if (km < target) {
      progress[distanceBadgeId(target)] = {
        current: km,
        target,
        unit: "km",
        lowerIsBetter: false,
        note: `${km.toFixed(1)} of ${target} km driven.`,
      };
    }
  }
  return { awards, progress };
}
