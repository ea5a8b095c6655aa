/**
 * Stored analysis artifacts: one row per session and artifact id, with the
 * producing plugin, its version and the input fingerprint that decides
 * whether the value can be reused.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { AnalysisArtifactsTable, WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** An artifact's row without its content. */
export type ArtifactMeta = Omit<AnalysisArtifactsTable, "content">;

/** Every stored artifact of a session, without content. */
export function listArtifacts(db: Db, sessionId: string): Promise<ArtifactMeta[]> {
  return db.selectFrom("analysis_artifacts")
    .select([
      "session_id",
      "artifact_id",
      "plugin_id",
      "plugin_version",
      "stage_id",
      "fingerprint",
      "size_bytes",
      "diagnostics_json",
      "created_at",
    ])
    .where("session_id", "=", sessionId)
    .orderBy("artifact_id")
    .execute();
}

/** The fingerprint of one stored artifact of the owner's session, or undefined. */
export async function artifactFingerprint(
  db: Db,
  userId: string,
  sessionId: string,
  artifactId: string,
): Promise<string | undefined> {
  const row = await db.selectFrom("analysis_artifacts")
    .innerJoin("sessions", "sessions.id", "analysis_artifacts.session_id")
    .select("analysis_artifacts.fingerprint")
    .where("sessions.user_id", "=", userId)
    .where("analysis_artifacts.session_id", "=", sessionId)
    .where("analysis_artifacts.artifact_id", "=", artifactId)
    .executeTakeFirst();
  return row?.fingerprint;
}

/** The encoded content of one artifact, or undefined. */
export async function readArtifactContent(
  db: Db,
  sessionId: string,
  artifactId: string,
): Promise<{ fingerprint: string; content: Uint8Array } | undefined> {
  return await db.selectFrom("analysis_artifacts").select(["fingerprint", "content"])
    .where("session_id", "=", sessionId).where("artifact_id", "=", artifactId)
    .executeTakeFirst();
}

/** Inserts or replaces artifacts of a session. */
export async function upsertArtifacts(db: Db, rows: readonly AnalysisArtifactsTable[]): Promise<void> {
  for (const row of rows) {
    await db.insertInto("analysis_artifacts").values(row)
      .onConflict((oc) =>
        oc.columns(["session_id", "artifact_id"]).doUpdateSet((eb) => ({
          plugin_id: eb.ref("excluded.plugin_id"),
          plugin_version: eb.ref("excluded.plugin_version"),
          stage_id: eb.ref("excluded.stage_id"),
          fingerprint: eb.ref("excluded.fingerprint"),
          size_bytes: eb.ref("excluded.size_bytes"),
          content: eb.ref("excluded.content"),
          diagnostics_json: eb.ref("excluded.diagnostics_json"),
          created_at: eb.ref("excluded.created_at"),
        }))
      )
      .execute();
  }
}

/** Deletes the session's artifacts whose ids are not in `keep`. */
export async function deleteArtifactsExcept(
  db: Db,
  sessionId: string,
  keep: readonly string[],
): Promise<void> {
  let query = db.deleteFrom("analysis_artifacts").where("session_id", "=", sessionId);
  if (keep.length > 0) query = query.where("artifact_id", "not in", keep);
  await query.execute();
}
