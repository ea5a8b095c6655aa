/**
 * The API's envelopes are snake_case while TypeScript values are camelCase:
 * {@linkcode snakeCaseKeys} converts the keys of a plugin's answer before it
 * is serialised (typed arrays and other non-plain objects are left as they are).
 *
 * @module
 */

/** `bestLapTimeS` → `best_lap_time_s`; keys without capitals are unchanged. */
function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

/** A copy of `value` with every plain object's keys in snake_case. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), snakeCaseKeys(v)]));
}
