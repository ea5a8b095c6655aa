/**
 * The caller's data as a whole: `GET /api/account/export` downloads all of
 * it as one JSON document, `DELETE /api/account` deletes all of it (see
 * `storage/account_data.ts` for what is in both). Deleting asks for
 * `{"confirm": "delete everything"}` so that no stray request does it.
 *
 * @module
 */

import { deleteAccount, exportAccount } from "../../storage/account_data.ts";
import type { ServerContext } from "../context.ts";
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
        const deleted = await deleteAccount(ctx.storage, userId);
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
