/**
 * The boards: entries in, ranked rows out. Pure.
 *
 * - One row per driver: their best over every session that matches the
 *   class filter.
 * - Lap time and corner time rank lowest first, minimum speed highest first.
 * - Equal values are ordered by when the lap was driven, earlier first (the
 *   driver who set the time first keeps the place), so ranks are distinct.
 * - The **king of the corner** is whoever leads its corner-time board.
 *
 * @module
 */

import { betterMark, type Mark, type SessionEntry } from "./entries.ts";

/** An entry of an opted-in driver whose session still exists, with the session's car classes. */
export interface LiveEntry extends SessionEntry {
  /** The driver's display name. */
  readonly driver: string;
  /** Tyre class id (`classes.ts`). */
  readonly tyres: string;
  /** Power-to-weight class id. */
  readonly power: string;
}

/** Which classes to rank; an absent dimension does not filter. */
export interface ClassFilter {
  /** Tyre class id. */
  readonly tyres?: string;
  /** Power-to-weight class id. */
  readonly power?: string;
}

/** One ranked row. */
export interface BoardRow extends Mark {
  /** 1 for the leader. */
  readonly rank: number;
  /** The driver's user id. */
  readonly userId: string;
  /** Their display name. */
  readonly driver: string;
  /** The session that set it. */
  readonly sessionId: string;
  /** Its tyre class. */
  readonly tyres: string;
  /** Its power-to-weight class. */
  readonly power: string;
}

/** The boards of one corner. */
export interface CornerBoard {
  /** Corner key (`"T5"`, `"T2-4"`). */
  readonly key: string;
  /** Display label. */
  readonly label: string;
  /** Official name(s), or null. */
  readonly name: string | null;
  /** Highest minimum speed first, km/h. */
  readonly minSpeed: BoardRow[];
  /** Shortest time through the corner's window first, s. */
  readonly cornerTime: BoardRow[];
  /** The leader of the corner-time board, or null when nobody has a time there. */
  readonly king: BoardRow | null;
}

/** Every board of a circuit. */
export interface TrackBoards {
  /** Fastest lap first. */
  readonly lapTime: BoardRow[];
  /** Per corner, in circuit order. */
  readonly corners: CornerBoard[];
}

function matches(entry: LiveEntry, filter: ClassFilter): boolean {
  return (filter.tyres === undefined || entry.tyres === filter.tyres) &&
    (filter.power === undefined || entry.power === filter.power);
}

/** Ranks one board: each driver's best mark (as `pick` reads it from an entry), best first. */
export function rankBoard(
  entries: readonly LiveEntry[],
  pick: (entry: LiveEntry) => Mark | null,
  lower: boolean,
): BoardRow[] {
  const best = new Map<string, { mark: Mark; entry: LiveEntry }>();
  for (const entry of entries) {
    const mark = pick(entry);
    if (mark === null) continue;
    const held = best.get(entry.userId);
    if (!held || betterMark(held.mark, mark, lower) !== held.mark) best.set(entry.userId, { mark, entry });
  }
  const sorted = [...best.values()].sort((a, b) =>
    a.mark.value !== b.mark.value
      ? (a.mark.value - b.mark.value) * (lower ? 1 : -1)
      : a.mark.drivenAt - b.mark.drivenAt || (a.entry.userId < b.entry.userId ? -1 : 1)
  );
  return sorted.map(({ mark, entry }, i) => ({
    ...mark,
    rank: i + 1,
    userId: entry.userId,
    driver: entry.driver,
    sessionId: entry.sessionId,
    tyres: entry.tyres,
    power: entry.power,
  }));
}

/** The first official turn number in a corner key (`"T2-4"` → 2), for circuit order. */
function firstTurn(key: string): number {
  const match = /^T(\d+)/.exec(key);
  return match ? Number(match[1]) : Infinity;
}

/** Every board of a circuit from its live entries, for the drivers and cars the filter lets in. */
export function trackBoards(entries: readonly LiveEntry[], filter: ClassFilter = {}): TrackBoards {
  const shown = entries.filter((entry) => matches(entry, filter));
  const corners = new Map<string, { label: string; name: string | null }>();
  for (const entry of shown) {
    for (const c of entry.corners) {
      if (!corners.has(c.key)) corners.set(c.key, { label: c.label, name: c.name });
    }
  }
  const cornerMark = (key: string, metric: "minSpeed" | "cornerTime") => (entry: LiveEntry) => {
    let best: Mark | null = null;
    for (const c of entry.corners) {
      if (c.key === key) best = betterMark(best, c[metric], metric === "cornerTime");
    }
    return best;
  };
  return {
    lapTime: rankBoard(shown, (entry) => entry.lapTime, true),
    corners: [...corners].sort(([a], [b]) => firstTurn(a) - firstTurn(b) || a.localeCompare(b))
      .map(([key, { label, name }]) => {
        const cornerTime = rankBoard(shown, cornerMark(key, "cornerTime"), true);
        return {
          key,
          label,
          name,
          minSpeed: rankBoard(shown, cornerMark(key, "minSpeed"), false),
          cornerTime,
          king: cornerTime[0] ?? null,
        };
      }),
  };
}
