import assert from "node:assert/strict";
import { mean, median, quantile, sampleStd, stdBiasFactor } from "./stats.ts";

Deno.test("mean, sample std, median and quantiles skip NaN", () => {
  const xs = [2, NaN, 4, 4, 4, 5, 5, 7, 9];
  assert.equal(mean(xs), 5);
  assert.ok(Math.abs(sampleStd(xs) - Math.sqrt(32 / 7)) < 1e-12);
  assert.equal(median(xs), 4.5);
  assert.equal(quantile(xs, 0), 2);
  assert.equal(quantile(xs, 1), 9);
  assert.ok(Math.abs(quantile([0, 10], 0.9) - 9) < 1e-12);
  assert.ok(Number.isNaN(median([])));
  assert.ok(Number.isNaN(sampleStd([3])));
});

Deno.test("the std bias factor matches the closed forms of c4(n)", () => {
  assert.ok(Math.abs(stdBiasFactor(2) - Math.sqrt(2 / Math.PI)) < 1e-12);
  assert.ok(Math.abs(stdBiasFactor(3) - Math.sqrt(Math.PI) / 2) < 1e-12);
  assert.ok(Math.abs(stdBiasFactor(5) - 0.939985603) < 1e-8);
  assert.ok(stdBiasFactor(100) > 0.997 && stdBiasFactor(100) < 1);
  assert.ok(Number.isNaN(stdBiasFactor(1)));
});

Deno.test("selection-based quantiles agree with sorting on random data", () => {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (const n of [1, 2, 3, 10, 101, 1000]) {
    const xs = Float64Array.from({ length: n }, () => Math.round(random() * 50));
    const sorted = [...xs].sort((a, b) => a - b);
    for (const q of [0, 0.1, 0.5, 0.9, 1]) {
      const x = q * (n - 1), i = Math.floor(x);
      const expected = i + 1 < n ? sorted[i] + (x - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
      assert.ok(Math.abs(quantile(xs, q) - expected) < 1e-9, `n=${n} q=${q}`);
    }
  }
});
