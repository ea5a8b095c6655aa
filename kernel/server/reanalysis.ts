/**
 * Analysing sessions again after the driver changes one of their inputs
 * besides the file: their own lap tags, or the car of the equipment profile
 * assigned to them. The change and the new jobs are stored in one
 * transaction, the sessions are marked `queued` (so
 * `GET /api/sessions/{id}/events` follows the run to `ready`), and the
 * worker is woken. Stored results stay readable until the new ones replace
 * them; the run reuses every stage whose inputs did not change.
 *
 * @module
 */

import type { Kysely } from "kysely";
import { enqueueAnalysis } from "../jobs/queue.ts";
import type { WorkbenchDatabase } from "../storage/schema.ts";
import { setSessionStatus } from "../storage/sessions.ts";
import type { ServerContext } from "./context.ts";

/** What queuing an analysis again needs from the server. */
export type ReanalysisContext = Pick<ServerContext, "storage" | "config" | "events" | "wakeWorker">;

/** Applies `change` and queues the analysis of `sessionIds` in the same transaction. */
export async function reanalyse(
  ctx: ReanalysisContext,
  sessionIds: readonly string[],
  change: (trx: Kysely<WorkbenchDatabase>) => Promise<unknown>,
): Promise<void> {
  await ctx.storage.db.transaction().execute(async (trx) => {
    await change(trx);
    for (const id of sessionIds) {
      await enqueueAnalysis(trx, id, ctx.config.maxJobAttempts);
      await setSessionStatus(trx, id, "queued");
    }
  });
  for (const id of sessionIds) ctx.events.publish(id, { type: "status", status: "queued", error: null });
  if (sessionIds.length > 0) ctx.wakeWorker();
}
