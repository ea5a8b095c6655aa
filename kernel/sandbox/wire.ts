/**
 * The sandbox's wire format: how a message crosses between the workbench and
 * a plugin's process (over its stdin and stdout), with typed arrays as raw
 * bytes, never element by element and never as JSON text.
 *
 * ```
 * offset 0    "WBS1"                     magic and format version
 * offset 4    uint32 little-endian H     length of the header
 * offset 8    uint32 little-endian B     length of the binary section (a multiple of 8)
 * offset 12   uint32 0                   reserved
 * offset 16   H bytes of UTF-8 JSON      {"a": [[type, byteOffset, length], …], "m": message}
 * …           zero padding to a multiple of 8
 * then        B bytes: the arrays, each starting at a multiple of 8
 * ```
 *
 * Inside the message a typed array is `{"$ta": i}` (its row in `a`); a
 * non-finite number `{"$num": "NaN"}`; `undefined` `{"$undef": 1}`; a value
 * the receiver already holds `{"$ref": id}`; a value it may fetch when first
 * read `{"$lazy": id}`; an object whose only key is one of these names is
 * wrapped as `{"$obj": …}`. The sender writes the header and then views of
 * its own arrays' bytes (no concatenation); the receiver reads the binary
 * section into one buffer and makes its arrays views on it (no copy).
 *
 * Unlike the storage codec (`storage/artifact_codec.ts`) this format never
 * reads a property that has a getter (it asks the sender's
 * {@linkcode EncodeHooks.accessor} instead: channels computed on first read
 * stay uncomputed until the plugin reads them) and carries references and
 * lazy values.
 *
 * @module
 */

import { type TypedArray, type TypedArrayType, typedArrayType, typedArrayView } from "../typed_arrays.ts";

const MAGIC = 0x31534257; // "WBS1" read as a little-endian uint32
const ALIGN = 8;
/** Bytes before the header. */
export const PREFIX_BYTES = 16;

/** Any typed array that may cross (see `typed_arrays.ts`). */
export type { TypedArray };

const PLACEHOLDER_KEYS = new Set(["$ta", "$num", "$undef", "$ref", "$lazy", "$obj"]);

const padTo = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** A piece of message that is already in wire form (a placeholder the sender built): sent as it is. */
export class WireValue {
  /** Wraps `json`. */
  constructor(readonly json: unknown) {}
}

/** How a sender replaces values it does not send now. */
export interface EncodeHooks {
  /**
   * Called for every typed array at `path` (array indices written `[*]`);
   * returns a placeholder to send instead of its bytes, or `undefined`.
   */
  array?(array: TypedArray, path: string): WireValue | undefined;
  /**
   * Called for a property defined by a getter, before the getter is invoked;
   * returns a placeholder to send instead, or `undefined` to read the getter
   * and send its value (as without this hook).
   */
  accessor?(owner: object, key: string, path: string): WireValue | undefined;
}

/** An encoded frame: byte views to write in order, and their total length. */
export interface EncodedFrame {
  /** The prefix and header, then each array's own bytes (views, not copies) with padding between. */
  parts: Uint8Array[];
  /** Sum of the parts' lengths. */
  byteLength: number;
}

/** Encodes `message` (plain data with typed arrays anywhere). Throws a TypeError for a value that cannot cross. */
export function encodeFrame(message: unknown, hooks: EncodeHooks = {}): EncodedFrame {
  const table: [TypedArrayType, number, number][] = [];
  const arrays: TypedArray[] = [];
  const indexOf = new Map<TypedArray, number>();
  let binaryLength = 0;

  const walk = (v: unknown, path: string): unknown => {
    if (v === undefined) return { $undef: 1 };
    if (typeof v === "number") return Number.isFinite(v) ? v : { $num: String(v) };
    if (v === null || typeof v !== "object") {
      if (typeof v === "bigint" || typeof v === "function" || typeof v === "symbol") {
        throw new TypeError(`a ${typeof v} cannot cross the sandbox boundary (at ${path || "top"})`);
      }
      return v;
    }
    if (v instanceof WireValue) return v.json;
    if (ArrayBuffer.isView(v)) {
      const type = typedArrayType(v);
      if (!type) {
        throw new TypeError(`a ${v.constructor.name} cannot cross the sandbox boundary (at ${path})`);
      }
      const array = v as TypedArray;
      const placeholder = hooks.array?.(array, path);
      if (placeholder) return placeholder.json;
      let index = indexOf.get(array);
      if (index === undefined) {
        index = table.length;
        indexOf.set(array, index);
        table.push([type, binaryLength, array.length]);
        arrays.push(array);
        binaryLength = padTo(binaryLength + array.byteLength);
      }
      return { $ta: index };
    }
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = walk(v[i], `${path}[*]`);
      return out;
    }
    const prototype = Object.getPrototypeOf(v);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(
        `a ${v.constructor?.name ?? "non-plain object"} cannot cross the sandbox boundary (at ${
          path || "top"
        })`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key)!;
      const at = `${path}.${key}`;
      const placeholder = descriptor.get ? hooks.accessor?.(v, key, at) : undefined;
      if (placeholder) out[key] = placeholder.json;
      else out[key] = walk(descriptor.get ? descriptor.get.call(v) : descriptor.value, at);
    }
    const keys = Object.keys(out);
    return keys.length === 1 && PLACEHOLDER_KEYS.has(keys[0]) ? { $obj: out } : out;
  };

  const body = JSON.stringify(walk(message, "")); // fills the array table first
  const json = `{"a":${JSON.stringify(table)},"m":${body}}`;
  const header = new TextEncoder().encode(json);
  const headerEnd = padTo(PREFIX_BYTES + header.length);
  const head = new Uint8Array(headerEnd);
  const view = new DataView(head.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  view.setUint32(8, binaryLength, true);
  head.set(header, PREFIX_BYTES);
  const parts: Uint8Array[] = [head];
  let written = 0;
  for (const array of arrays) {
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    written += array.byteLength;
    const pad = padTo(written) - written;
    if (pad > 0) parts.push(new Uint8Array(pad));
    written += pad;
  }
  return { parts, byteLength: headerEnd + binaryLength };
}

/** Lengths read from a frame's first {@linkcode PREFIX_BYTES} bytes. */
export interface FramePrefix {
  /** Bytes of header JSON. */
  headerLength: number;
  /** Bytes from the end of the prefix to the binary section (header plus padding). */
  headerSpan: number;
  /** Bytes of the binary section. */
  binaryLength: number;
}

/** Reads a frame's prefix. Throws when the bytes are not the start of a frame. */
export function readPrefix(prefix: Uint8Array): FramePrefix {
  const view = new DataView(prefix.buffer, prefix.byteOffset, PREFIX_BYTES);
  if (view.getUint32(0, true) !== MAGIC) throw new Error("not a sandbox frame (bad magic)");
  const headerLength = view.getUint32(4, true);
  const binaryLength = view.getUint32(8, true);
  return { headerLength, headerSpan: padTo(PREFIX_BYTES + headerLength) - PREFIX_BYTES, binaryLength };
}

/** How a receiver materialises references and lazy values. */
export interface DecodeHooks {
  /** The value held under `id` (a `$ref`). */
  ref?(id: number): unknown;
  /** Makes `owner[key]` fetch lazy value `id` when first read (a `$lazy`), e.g. with a getter. */
  lazy?(id: number, owner: object, key: string | number): void;
}

/**
 * Decodes a frame's message from its header bytes and binary section (whose
 * byte offset must be a multiple of 8). Typed arrays are views on `binary`.
 */
export function decodeFrame(header: Uint8Array, binary: Uint8Array, hooks: DecodeHooks = {}): unknown {
  const { a: table, m: message } = JSON.parse(new TextDecoder().decode(header)) as {
    a: [TypedArrayType, number, number][];
    m: unknown;
  };
  const LAZY = Symbol("lazy");
  const views = new Map<number, TypedArray>();
  const revive = (v: unknown, owner: object | null, key: string | number): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const r = revive(v[i], v, i);
        if (r !== LAZY) v[i] = r;
      }
      return v;
    }
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && PLACEHOLDER_KEYS.has(keys[0])) {
      const [name] = keys;
      const arg = o[name];
      switch (name) {
        case "$ta": {
          let view = views.get(arg as number);
          if (!view) {
            const [type, offset, length] = table[arg as number];
            view = typedArrayView(type, binary.buffer as ArrayBuffer, binary.byteOffset + offset, length);
            views.set(arg as number, view);
          }
          return view; // an array the sender had in two places is one array here too
        }
        case "$num":
          return Number(arg);
        case "$undef":
          return undefined;
        case "$ref":
          if (!hooks.ref) throw new Error("unexpected reference in a sandbox frame");
          return hooks.ref(arg as number);
        case "$lazy":
          if (!hooks.lazy || !owner) throw new Error("unexpected lazy value in a sandbox frame");
          hooks.lazy(arg as number, owner, key);
          return LAZY;
        default:
          return reviveObject(arg as Record<string, unknown>);
      }
    }
    return reviveObject(o);
  };
  const reviveObject = (o: Record<string, unknown>) => {
    for (const k of Object.keys(o)) {
      const r = revive(o[k], o, k);
      if (r !== LAZY) o[k] = r;
    }
    return o;
  };
  const holder = { m: message };
  const top = revive(message, holder, "m");
  return top === LAZY ? holder.m : top;
}
