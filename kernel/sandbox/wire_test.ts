/**
 * The sandbox's wire format: what is encoded decodes to the same value
 * (typed arrays of every type, views at odd offsets, non-finite numbers,
 * `undefined`, objects that look like placeholders), arrays cross as raw
 * bytes at 8-byte-aligned offsets, references and lazy values go through the
 * hooks, getters are left to the sender, and what cannot cross is refused
 * with its path.
 *
 * @module
 */

import assert from "node:assert/strict";
import { decodeFrame, encodeFrame, PREFIX_BYTES, readPrefix, WireValue } from "./wire.ts";

/** Encodes and decodes `message` the way the two processes do. */
function roundTrip(message: unknown, hooks: Parameters<typeof decodeFrame>[2] = {}): unknown {
  const frame = encodeFrame(message);
  const bytes = new Uint8Array(frame.byteLength);
  let at = 0;
  for (const part of frame.parts) bytes.set(part, (at += part.length) - part.length);
  const prefix = readPrefix(bytes.subarray(0, PREFIX_BYTES));
  const headerStart = PREFIX_BYTES;
  const binaryStart = headerStart + prefix.headerSpan;
  assert.equal(binaryStart % 8, 0);
  assert.equal(binaryStart + prefix.binaryLength, bytes.length);
  const binary = bytes.slice(binaryStart); // its own buffer, as the receiver reads it
  return decodeFrame(bytes.subarray(headerStart, headerStart + prefix.headerLength), binary, hooks);
}

Deno.test("values round-trip: typed arrays of every type, odd views, NaN, undefined, look-alike keys", () => {
  const big = new Float64Array([1.5, -2.25, Math.PI]);
  const message = {
    laps: [{ number: 1, speedMps: big }, { number: 2, speedMps: new Float64Array(0) }],
    sameTwice: [big, big],
    ints: new Int32Array([-1, 2 ** 31 - 1]),
    bytes: new Uint8Array([1, 2, 3]),
    view: new Float32Array(new Float32Array([9, 8, 7, 6]).buffer, 4, 2),
    odd: new Uint16Array(new Uint8Array(10).buffer, 2, 3),
    big64: new BigInt64Array([-(2n ** 40n)]),
    numbers: [NaN, Infinity, -Infinity, -0, 0.1],
    missing: undefined,
    lookAlike: { $ta: 3 },
    nested: { deeper: { $ref: "not a ref" } },
    text: "déjà vu",
    nothing: null,
  };
  const back = roundTrip(message) as typeof message;
  assert.deepEqual([...back.laps[0].speedMps], [...big]);
  assert.ok(back.laps[0].speedMps instanceof Float64Array);
  assert.equal(back.laps[1].speedMps.length, 0);
  assert.equal(back.sameTwice[0], back.sameTwice[1], "one array sent once stays one array");
  assert.deepEqual([...back.ints], [-1, 2 ** 31 - 1]);
  assert.ok(back.view instanceof Float32Array);
  assert.deepEqual([...back.view], [8, 7]);
  assert.deepEqual([...back.odd], [0, 0, 0]);
  assert.equal(back.big64[0], -(2n ** 40n));
  assert.ok(Number.isNaN(back.numbers[0]));
  assert.deepEqual(back.numbers.slice(1), [Infinity, -Infinity, 0, 0.1]);
  assert.ok("missing" in back && back.missing === undefined);
  assert.deepEqual(back.lookAlike, { $ta: 3 });
  assert.deepEqual(back.nested, { deeper: { $ref: "not a ref" } });
  assert.equal(back.text, "déjà vu");
  assert.equal(back.nothing, null);
  for (const array of [back.laps[0].speedMps, back.ints, back.view, back.odd, back.big64]) {
    assert.equal(array.byteOffset % 8, 0, "every array starts 8-byte aligned in the binary section");
  }
});

Deno.test("references and lazy values are resolved by the receiver's hooks", () => {
  const kept = { laps: [1, 2, 3] };
  const message = { held: new WireValue({ $ref: 7 }), later: new WireValue({ $lazy: 9 }), plain: 1 };
  const asked: number[] = [];
  const back = roundTrip(message, {
    ref: (id) => (id === 7 ? kept : undefined),
    lazy(id, owner, key) {
      Object.defineProperty(owner, key, {
        enumerable: true,
        get: () => (asked.push(id), "fetched"),
      });
    },
  }) as { held: unknown; later: string; plain: number };
  assert.equal(back.held, kept);
  assert.deepEqual(asked, [], "a lazy value is not fetched before it is read");
  assert.equal(back.later, "fetched");
  assert.deepEqual(asked, [9]);
  assert.throws(() => roundTrip({ x: new WireValue({ $ref: 1 }) }), /unexpected reference/);
});

Deno.test("the encoder asks about getters instead of reading them; array hooks replace arrays", () => {
  let reads = 0;
  const lap = { number: 1 } as Record<string, unknown>;
  Object.defineProperty(lap, "latDeg", { enumerable: true, get: () => (reads++, new Float64Array(3)) });
  const seen: string[] = [];
  const frame = encodeFrame({ inputs: { laps: [lap] } }, {
    accessor: (_owner, key, path) => (seen.push(`${path}:${key}`), new WireValue({ $lazy: 1 })),
    array: () => undefined,
  });
  assert.equal(reads, 0);
  assert.deepEqual(seen, [".inputs.laps[*].latDeg:latDeg"]);
  assert.ok(frame.byteLength > PREFIX_BYTES);
  // Without the hook the getter's value is sent.
  const back = roundTrip({ lap }) as { lap: { latDeg: Float64Array } };
  assert.equal(reads, 1);
  assert.equal(back.lap.latDeg.length, 3);
});

Deno.test("what cannot cross is refused with where it is; a stray byte stream is not a frame", () => {
  assert.throws(
    () => encodeFrame({ a: [{ m: new Map() }] }),
    /a Map cannot cross the sandbox boundary \(at \.a\[\*\]\.m\)/,
  );
  assert.throws(() => encodeFrame({ f: () => 1 }), /a function cannot cross/);
  assert.throws(() => encodeFrame({ d: new DataView(new ArrayBuffer(8)) }), /a DataView cannot cross/);
  class Lap {}
  assert.throws(() => encodeFrame({ lap: new Lap() }), /a Lap cannot cross/);
  assert.throws(() => readPrefix(new TextEncoder().encode("console.log output!")), /not a sandbox frame/);
});
