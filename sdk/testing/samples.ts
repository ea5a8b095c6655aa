/**
 * The shared sample data beside the repository (`../shared/data`): the
 * simulated sessions with their truth files, and the circuits they were
 * driven on; and the demo session every checkout carries.
 *
 * @module
 */

import { pathToFileURL } from "node:url";
import type { Truth } from "./truth.ts";

/** `shared/` beside the repository, as on developer machines and CI. */
export const SHARED_DIR: URL = new URL("../../../shared/", import.meta.url);
/** The sample sessions, each with its `FILE.truth.json`. */
export const SESSIONS_DIR: URL = new URL("data/sessions/", SHARED_DIR);
/** The circuit files the sessions were simulated on (`SLUG.json`). */
export const TRACKS_DIR: URL = new URL("data/tracks/", SHARED_DIR);
/**
 * The demo session bundled with the workbench (a simulated RaceChrono
 * session of 8 laps at Barber Motorsports Park, no truth file): present in
 * every checkout, so a plugin's own tests can always run on it.
 */
export const DEMO_SESSION: URL = new URL("../../kernel/cli/demo/barber-demo.csv", import.meta.url);

/**
 * Where a session file is: a bare file name is a sample session in
 * {@linkcode SESSIONS_DIR}; a path (with a `/`) or a URL is taken as is.
 */
export function sessionUrl(file: string | URL): URL {
  if (file instanceof URL) return file;
  return file.includes("/") ? pathToFileURL(file) : new URL(file, SESSIONS_DIR);
}

/** Names of the sample sessions (every file in {@linkcode SESSIONS_DIR} but the truth files), sorted. */
export function listSessions(): string[] {
  return [...Deno.readDirSync(SESSIONS_DIR)]
    .filter((e) => e.isFile && !e.name.endsWith(".json"))
    .map((e) => e.name)
    .sort();
}

/** Whether the shared sample sessions are there (tests that need them are skipped otherwise). */
export function haveSessions(): boolean {
  try {
    return Deno.statSync(SESSIONS_DIR).isDirectory;
  } catch {
    return false;
  }
}

/** A session file's bytes (see {@linkcode sessionUrl} for `file`). */
export function readSession(file: string | URL): Promise<Uint8Array> {
  return Deno.readFile(sessionUrl(file));
}

/** A session's truth, from `FILE.truth.json` beside it (see {@linkcode sessionUrl} for `file`). */
export async function readTruth(file: string | URL): Promise<Truth> {
  return JSON.parse(await Deno.readTextFile(new URL(`${sessionUrl(file).href}.truth.json`)));
}

/** The bounding box of a circuit's line in {@linkcode TRACKS_DIR}, widened by `marginDeg`, degrees. */
export async function trackBounds(
  slug: string,
  marginDeg: number,
): Promise<{ minLat: number; maxLat: number; minLon: number; maxLon: number }> {
  const track: { lat: number[]; lon: number[] } = JSON.parse(
    await Deno.readTextFile(new URL(`${slug}.json`, TRACKS_DIR)),
  );
  return {
    minLat: Math.min(...track.lat) - marginDeg,
    maxLat: Math.max(...track.lat) + marginDeg,
    minLon: Math.min(...track.lon) - marginDeg,
    maxLon: Math.max(...track.lon) + marginDeg,
  };
}

/** Samples the truth's GPS quality events cover (both ends included), i.e. those the default filter drops. */
export function badGpsSamples(truth: Truth): number {
  return truth.gps_quality_events.reduce(
    (sum, e) => sum + Math.round((e.end_time_s - e.start_time_s) * truth.sample_rate_hz) + 1,
    0,
  );
}
