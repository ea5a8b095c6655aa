import assert from "node:assert/strict";
import { decodeArtifact, encodeArtifact } from "./artifact_codec.ts";

Deno.test("artifacts round-trip with typed arrays, NaN and nesting intact", () => {
  const value = {
    laps: [
      { number: 1, channels: { speedMps: Float64Array.of(1.5, NaN, 3), timeS: Float64Array.of(0, 0.04) } },
      { number: 2, channels: { speedMps: new Float64Array(0), timeS: Float64Array.of(Infinity) } },
    ],
    owners: Int32Array.of(-1, 7),
    flags: Uint8Array.of(1, 0, 1),
    mean: NaN,
    best: -Infinity,
    label: "T5",
    nothing: null,
  };
  const decoded = decodeArtifact(encodeArtifact(value)) as typeof value;
  assert.deepEqual(decoded, value);
  assert.ok(decoded.laps[0].channels.speedMps instanceof Float64Array);
  assert.ok(Number.isNaN(decoded.laps[0].channels.speedMps[1]));
  assert.ok(decoded.owners instanceof Int32Array);
});

Deno.test("typed arrays are stored as raw bytes, aligned, not as text", () => {
  const big = new Float64Array(10_000).map((_, i) => i / 3);
  const encoded = encodeArtifact({ big });
  assert.ok(encoded.length < big.byteLength + 200, `encoded ${encoded.length} bytes`);
  // A copy at an odd offset (as a driver might return it) still decodes.
  const shifted = new Uint8Array(encoded.length + 1);
  shifted.set(encoded, 1);
  const decoded = decodeArtifact(shifted.subarray(1)) as { big: Float64Array };
  assert.deepEqual(decoded.big, big);
});

Deno.test("scalars, null and undefined round-trip; garbage is refused", () => {
  assert.equal(decodeArtifact(encodeArtifact(42)), 42);
  assert.equal(decodeArtifact(encodeArtifact(null)), null);
  assert.equal(decodeArtifact(encodeArtifact(undefined)), null);
  assert.throws(() => decodeArtifact(new TextEncoder().encode("{}")), /not an encoded artifact/);
  assert.throws(() => encodeArtifact({ x: { $ta: 1 } }), /may not use/);
  assert.throws(() => encodeArtifact({ x: new DataView(new ArrayBuffer(4)) }), /cannot store a DataView/);
  assert.throws(() => encodeArtifact({ byLap: new Map([[1, 2]]) }), /cannot store a Map \(at "byLap"\)/);
});
