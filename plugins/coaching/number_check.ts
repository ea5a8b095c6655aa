/**
 * Traceability of the numbers a report quotes: every number in its text
 * must be one the context gave, at the precision quoted (`0.4 s` is traced
 * to a context value of `0.43`, `0.5` is not), so a coach cannot invent a
 * brake point or a speed. Numbers glued to a letter are labels (`T5`, `L12`)
 * and are checked as corners and laps elsewhere; whole numbers up to
 * {@linkcode MAX_COUNTING_NUMBER} are counts ("3 laps", "5 m steps") and
 * pass. Lap times written `m:ss.xx` are checked in seconds.
 *
 * @module
 */

import type { UntraceableNumber } from "../../sdk/mod.ts";

/** Whole numbers up to this are counts, not data, and always pass. */
export const MAX_COUNTING_NUMBER = 10;

/** Every number written in the context text, labels included. */
export function contextNumbers(contextText: string): Float64Array {
  const values = [...contextText.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  return Float64Array.from(values).sort();
}

/** Numbers quoted in one piece of text: `[as written, value]`, labels skipped, `m:ss.xx` read as seconds. */
export function quotedNumbers(text: string): [string, number][] {
  const found: [string, number][] = [];
  const pattern = /(\d+):(\d{2}(?:\.\d+)?)(?![\d.])|(?<![\p{L}\d.:])(\d+(?:\.\d+)?)(?![\d:])/gu;
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== undefined) found.push([m[0], Number(m[1]) * 60 + Number(m[2])]);
    else found.push([m[3], Number(m[3])]);
  }
  return found;
}

/** Whether `written` (value `value`) is in the sorted `known` values at the precision written. */
export function isTraceable(written: string, value: number, known: Float64Array): boolean {
  const decimals = written.includes(".") ? written.length - written.lastIndexOf(".") - 1 : 0;
  if (decimals === 0 && !written.includes(":") && value <= MAX_COUNTING_NUMBER) return true;
  const tolerance = 0.5 * 10 ** -decimals + 1e-9;
  // Binary search for the first known value ≥ value − tolerance.
  let lo = 0, hi = known.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (known[mid] < value - tolerance) lo = mid + 1;
    else hi = mid;
  }
  return lo < known.length && known[lo] <= value + tolerance;
}

/**
 * Every untraceable number in the string fields of `document` (any JSON
 * value), with its path. Non-string fields are not checked: the engine
 * writes those.
 */
export function untraceableNumbers(document: unknown, contextText: string): UntraceableNumber[] {
  const known = contextNumbers(contextText);
  const found: UntraceableNumber[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") {
      for (const [written, n] of quotedNumbers(value)) {
        if (!isTraceable(written, n, known)) found.push({ path, value: written });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(document, "");
  return found;
}
