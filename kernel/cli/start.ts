/**
 * `deno task start`: the workbench server on http://127.0.0.1:$PORT (8000),
 * data in $DATA_DIR (./data) or the PostgreSQL database at $DATABASE_URL.
 * A new database gets the bundled demo session, analysed. SIGINT and SIGTERM
 * stop it cleanly (the job in hand goes back to the queue).
 *
 * @module
 */

import { configFromEnv } from "../server/config.ts";
import { startServer } from "../server/server.ts";

if (import.meta.main) {
  let config;
  try {
    config = configFromEnv(Deno.env.toObject());
  } catch (error) {
    console.error(`configuration error: ${(error as Error).message}`);
    Deno.exit(2);
  }
  const server = await startServer(config);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("stopping…");
    await server.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
}
