/**
 * `deno task start`: until the workbench server lands, analyses the bundled
 * demo session and prints its laps.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { runAnalyzeCommand } from "./analyze.ts";

/** The demo session shipped with the workbench (a simulated Barber session). */
export const DEMO_SESSION_PATH = fileURLToPath(new URL("./demo/barber-demo.csv", import.meta.url));

if (import.meta.main) {
  console.log("Cataclysm Workbench: analysing the demo session (the web workbench is not built yet).\n");
  Deno.exit(await runAnalyzeCommand([DEMO_SESSION_PATH, ...Deno.args]));
}
