/**
 * JSON responses for artifact values: typed arrays become JSON arrays
 * (columnar, as the artifacts hold them), non-finite numbers become `null`,
 * and long arrays can be thinned to a maximum number of points.
 *
 * @module
 */

/** Serialises a value; typed arrays are written as arrays of numbers. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(
    value ?? null,
    (_key, v) => ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
  );
}

/** A JSON response with the typed-array-aware serialisation. */
export function jsonResponse(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(toJsonText(value), {
    status,
    headers: { "content-type": "application/json; charset=UTF-8", ...headers },
  });
}

/** Keeps every `stride`-th element of a typed array, plus the last one (so the lap still ends where it ends). */
export function everyNth(values: Float64Array | Float32Array, stride: number): Float64Array | Float32Array {
  if (stride <= 1) return values;
  const n = Math.ceil((values.length - 1) / stride) + 1;
  const out = new Float64Array(n);
  for (let i = 0, j = 0; j < n - 1; i += stride, j++) out[j] = values[i];
  out[n - 1] = values[values.length - 1];
  return out;
}

/** The stride that brings `length` points down to at most `maxPoints`. */
export function strideFor(length: number, maxPoints: number | undefined): number {
  if (maxPoints === undefined || length <= maxPoints || maxPoints < 2) return 1;
  return Math.ceil((length - 1) / (maxPoints - 1));
}

/**
 * Thins every typed array in a value longer than `maxPoints` with
 * {@linkcode everyNth}; other values are copied by reference. For the
 * generic artifact endpoint.
 */
export function thinArrays(value: unknown, maxPoints: number | undefined): unknown {
  if (maxPoints === undefined) return value;
  if (value instanceof Float64Array || value instanceof Float32Array) {
    return everyNth(value, strideFor(value.length, maxPoints));
  }
  if (Array.isArray(value)) return value.map((v) => thinArrays(v, maxPoints));
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, thinArrays(v, maxPoints)]));
  }
  return value;
}
