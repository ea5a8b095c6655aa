/**
 * The caller's data as a whole: `GET /api/account/export` downloads all of
 * it as one JSON document, `POST /api/account/import` takes such a document
 * (multipart `file`) into the caller's account (`account_import.ts`), and
 * `DELETE /api/account` deletes all of it (see `storage/account_data.ts`
 * for what is in the export and the deletion). Deleting asks for
 * `{"confirm": "delete everything"}` so that no stray request does it.
 *
 * @module
 */

import { deleteAccount, exportAccount } from "../../storage/account_data.ts";
import { importAccount } from "../account_import.ts";
import { announceDeletedSessions } from "../app_services.ts";
import type { ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { readUploadParts } from "../upload.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";

/** The words `DELETE /api/account` needs in `confirm`. */
export const DELETE_CONFIRMATION = "delete everything";

/** A stream of the pieces of text an async generator yields, as UTF-8. */
function textStream(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await pieces.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/** Account routes. */
export function accountRoutes(ctx: ServerContext): AnyApiRoute[] {
  const db = ctx.storage.db;
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/account/export",
      summary:
        "All your data as one JSON document: sessions with their original files (base64), lap tags, equipment, coaching, plugin records",
      tag: "account",
      responses: {
        200: "`{format, exported_at, tables: {users, sessions, session_files, ...}}`, as a download",
      },
      handler({ userId }) {
        const day = new Date().toISOString().slice(0, 10);
        return new Response(textStream(exportAccount(db, userId)), {
          headers: {
            "content-type": "application/json; charset=utf-8",
            "content-disposition": `attachment; filename="cataclysm-workbench-${day}.json"`,
            "cache-control": "no-store",
          },
        });
      },
    }),
    defineApiRoute({
      method: "POST",
      path: "/api/account/import",
      summary:
        "Imports an export (multipart `file`): its files become sessions again with their lap tags and equipment",
      tag: "account",
      body: "multipart",
      responses: {
        201:
          "`{sessions_created, sessions_already_here, files_skipped, equipment_profiles_created, equipment_profiles_kept, lap_tags_restored, plugin_records_restored}`",
        400: "no file, or not JSON",
        422: "not a Cataclysm Workbench export",
      },
      async handler({ c, userId }) {
        const part = (await readUploadParts(c.req.raw)).find((p) => p.name === "file" && p.filename !== null);
        if (!part) throw new ApiError(400, "no_files", "Send the export in a multipart `file` field");
        let document: unknown;
        try {
          document = JSON.parse(new TextDecoder().decode(part.data));
        } catch (error) {
          throw new ApiError(
            400,
            "invalid_json",
            `${part.filename} is not JSON: ${(error as Error).message}`,
          );
        }
        const done = await importAccount(ctx, userId, document);
        return {
          sessions_created: done.sessionsCreated,
          sessions_already_here: done.sessionsAlreadyHere,
          files_skipped: done.filesSkipped,
          equipment_profiles_created: done.equipmentProfilesCreated,
          equipment_profiles_kept: done.equipmentProfilesKept,
          lap_tags_restored: done.lapTagsRestored,
          plugin_records_restored: done.pluginRecordsRestored,
        };
      },
    }),
    defineApiRoute({
      method: "DELETE",
      path: "/api/account",
      summary:
        `Deletes all your data (and your account, unless this is the local user of a workbench without sign-in); body {"confirm": "${DELETE_CONFIRMATION}"}`,
      tag: "account",
      body: {
        type: "object",
        properties: { confirm: { type: "string", pattern: `^${DELETE_CONFIRMATION}$` } },
        required: ["confirm"],
        additionalProperties: false,
      },
      responses: {
        200: "`{sessions, equipment_profiles, plugin_records, account_deleted}`: what was deleted",
        422: "no confirmation",
      },
      async handler({ userId }) {
        const rows = await ctx.storage.db.selectFrom("sessions").selectAll().where("user_id", "=", userId)
          .execute();
        const deleted = await deleteAccount(ctx.storage, userId);
        await announceDeletedSessions(ctx, rows);
        return {
          sessions: deleted.sessions,
          equipment_profiles: deleted.equipmentProfiles,
          plugin_records: deleted.pluginRecords,
          account_deleted: deleted.accountDeleted,
        };
      },
    }),
  ];
}
