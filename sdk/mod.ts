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
export * from "./report_limit.ts";
export * from "./table_scanner.ts";
export * from "./geo.ts";
export * from "./corners.ts";
export * from "./delta.ts";
export * from "./gains.ts";
export * from "./consistency.ts";
export * from "./sectors.ts";
export * from "./lap_tags.ts";
export * from "./gps_quality.ts";
export * from "./lap_sets.ts";
export * from "./grid.ts";
export * from "./sorted_search.ts";
export * from "./stats.ts";
export * from "./lap_alignment.ts";
export * from "./line_offsets.ts";
export * from "./lap_clock.ts";
export * from "./best_splits.ts";
export * from "./segments.ts";
export * from "./views.ts";
export * from "./text_lines.ts";
export * from "./route.ts";
export * from "./vehicle.ts";
export * from "./car_specs.ts";
export * from "./grip.ts";
export * from "./optimal.ts";
export * from "./channel_table.ts";
export * from "./coaching.ts";
export * from "./scratch.ts";
export * from "./app.ts";
export * from "./plugin_settings.ts";
export * from "./session_summary.ts";
export * from "./app_requests.ts";
export * from "./invite_codes.ts";
export * from "./corner_match.ts";
