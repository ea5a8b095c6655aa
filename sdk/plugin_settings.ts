/**
 * Plugin settings: a plugin declares the settings it accepts (a schema in its
 * manifest, `settings: {...}`); an administrator sets values in
 * `DATA_DIR/plugins.json`; the kernel checks them against the schema when the
 * plugin loads (a bad value refuses that plugin, with the file and the
 * key named) and hands the checked values, defaults filled in, to every
 * stage as `ctx.settings.plugins[pluginId]`. {@linkcode settingsOf} reads
 * them back typed.
 *
 * @example
 * ```ts
 * import { defineSettings, settingsOf } from "./plugin_settings.ts";
 * import { DEFAULT_SETTINGS } from "./settings.ts";
 * const schema = defineSettings({
 *   lookBackM: { type: "number", description: "Braking searched this far before turn-in, m", default: 150, minimum: 0 },
 * });
 * const ctx = { plugin: "demo", settings: { ...DEFAULT_SETTINGS, plugins: { demo: { lookBackM: 80 } } } };
 * console.assert(settingsOf(ctx, schema).lookBackM === 80);
 * ```
 *
 * @module
 */

import type { RunSettings } from "./settings.ts";

/** One setting: its type, a sentence for the Plugins page, its default and its bounds. */
export type SettingSpec =
  | {
    /** A number (`integer`: a whole number). */
    readonly type: "number" | "integer";
    /** One sentence, with the unit. */
    readonly description: string;
    /** Value used when the configuration does not set it. */
    readonly default: number;
    /** Smallest allowed value. */
    readonly minimum?: number;
    /** Largest allowed value. */
    readonly maximum?: number;
  }
  | {
    /** `true` or `false`. */
    readonly type: "boolean";
    /** One sentence. */
    readonly description: string;
    /** Value used when the configuration does not set it. */
    readonly default: boolean;
  }
  | {
    /** Text. */
    readonly type: "string";
    /** One sentence. */
    readonly description: string;
    /** Value used when the configuration does not set it. */
    readonly default: string;
    /** Allowed values; any text when absent. */
    readonly enum?: readonly string[];
  };

/** The settings a plugin accepts, by name. */
export type SettingsSchema = Readonly<Record<string, SettingSpec>>;

/** The values of a schema's settings, typed. */
export type SettingsValues<S extends SettingsSchema> = {
  -readonly [K in keyof S]: S[K]["default"] extends number ? number
    : S[K]["default"] extends boolean ? boolean
    : string;
};

/** Declares a settings schema (identity; keeps the literal types for {@linkcode settingsOf}). */
export function defineSettings<const S extends SettingsSchema>(schema: S): S {
  return schema;
}

/**
 * Checks configured values against a schema and fills in defaults. Returns
 * the complete values, or the problems found, each naming its key (an
 * unknown key, a value of the wrong type or out of bounds).
 */
export function resolveSettings(
  schema: SettingsSchema,
  raw: unknown,
): { values: Record<string, unknown>; problems: { key: string; message: string }[] } {
  const problems: { key: string; message: string }[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) values[key] = spec.default;
  if (raw === undefined || raw === null) return { values, problems };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { values, problems: [{ key: "", message: "must be an object of setting values" }] };
  }
  for (const [key, value] of Object.entries(raw)) {
    const spec = schema[key];
    const problem = spec
      ? settingProblem(spec, value)
      : `is not a setting of this plugin (it has: ${Object.keys(schema).join(", ") || "none"})`;
    if (problem) problems.push({ key, message: problem });
    else values[key] = value;
  }
  return { values, problems };
}

/** Why `value` does not fit `spec`, or null when it does. */
function settingProblem(spec: SettingSpec, value: unknown): string | null {
  switch (spec.type) {
    case "number":
    case "integer": {
      if (typeof value !== "number" || !Number.isFinite(value)) return `must be a number, got ${show(value)}`;
      if (spec.type === "integer" && !Number.isInteger(value)) return `must be a whole number, got ${value}`;
      if (spec.minimum !== undefined && value < spec.minimum) {
        return `must be at least ${spec.minimum}, got ${value}`;
      }
      if (spec.maximum !== undefined && value > spec.maximum) {
        return `must be at most ${spec.maximum}, got ${value}`;
      }
      return null;
    }
    case "boolean":
      return typeof value === "boolean" ? null : `must be true or false, got ${show(value)}`;
    case "string":
      if (typeof value !== "string") return `must be text, got ${show(value)}`;
      if (spec.enum && !spec.enum.includes(value)) {
        return `must be one of ${spec.enum.join(", ")}, got "${value}"`;
      }
      return null;
  }
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * The plugin's settings inside a stage: the values the kernel
 * checked against `schema`, defaults for anything not configured.
 */
export function settingsOf<S extends SettingsSchema>(
  ctx: { readonly plugin: string; readonly settings: RunSettings },
  schema: S,
): SettingsValues<S> {
  return resolveSettings(schema, ctx.settings.plugins?.[ctx.plugin]).values as SettingsValues<S>;
}
