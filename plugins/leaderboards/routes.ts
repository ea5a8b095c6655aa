/**
 * The leaderboards routes, under `/api/plugins/leaderboards`: the caller's
 * opt-in (read and change), the circuits with boards, a circuit's boards
 * with class filters, and its kings of the corners.
 *
 * Who sees what: any signed-in driver reads the boards, which hold only
 * opted-in drivers' display names, their results, the lap and date and the
 * car classes (never equipment names or another driver's session ids); the
 * caller's own rows also carry their session id, and the caller's own
 * excluded laps come with the reasons.
 *
 * @module
 */

import {
  type AppUser,
  bodyObject,
  booleanField,
  defineAppRoute,
  RouteError,
  signedInUser,
} from "../../sdk/mod.ts";
import { POWER_CLASSES, TYRE_CLASSES } from "./classes.ts";
import { liveEntries, liveEntriesOf } from "./live_entries.ts";
import { type BoardRow, type ClassFilter, trackBoards } from "./ranking.ts";
import { allEntries, optedInUsers, optIn, optInOf, optOut, storedEntries } from "./records.ts";

const TRACK_SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ALL = "all";

function signedIn(user: AppUser | null): AppUser {
  return signedInUser(user, "use the leaderboards");
}

const iso = (ms: number) => new Date(ms).toISOString();

const TRACK_PARAM = { track: { type: "string", description: "Circuit slug", required: true } } as const;
const FILTER_QUERY = {
  tyres: {
    type: "string",
    description: "Tyre class (see `classes`), or all",
    enum: [ALL, ...TYRE_CLASSES.map((c) => c.id)],
  },
  power: {
    type: "string",
    description: "Power-to-weight class (see `classes`), or all",
    enum: [ALL, ...POWER_CLASSES.map((c) => c.id)],
  },
} as const;

function trackSlug(value: string): string {
  if (!TRACK_SLUG.test(value)) {
    throw new RouteError(
      400,
      "invalid_track",
      `"${value}" is not a circuit slug (lower-case letters, digits, -)`,
    );
  }
  return value;
}

function classFilter(query: { tyres?: string; power?: string }): ClassFilter {
  return {
    ...(query.tyres && query.tyres !== ALL ? { tyres: query.tyres } : {}),
    ...(query.power && query.power !== ALL ? { power: query.power } : {}),
  };
}

/** A row as the API shows it to `me`: the session id only on the caller's own rows. */
function rowJson(row: BoardRow, me: string, leader: BoardRow) {
  const you = row.userId === me;
  return {
    rank: row.rank,
    driver: row.driver,
    you,
    value: row.value,
    gap: Math.abs(row.value - leader.value),
    lap: row.lap,
    drivenAt: iso(row.drivenAt),
    sessionId: you ? row.sessionId : null,
    tyres: row.tyres,
    power: row.power,
  };
}

function boardJson(rows: readonly BoardRow[], me: string, limit: number) {
  const mine = rows.find((r) => r.userId === me);
  return {
    drivers: rows.length,
    rows: rows.slice(0, limit).map((r) => rowJson(r, me, rows[0])),
    yours: mine ? rowJson(mine, me, rows[0]) : null,
  };
}

/** `GET /opt-in`: whether the caller is on the leaderboards. */
export const getOptInRoute = defineAppRoute({
  method: "GET",
  path: "/opt-in",
  description: "Whether the caller is on the leaderboards, and since when.",
  async handler({ user, services }) {
    const joined = await optInOf(services.store, signedIn(user).id);
    return { optedIn: joined !== null, since: joined ? iso(joined.since) : null };
  },
});

/** `PUT /opt-in`: `{opted_in: true}` enters the caller's analysed sessions; `false` removes every entry. */
export const putOptInRoute = defineAppRoute({
  method: "PUT",
  path: "/opt-in",
  description:
    "Opts the caller in ({opted_in: true}: their analysed sessions are entered) or out (false: every entry of theirs is deleted).",
  async handler({ user, services, body }) {
    const me = signedIn(user);
    if (booleanField(bodyObject(body), "opted_in")) {
      const { optIn: joined, entered } = await optIn(services, me.id);
      return { optedIn: true, since: iso(joined.since), sessionsEntered: entered, entriesRemoved: 0 };
    }
    return {
      optedIn: false,
      since: null,
      sessionsEntered: 0,
      entriesRemoved: await optOut(services.store, me.id),
    };
  },
});

/** `GET /tracks`: circuits with boards, and the caller's own circuits. */
export const tracksRoute = defineAppRoute({
  method: "GET",
  path: "/tracks",
  description: "Circuits with at least one opted-in driver, and the caller's own circuits, by name.",
  async handler({ user, services }) {
    const me = signedIn(user);
    const [entries, optedIn, sessions] = await Promise.all([
      allEntries(services.store),
      optedInUsers(services.store),
      services.sessionsOf(me.id),
    ]);
    const tracks = new Map<string, { slug: string; name: string; drivers: number; yourSessions: number }>();
    const track = (slug: string, name: string | null) => {
      if (!tracks.has(slug)) tracks.set(slug, { slug, name: name ?? slug, drivers: 0, yourSessions: 0 });
      return tracks.get(slug)!;
    };
    const live = await liveEntriesOf(services, entries, optedIn);
    for (const [slug, here] of Map.groupBy(live, (e) => e.trackSlug)) {
      track(slug, here[0].trackName).drivers = new Set(here.map((e) => e.userId)).size;
    }
    for (const s of sessions) {
      if (s.status === "done" && s.trackSlug) track(s.trackSlug, s.trackName).yourSessions++;
    }
    return { tracks: [...tracks.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  },
});

/** `GET /tracks/{track}`: every board of a circuit for the chosen classes. */
export const boardsRoute = defineAppRoute({
  method: "GET",
  path: "/tracks/{track}",
  description:
    "A circuit's boards for the chosen car classes: lap time, and per corner minimum speed and corner time with its king.",
  params: TRACK_PARAM,
  query: {
    ...FILTER_QUERY,
    limit: { type: "integer", description: "Rows per board (1..50, default 10)", minimum: 1, maximum: 50 },
  },
  async handler({ user, services, params, query }) {
    const me = signedIn(user);
    const slug = trackSlug(params.track);
    const filter = classFilter(query);
    const limit = query.limit ?? 10;
    const [entries, optedIn] = await Promise.all([
      storedEntries(services.store, slug),
      optedInUsers(services.store),
    ]);
    const live = await liveEntriesOf(services, entries, optedIn);
    const boards = trackBoards(live, filter);
    const mine = live.filter((e) => e.userId === me.id);
    const ownSession = mine.length > 0
      ? undefined
      : (await services.sessionsOf(me.id)).find((s) => s.trackSlug === slug);
    return {
      track: { slug, name: live[0]?.trackName ?? ownSession?.trackName ?? null },
      filters: { tyres: filter.tyres ?? ALL, power: filter.power ?? ALL },
      classes: { tyres: TYRE_CLASSES, power: POWER_CLASSES },
      lapTime: boardJson(boards.lapTime, me.id, limit),
      corners: boards.corners.map((c) => ({
        key: c.key,
        label: c.label,
        name: c.name,
        king: c.king ? rowJson(c.king, me.id, c.king) : null,
        minSpeed: boardJson(c.minSpeed, me.id, limit),
        cornerTime: boardJson(c.cornerTime, me.id, limit),
      })),
      you: {
        optedIn: optedIn.has(me.id),
        sessions: mine.length,
        countedLaps: mine.reduce((n, e) => n + e.countedLaps.length, 0),
        excludedLaps: mine.flatMap((e) => e.excludedLaps.map((x) => ({ sessionId: e.sessionId, ...x }))),
      },
    };
  },
});

/** `GET /tracks/{track}/kings`: the king of each corner of a circuit for the chosen classes. */
export const kingsRoute = defineAppRoute({
  method: "GET",
  path: "/tracks/{track}/kings",
  description:
    "The king of each corner of a circuit (fastest through its window) for the chosen car classes.",
  params: TRACK_PARAM,
  query: FILTER_QUERY,
  async handler({ user, services, params, query }) {
    const me = signedIn(user);
    const slug = trackSlug(params.track);
    const filter = classFilter(query);
    const { corners } = trackBoards(await liveEntries(services, slug), filter);
    return {
      track: slug,
      filters: { tyres: filter.tyres ?? ALL, power: filter.power ?? ALL },
      kings: corners.map((c) => ({
        key: c.key,
        label: c.label,
        name: c.name,
        king: c.king ? rowJson(c.king, me.id, c.king) : null,
      })),
    };
  },
});
