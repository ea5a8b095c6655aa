/**
 * Importing a Cataclysm Workbench export (`storage/account_data.ts`) into
 * the caller's account, e.g. to move from a laptop to a shared server: the
 * original files become sessions again (checked and analysed like any
 * upload; files already here are left as they are), with the driver's lap
 * tags and equipment profiles (a profile whose name is taken keeps the one
 * here) and each session's assigned profile. Analysis results and coaching
 * reports are computed again. Of the plugins' records only those of the
 * collections a plugin declares portable (`portableRecords`, e.g. the
 * circuits the driver added) are imported, before the sessions are analysed;
 * the others name sessions and users by ids that differ between workbenches.
 *
 * @module
 */

import { EXPORT_FORMAT, exportedBytes } from "../storage/account_data.ts";
import { assignProfile, createProfile, defaultProfile, findProfileByName } from "../storage/equipment.ts";
import { writeLapTags } from "../storage/lap_tags.ts";
import type { ServerContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import { reanalyse } from "./reanalysis.ts";
import { type AcceptedFile, checkFile, cleanFileName, isRejected, storeFiles } from "./upload.ts";

/** What an import did. */
export interface ImportResult {
  /** New sessions. */
  sessionsCreated: number;
  /** Files of the export that were sessions here already. */
  sessionsAlreadyHere: number;
  /** Files that could not be read, with why. */
  filesSkipped: { file: string; reason: string }[];
  /** Equipment profiles created. */
  equipmentProfilesCreated: number;
  /** Profiles left as they were because one of the same name exists. */
  equipmentProfilesKept: number;
  /** Laps whose tags were restored. */
  lapTagsRestored: number;
  /** Plugins' portable records restored. */
  pluginRecordsRestored: number;
}

type Row = Record<string, unknown>;

/** The export's tables, after checking it is one. */
function tablesOf(document: unknown): Record<string, Row[]> {
  const doc = document as { format?: unknown; tables?: Record<string, unknown> } | null;
  if (typeof doc !== "object" || doc === null || doc.format !== EXPORT_FORMAT) {
    const format = typeof doc === "object" && doc !== null ? JSON.stringify(doc.format) : "none";
    throw new ApiError(
      422,
      "not_an_export",
      `This is not a Cataclysm Workbench export (format ${format}, expected "${EXPORT_FORMAT}")`,
    );
  }
  const tables: Record<string, Row[]> = {};
  for (const name of ["sessions", "session_files", "lap_tags", "equipment_profiles", "plugin_records"]) {
    const rows = doc.tables?.[name] ?? [];
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== "object" || r === null)) {
      throw new ApiError(422, "not_an_export", `The export's "${name}" table is not a list of rows`);
    }
    tables[name] = rows as Row[];
  }
  return tables;
}

/** Imports an export (its parsed JSON) into the account of `userId`. */
export async function importAccount(
  ctx: ServerContext,
  userId: string,
  document: unknown,
): Promise<ImportResult> {
  const tables = tablesOf(document);
  const db = ctx.storage.db;
  const result: ImportResult = {
    sessionsCreated: 0,
    sessionsAlreadyHere: 0,
    filesSkipped: [],
    equipmentProfilesCreated: 0,
    equipmentProfilesKept: 0,
    lapTagsRestored: 0,
    pluginRecordsRestored: 0,
  };
  result.pluginRecordsRestored = await restorePortableRecords(ctx, userId, tables.plugin_records);

  const profileIds = new Map<string, string>();
  for (const row of tables.equipment_profiles) {
    const name = String(row.name ?? "").trim();
    if (!name) continue;
    const existing = await findProfileByName(db, userId, name);
    if (existing) {
      profileIds.set(String(row.id), existing.id);
      result.equipmentProfilesKept++;
      continue;
    }
    const isDefault = row.is_default === 1 && !(await defaultProfile(db, userId));
    const created = await db.transaction().execute((trx) =>
      createProfile(trx, userId, { name, details: JSON.parse(String(row.profile_json ?? "{}")), isDefault })
    );
    profileIds.set(String(row.id), created.id);
    result.equipmentProfilesCreated++;
  }

  const accepted: { oldId: string; file: AcceptedFile }[] = [];
  for (const row of tables.session_files) {
    const name = cleanFileName(String(row.file_name ?? "session"));
    const bytes = exportedBytes(row.content);
    if (!bytes) {
      result.filesSkipped.push({ file: name, reason: "the export holds no bytes for it" });
      continue;
    }
    const checked = await checkFile(ctx, { name, bytes });
    if (isRejected(checked)) result.filesSkipped.push({ file: name, reason: checked.message });
    else accepted.push({ oldId: String(row.session_id), file: checked });
  }
  const stored = await storeFiles(ctx, userId, accepted.map((a) => a.file));

  // The new sessions get their tags and profile, and are analysed again with them.
  const sessionRows = new Map(tables.sessions.map((s) => [String(s.id), s]));
  const restore: ((trx: typeof db) => Promise<unknown>)[] = [];
  const changed: string[] = [];
  stored.forEach((s, i) => {
    if (s.status === "duplicate") {
      result.sessionsAlreadyHere++;
      return;
    }
    result.sessionsCreated++;
    const oldId = accepted[i].oldId;
    const tags = tables.lap_tags.filter((t) => String(t.session_id) === oldId);
    const profile = profileIds.get(String(sessionRows.get(oldId)?.equipment_profile_id ?? ""));
    if (tags.length === 0 && profile === undefined) return;
    changed.push(s.session_id);
    restore.push(async (trx) => {
      for (const t of tags) {
        const list = JSON.parse(String(t.tags_json ?? "[]"));
        if (Array.isArray(list) && list.every((x) => typeof x === "string")) {
          await writeLapTags(trx, s.session_id, Number(t.lap_number), list);
          result.lapTagsRestored++;
        }
      }
      if (profile !== undefined) await assignProfile(trx, userId, s.session_id, profile);
    });
  });
  await reanalyse(ctx, changed, async (trx) => {
    for (const step of restore) await step(trx);
  });
  return result;
}

/**
 * Inserts the export's records of the collections plugins declare portable,
 * owned by `userId`; a key already taken here keeps its record. Returns how
 * many were inserted.
 */
async function restorePortableRecords(
  ctx: ServerContext,
  userId: string,
  rows: readonly Row[],
): Promise<number> {
  const portable = new Set(
    ctx.registry.plugins().flatMap((p) => (p.portableRecords ?? []).map((c) => `${p.id}\u0000${c}`)),
  );
  let restored = 0;
  for (const row of rows) {
    const [plugin, collection, key] = [row.plugin_id, row.collection, row.key].map(String);
    if (!portable.has(`${plugin}\u0000${collection}`) || typeof row.value_json !== "string") continue;
    const now = Date.now();
    const inserted = await ctx.storage.db.insertInto("plugin_records").values({
      plugin_id: plugin,
      collection,
      key,
      owner_id: userId,
      index_value: typeof row.index_value === "string" ? row.index_value : null,
      value_json: row.value_json,
      created_at: now,
      updated_at: now,
    }).onConflict((oc) => oc.columns(["plugin_id", "collection", "key"]).doNothing()).executeTakeFirst();
    restored += Number(inserted.numInsertedOrUpdatedRows ?? 0n);
  }
  return restored;
}
