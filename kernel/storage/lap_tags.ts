/**
 * The user's own lap tags (the automatic ones are the `lap-tags` artifact).
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** The user's tags of every tagged lap of a session, by lap number. */
export async function readLapTags(db: Db, sessionId: string): Promise<Map<number, string[]>> {
  const rows = await db.selectFrom("lap_tags").select(["lap_number", "tags_json"])
    .where("session_id", "=", sessionId).execute();
  return new Map(rows.map((r) => [r.lap_number, JSON.parse(r.tags_json) as string[]]));
}

/** Replaces the user's tags of one lap; an empty list removes the row. */
export async function writeLapTags(
  db: Db,
  sessionId: string,
  lap: number,
  tags: readonly string[],
): Promise<void> {
  if (tags.length === 0) {
    await db.deleteFrom("lap_tags").where("session_id", "=", sessionId).where("lap_number", "=", lap)
      .execute();
    return;
  }
  const row = {
    session_id: sessionId,
    lap_number: lap,
    tags_json: JSON.stringify(tags),
    updated_at: Date.now(),
  };
  await db.insertInto("lap_tags").values(row)
    .onConflict((oc) =>
      oc.columns(["session_id", "lap_number"]).doUpdateSet({
        tags_json: row.tags_json,
        updated_at: row.updated_at,
      })
    )
    .execute();
}
