import assert from "node:assert/strict";
import { everyNth, strideFor, thinArrays, toJsonText } from "./json.ts";

Deno.test("typed arrays serialise as arrays, NaN as null", () => {
  assert.equal(
    toJsonText({ a: Float64Array.of(1.5, NaN), b: Int32Array.of(2), c: NaN }),
    '{"a":[1.5,null],"b":[2],"c":null}',
  );
});

Deno.test("thinning keeps every n-th point and the last one, within the limit", () => {
  const values = Float64Array.from({ length: 11 }, (_, i) => i);
  assert.equal(strideFor(11, undefined), 1);
  assert.equal(strideFor(11, 20), 1);
  assert.equal(strideFor(11, 6), 2);
  assert.deepEqual([...everyNth(values, 2)], [0, 2, 4, 6, 8, 10]);
  assert.deepEqual([...everyNth(values, 3)], [0, 3, 6, 9, 10]);
  for (let max = 2; max <= 12; max++) {
    assert.ok(everyNth(values, strideFor(11, max)).length <= Math.max(max, 2));
  }
  const thinned = thinArrays({ lap: 1, speed: values, nested: [{ t: values }] }, 4) as {
    lap: number;
    speed: Float64Array;
    nested: { t: Float64Array }[];
  };
  assert.deepEqual([thinned.lap, [...thinned.speed], [...thinned.nested[0].t]], [1, [0, 4, 8, 10], [
    0,
    4,
    8,
    10,
  ]]);
});
