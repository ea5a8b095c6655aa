/**
 * The demo session: on the first start with an empty database, the bundled
 * Barber Motorsports Park session is imported like an upload and analysed.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { LOCAL_USER_ID } from "../storage/migrations.ts";
import type { ServerContext } from "./context.ts";
import { checkFile, isRejected, storeFiles } from "./upload.ts";

/** The demo session shipped with the workbench (a simulated Barber session). */
export const DEMO_SESSION_PATH = fileURLToPath(new URL("../cli/demo/barber-demo.csv", import.meta.url));

/** Imports the demo session for the local user; returns its session id. */
export async function importDemoSession(ctx: ServerContext): Promise<string> {
  const checked = await checkFile(ctx, {
    name: "barber-demo.csv",
    bytes: await Deno.readFile(DEMO_SESSION_PATH),
  });
  if (isRejected(checked)) throw new Error(`the demo session cannot be imported: ${checked.message}`);
  const [stored] = await storeFiles(ctx, LOCAL_USER_ID, [checked]);
  return stored.session_id;
}
