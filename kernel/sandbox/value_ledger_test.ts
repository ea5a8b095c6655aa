/**
 * The ledger of what a plugin's process holds: a new object input is kept
 * under an id and sent whole, the same object later only as a reference;
 * large groups of arrays at one path and getters become lazy values, and
 * fetching one brings its whole group; small arrays and primitives go with
 * the request; outputs remembered under their ids are referred to later.
 *
 * @module
 */

import assert from "node:assert/strict";
import { LAZY_GROUP_BYTES, ValueLedger } from "./value_ledger.ts";
import { WireValue } from "./wire.ts";

/** Encodes nothing: runs the hooks over `inputs` the way `encodeFrame` would, one level of laps deep. */
function lazyPaths(ledger: ValueLedger, inputs: Record<string, unknown>) {
  const prepared = ledger.prepareInputs(inputs);
  const placeholders: Record<string, unknown> = {};
  const laps = inputs.laps as { channels: Record<string, unknown> }[];
  laps.forEach((lap, i) => {
    for (const key of Object.keys(lap.channels)) {
      const path = `.inputs.laps[*].channels.${key}`;
      const descriptor = Object.getOwnPropertyDescriptor(lap.channels, key)!;
      const placeholder = descriptor.get
        ? prepared.hooks.accessor!(lap.channels, key, path)
        : prepared.hooks.array!(descriptor.value as Float64Array, path);
      placeholders[`${i}.${key}`] = placeholder instanceof WireValue ? placeholder.json : "inline";
    }
  });
  return { prepared, placeholders };
}

const lapsOf = (points: number) =>
  [1, 2, 3].map((number) => {
    const channels: Record<string, unknown> = {
      speedMps: new Float64Array(points).fill(number),
      small: new Float64Array(2),
    };
    Object.defineProperty(channels, "latDeg", {
      enumerable: true,
      configurable: true,
      get: () => new Float64Array(points).fill(number + 0.5),
    });
    return { number, channels };
  });

Deno.test("a new input is kept and sent; the same object again is a reference", () => {
  const ledger = new ValueLedger();
  const laps = lapsOf(10);
  const first = ledger.prepareInputs({ laps, threshold: 0.1 });
  assert.deepEqual(Object.keys(first.keepInputs), ["laps"]);
  assert.equal(first.inputs.laps, laps);
  assert.equal(first.inputs.threshold, 0.1);
  const again = ledger.prepareInputs({ laps, threshold: 0.1 });
  assert.deepEqual(again.keepInputs, {});
  assert.deepEqual((again.inputs.laps as WireValue).json, { $ref: first.keepInputs.laps });
  const twice = ledger.prepareInputs({ a: lapsOf(1), b: laps });
  assert.deepEqual(Object.keys(twice.keepInputs), ["a"]);
});

Deno.test("large array groups and getters are lazy; one fetch brings the whole group", () => {
  const ledger = new ValueLedger();
  const points = Math.ceil(LAZY_GROUP_BYTES / 8 / 3) + 1; // the three laps' arrays together pass the limit
  const laps = lapsOf(points);
  const { placeholders } = lazyPaths(ledger, { laps });
  assert.equal(placeholders["0.small"], "inline", "small arrays go with the request");
  const speedIds = [0, 1, 2].map((i) => (placeholders[`${i}.speedMps`] as { $lazy: number }).$lazy);
  const latIds = [0, 1, 2].map((i) => (placeholders[`${i}.latDeg`] as { $lazy: number }).$lazy);
  assert.equal(new Set([...speedIds, ...latIds]).size, 6);
  const fetched = ledger.answerFetch([latIds[1]]);
  assert.deepEqual(Object.keys(fetched).map(Number).sort((a, b) => a - b), latIds);
  assert.deepEqual((fetched[latIds[2]] as Float64Array)[0], 3.5, "a getter is read when fetched");
  assert.deepEqual(ledger.answerFetch([latIds[0]]), {}, "sent once");
  const speeds = ledger.answerFetch([speedIds[0]]);
  assert.equal(speeds[speedIds[2]], laps[2].channels.speedMps, "arrays are sent as they are");
});

Deno.test("arrays under the limit at their path stay in the request", () => {
  const ledger = new ValueLedger();
  const { placeholders } = lazyPaths(ledger, { laps: lapsOf(100) });
  assert.equal(placeholders["0.speedMps"], "inline");
  assert.ok("$lazy" in (placeholders["0.latDeg"] as object), "getters are lazy whatever their size");
});

Deno.test("an output remembered under its id is a reference when it is an input later", () => {
  const ledger = new ValueLedger();
  const id = ledger.keepId();
  const output = { corners: [1, 2] };
  ledger.remember(output, id);
  const next = ledger.prepareInputs({ corners: output });
  assert.deepEqual((next.inputs.corners as WireValue).json, { $ref: id });
});

Deno.test("past its byte budget the ledger lets go of the least recently used values, and sends them again", () => {
  const ledger = new ValueLedger(3000); // bytes
  const a = { x: new Float64Array(200) }, b = { x: new Float64Array(200) }, c = { x: new Float64Array(200) };
  const first = ledger.prepareInputs({ v: a });
  const second = ledger.prepareInputs({ v: b }); // 1600 + 1600 bytes > 3000: a goes
  assert.deepEqual(second.drop, [first.keepInputs.v]);
  const third = ledger.prepareInputs({ v: b, w: c }); // b is used, so the older one is gone next: none here
  assert.deepEqual((third.inputs.v as WireValue).json, { $ref: second.keepInputs.v });
  const again = ledger.prepareInputs({ v: a });
  assert.ok("v" in again.keepInputs, "a dropped value is sent again, under a new id");
  assert.notEqual(again.keepInputs.v, first.keepInputs.v);
});
