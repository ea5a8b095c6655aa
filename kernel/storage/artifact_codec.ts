/**
 * Binary encoding of artifact values for storage.
 *
 * Artifacts are plain data whose bulk is typed arrays (a 2-hour session's
 * distance-domain laps hold tens of MB of `Float64Array`s). JSON would
 * triple their size and parse slowly; base64 inside JSON still adds a third.
 * The encoding keeps the structure as JSON and the typed arrays as raw bytes:
 *
 * ```
 * offset 0   "WBA1"                        magic and format version
 * offset 4   uint32 little-endian H        length of the header
 * offset 8   H bytes of UTF-8 JSON         {"value": …, "arrays": [[type, byteOffset, length], …]}
 * …          zero padding to a multiple of 8
 * then       the arrays' bytes, each starting at a multiple of 8
 * ```
 *
 * Inside `value`, a typed array is replaced by `{"$ta": i}` (its index in
 * `arrays`; offsets count from the start of the binary section) and a
 * non-finite number by `{"$num": "NaN" | "Infinity" | "-Infinity"}`, so NaN
 * survives the round trip (JSON alone would turn it into null). Objects may
 * therefore not use `$ta` or `$num` as their only key. Array elements are in
 * the platform's byte order (little-endian on every supported platform).
 * Decoding returns typed arrays that are views on the stored bytes: no copy.
 *
 * @module
 */

import { type TypedArray, type TypedArrayType, typedArrayType, typedArrayView } from "../typed_arrays.ts";

const MAGIC = [0x57, 0x42, 0x41, 0x31]; // "WBA1"
const ALIGN = 8;

const padTo = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Encodes an artifact value (plain data, typed arrays anywhere in it). */
export function encodeArtifact(value: unknown): Uint8Array {
  const arrays: TypedArray[] = [];
  const table: [TypedArrayType, number, number][] = [];
  let binaryLength = 0;
  const valueJson = JSON.stringify(value ?? null, (key, v) => {
    if (ArrayBuffer.isView(v)) {
      const type = typedArrayType(v);
      if (!type) throw new TypeError(`cannot store a ${v.constructor.name} (at "${key}")`);
      const array = v as TypedArray;
      table.push([type, binaryLength, array.length]);
      arrays.push(array);
      binaryLength = padTo(binaryLength + array.byteLength);
      return { $ta: table.length - 1 };
    }
    if (typeof v === "number" && !Number.isFinite(v)) return { $num: String(v) };
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const prototype = Object.getPrototypeOf(v);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError(`cannot store a ${v.constructor?.name ?? "non-plain object"} (at "${key}")`);
      }
    }
    if (v !== null && typeof v === "object" && isPlaceholder(v)) {
      throw new TypeError(`an artifact object may not use "$ta" or "$num" as its only key (at "${key}")`);
    }
    return v;
  });
  const headerBytes = new TextEncoder().encode(`{"arrays":${JSON.stringify(table)},"value":${valueJson}}`);
  const binaryStart = padTo(8 + headerBytes.length);
  const out = new Uint8Array(binaryStart + binaryLength);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), binaryStart + table[i][1]);
  }
  return out;
}

/** Decodes what {@linkcode encodeArtifact} wrote. Throws on anything else. */
export function decodeArtifact(stored: Uint8Array): unknown {
  // Typed-array views need aligned offsets; database drivers may hand out unaligned slices.
  const bytes = stored.byteOffset % ALIGN === 0 ? stored : stored.slice();
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error("not an encoded artifact");
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  const { arrays, value } = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
    arrays: [TypedArrayType, number, number][];
    value: unknown;
  };
  const binaryStart = bytes.byteOffset + padTo(8 + headerLength);
  const revive = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
      return v;
    }
    const o = v as Record<string, unknown>;
    if (isPlaceholder(o)) {
      if (typeof o.$num === "string") return Number(o.$num);
      const [type, offset, length] = arrays[o.$ta as number];
      return typedArrayView(type, bytes.buffer as ArrayBuffer, binaryStart + offset, length);
    }
    for (const k in o) o[k] = revive(o[k]);
    return o;
  };
  return revive(value);
}

function isPlaceholder(v: object): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === "$ta" || keys[0] === "$num");
}
