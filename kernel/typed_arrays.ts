/**
 * The typed-array types the kernel moves as raw bytes (artifact storage,
 * the sandbox's wire format), by constructor name, so a type written by one
 * side is rebuilt by name on the other.
 *
 * @module
 */

/** The typed-array constructors, by name. */
export const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  BigInt64Array,
  BigUint64Array,
} as const;

/** A typed array's constructor name. */
export type TypedArrayType = keyof typeof TYPED_ARRAYS;

/** Any of {@linkcode TYPED_ARRAYS}, over any buffer. */
export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | BigInt64Array
  | BigUint64Array;

/** The typed array's constructor name when it is one of {@linkcode TYPED_ARRAYS}, else `null` (a DataView...). */
export function typedArrayType(value: ArrayBufferView): TypedArrayType | null {
  const name = value.constructor.name;
  return name in TYPED_ARRAYS ? name as TypedArrayType : null;
}

/** A typed array of type `type` over `length` elements of `buffer` from `byteOffset`. */
export function typedArrayView(
  type: TypedArrayType,
  buffer: ArrayBuffer,
  byteOffset: number,
  length: number,
): TypedArray {
  return new TYPED_ARRAYS[type](buffer, byteOffset, length);
}
