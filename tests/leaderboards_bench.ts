/**
 * Shared set-up of the leaderboards tests: an in-memory workbench with the
 * plugin, drivers' sessions from the shared sample files (analysed once per
 * process), calls of its routes, and readers of their answers.
 *
 * @module
 */

import leaderboards from "../plugins/leaderboards/mod.ts";
import type { AppUser } from "../sdk/mod.ts";
import { createTestWorkbench, type TestWorkbench } from "../sdk/testing/mod.ts";
import { analysedArtifacts, type ArtifactPairs, trackOf } from "./social_sessions.ts";

/** The circuit of most sessions. */
export const BARBER = "barber-motorsports-park";
/** Measured lap times are within 0.04 s of the truth. */
export const LAP_MARGIN_S = 0.05;

type Route = NonNullable<typeof leaderboards.appRoutes>[number];

/** The plugin's app route with this method and path. */
function route(method: string, path: string): Route {
  return leaderboards.appRoutes!.find((r) => r.method === method && r.path === path)!;
}

/** A board row as a route returns it. */
export interface Row {
  rank: number;
  driver: string;
  you: boolean;
  value: number;
  lap: number;
  sessionId: string | null;
  tyres: string;
  power: string;
}
/** A board. */
export interface Board {
  drivers: number;
  rows: Row[];
  yours: Row | null;
}
/** The boards of a circuit. */
export interface Boards {
  lapTime: Board;
  corners: { key: string; king: Row | null; minSpeed: Board; cornerTime: Board }[];
  you: {
    optedIn: boolean;
    countedLaps: number;
    excludedLaps: { sessionId: string; lap: number; reason: string }[];
  };
}

/** An artifact's value among the pairs. */
export function valueOf<T>(pairs: ArtifactPairs, id: string): T {
  return pairs.find(([key]) => key.id === id)?.[1] as T;
}

/** A workbench with the leaderboards plugin and helpers to drive it. */
export function setUp() {
  const bench = createTestWorkbench();
  const services = bench.services(leaderboards.id);
  const call = (method: string, path: string, user: AppUser | null, fields: Record<string, unknown> = {}) =>
    Promise.resolve(route(method, path).handler(bench.request(leaderboards.id, { user, ...fields })));
  const optIn = (user: AppUser, on: boolean) =>
    call("PUT", "/opt-in", user, { body: { opted_in: on } }) as Promise<
      { sessionsEntered: number; entriesRemoved: number }
    >;
  const boards = (user: AppUser, query: Record<string, unknown> = {}, track = BARBER) =>
    call("GET", "/tracks/{track}", user, { params: { track }, query: { limit: 50, ...query } }) as Promise<
      Boards
    >;
  return { bench, services, call, optIn, boards };
}

/** Adds a session of a sample file for `user`, driven at `date`, and runs the hook on it. */
export async function drive(
  bench: TestWorkbench,
  user: AppUser,
  id: string,
  file: string,
  date: string,
  change: (pairs: ArtifactPairs) => ArtifactPairs = (p) => p,
  equipmentId: string | null = null,
) {
  const pairs = change(await analysedArtifacts(file));
  const track = trackOf(pairs)!;
  bench.addSession(
    { id, userId: user.id, fileName: file, trackSlug: track.slug, trackName: track.name, date, equipmentId },
    pairs,
  );
  await bench.analysed(leaderboards, id);
  return pairs;
}

/** Every driver name on every board of a response. */
export function driversOn(doc: Boards): Set<string> {
  const rows = [doc.lapTime, ...doc.corners.flatMap((c) => [c.minSpeed, c.cornerTime])].flatMap((b) =>
    b.rows
  );
  return new Set([...rows, ...doc.corners.flatMap((c) => (c.king ? [c.king] : []))].map((r) => r.driver));
}

/** The pairs with one artifact replaced. */
export function replaced(pairs: ArtifactPairs, id: string, value: unknown): ArtifactPairs {
  return pairs.map(([key, v]) => [key, key.id === id ? value : v] as const);
}
