/**
 * The Cataclysm Workbench SDK: everything a plugin author imports.
 *
 * A plugin is a manifest ({@linkcode definePlugin}) contributing logger
 * formats ({@linkcode defineFormat}) and pipeline stages
 * ({@linkcode defineStage}) that exchange typed artifacts
 * ({@linkcode artifact}). See `sdk/README.md` for a guide.
 *
 * @module
 */

export * from "./artifact.ts";
export * from "./diagnostics.ts";
export * from "./errors.ts";
export * from "./format.ts";
export * from "./keys.ts";
export * from "./laps.ts";
export * from "./plugin.ts";
export * from "./session.ts";
export * from "./settings.ts";
export * from "./stage.ts";
export * from "./track.ts";
export * from "./version.ts";
export * from "./session_builder.ts";
export * from "./table_scanner.ts";
export * from "./geo.ts";
