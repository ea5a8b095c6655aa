/**
 * Circuits sessions were matched to, with the owner's session counts.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** Records a circuit the first time a session is matched to it (keeps the first row). */
export async function rememberTrack(
  db: Db,
  track: { slug: string; name: string; lengthM: number },
): Promise<void> {
  await db.insertInto("tracks")
    .values({ slug: track.slug, name: track.name, length_m: track.lengthM, created_at: Date.now() })
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
}

/** A circuit with the owner's analysed sessions on it. */
export interface TrackListing {
  /** Circuit slug. */
  slug: string;
  /** Display name. */
  name: string;
  /** Length, m. */
  length_m: number;
  /** The owner's ready sessions on it. */
  sessions: number;
  /** Latest of them (Unix ms, drive date or upload date). */
  last_session_at: number | null;
}

/** Every circuit the owner has sessions on, most sessions first. */
export async function listTracks(db: Db, userId: string): Promise<TrackListing[]> {
  const rows = await db.selectFrom("tracks")
    .innerJoin("sessions", "sessions.track_slug", "tracks.slug")
    .where("sessions.user_id", "=", userId)
    .where("sessions.status", "=", "ready")
    .groupBy(["tracks.slug", "tracks.name", "tracks.length_m"])
    .select((eb) => [
      "tracks.slug",
      "tracks.name",
      "tracks.length_m",
      eb.fn.countAll().as("sessions"),
      eb.fn.max(eb.fn.coalesce("sessions.driven_at", "sessions.created_at")).as("last_session_at"),
    ])
    .orderBy("sessions", "desc").orderBy("tracks.slug")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    length_m: r.length_m,
    sessions: Number(r.sessions),
    last_session_at: r.last_session_at === null ? null : Number(r.last_session_at),
  }));
}
