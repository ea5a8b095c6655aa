import assert from "node:assert/strict";
import { join } from "node:path";
import { DeltaKey, LapsKey } from "../../sdk/mod.ts";
import { loadPlugins } from "../loader.ts";
import { analyze } from "../run.ts";
import { composeLapDelta } from "./delta_pair.ts";

const SESSION = join(
  import.meta.dirname!,
  "..",
  "..",
  "..",
  "shared",
  "data",
  "sessions",
  "barber-8laps.csv",
);

async function analysed() {
  const { registry } = await loadPlugins();
  const result = await analyze(registry, { file: "barber-8laps.csv", bytes: await Deno.readFile(SESSION) });
  const stored = result.artifacts.get(DeltaKey)!;
  const laps = result.artifacts.get(LapsKey)!;
  const best = stored.find((d) => typeof d.reference === "number")!.reference as number;
  const counted = stored.filter((d) => d.reference === best).map((d) => d.lap);
  return { stored, laps, best, counted };
}

Deno.test("any two counted laps: total = lap-time difference, trace ends there, swapping negates", async () => {
  const { stored, laps, best, counted } = await analysed();
  assert.ok(counted.length >= 5, `${counted.length} counted laps`);
  const time = (n: number) => laps.find((l) => l.number === n)!.timeS!;
  for (const a of counted) {
    for (const b of counted) {
      const ab = composeLapDelta(stored, a, b)!;
      assert.equal(ab.lap, b);
      assert.equal(ab.reference, a);
      assert.equal(ab.gridLap, best);
      // Stored totals are lap-time differences to the best lap, so the composition is exact (float rounding only).
      assert.ok(Math.abs(ab.totalS - (time(b) - time(a))) < 1e-9, `L${b} vs L${a}`);
      assert.ok(Math.abs(ab.deltaS[ab.deltaS.length - 1] - ab.totalS) < 1e-6);
      const ba = composeLapDelta(stored, b, a)!;
      for (let i = 0; i < ab.deltaS.length; i += 97) assert.ok(Math.abs(ab.deltaS[i] + ba.deltaS[i]) < 1e-12);
      for (const [k, c] of ab.corners.entries()) {
        assert.ok(Math.abs(c.cornerS + ba.corners[k].cornerS) < 1e-12);
      }
    }
  }
});

Deno.test("against the best lap the composition is the stored delta itself", async () => {
  const { stored, best, counted } = await analysed();
  const other = counted.find((n) => n !== best)!;
  const direct = stored.find((d) => d.lap === other && d.reference === best)!;
  const composed = composeLapDelta(stored, best, other)!;
  assert.deepEqual([...composed.deltaS], [...direct.deltaS]);
  assert.deepEqual(composed.corners, direct.corners);
  assert.equal(composed.totalS, direct.totalS);
});

Deno.test("a lap without a stored delta (the out-lap) or no deltas at all gives null", async () => {
  const { stored, best } = await analysed();
  assert.equal(composeLapDelta(stored, best, 1), null);
  assert.equal(composeLapDelta(stored, 1, best), null);
  assert.equal(composeLapDelta([], 2, 3), null);
});
