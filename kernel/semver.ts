/**
 * Caret-range checks for the SDK version a plugin declares.
 *
 * @module
 */

/**
 * True when `version` (e.g. `"1.2.0"`) satisfies a caret range such as
 * `"^1.0"` or `"^1.2.3"`: same major, and not older than the range's base.
 */
export function satisfiesCaret(version: string, range: string): boolean {
  const m = /^\^?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  const v = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m || !v) return false;
  const want = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  const have = [Number(v[1]), Number(v[2]), Number(v[3])];
  if (have[0] !== want[0]) return false;
  for (let i = 1; i < 3; i++) {
    if (have[i] !== want[i]) return have[i] > want[i];
  }
  return true;
}
