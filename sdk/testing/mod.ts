/**
 * The test kit: the shared sample sessions and their truth, simulated
 * sessions on demand, a format-free reference reader, and contexts for
 * calling a format or stage directly. A separate entry point from
 * `sdk/mod.ts`: tests import it, plugins never do.
 *
 * @example
 * ```ts ignore
 * import { LAX_SETTINGS, parseContext, readSession, readTruth } from "../../sdk/testing/mod.ts";
 * const name = "barber-8laps.csv";
 * const session = myFormat.parse(await readSession(name), parseContext(name, LAX_SETTINGS));
 * console.assert(session.rows === (await readTruth(name)).rows);
 * ```
 *
 * @module
 */

export * from "./contexts.ts";
export * from "./reference.ts";
export * from "./samples.ts";
export * from "./synth.ts";
export * from "./truth.ts";
export * from "./synthetic_laps.ts";
export * from "./assertions.ts";
export * from "./app_services.ts";
export * from "./plugin_harness.ts";
export * from "./app_routes.ts";
