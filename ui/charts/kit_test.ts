import assert from "node:assert/strict";
import type { LapTrace } from "../../sdk/views.ts";
import { createUnits } from "../units.ts";
import { createCursorStore } from "../state/cursor.ts";
import { createChartKit } from "./kit.ts";

/** A 1.6 km × 0.4 km oval around (33.53° N, 86.62° W), 0.7 m grid. */
function ovalTrace(): LapTrace {
  const points = 5000;
  const lat = new Float64Array(points), lon = new Float64Array(points), speed = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const a = (2 * Math.PI * i) / points;
    lat[i] = 33.53 + (200 * Math.sin(a)) / 110_574;
    lon[i] = -86.62 + (800 * Math.cos(a)) / (111_320 * Math.cos((33.53 * Math.PI) / 180));
    speed[i] = 30 + 10 * Math.cos(2 * a);
  }
  return { lap: 1, stepM: 0.7, points, channels: { latDeg: lat, lonDeg: lon, speedMps: speed } };
}

Deno.test("map scales give one metre the same number of pixels on both axes", () => {
  const kit = createChartKit(createUnits({ speed: "kmh", distance: "m" }), createCursorStore(), "light");
  const path = kit.trackPath(ovalTrace(), 1000);
  assert.ok(path.length <= 1000);
  const s = kit.mapScales(path, 600, 500, 20);
  const pxPerMx = (600 - 40) / (s.x.domain[1] - s.x.domain[0]);
  const pxPerMy = (s.height - 40) / (s.y.domain[1] - s.y.domain[0]);
  assert.ok(Math.abs(pxPerMx - pxPerMy) / pxPerMx < 1e-9, `${pxPerMx} vs ${pxPerMy}`);
  // A 4:1 oval in a 600 px wide chart needs about 600 / 4 px of height, not the 500 allowed.
  assert.ok(s.height < 200, `height ${s.height}`);
  // The path spans about 1600 m east-west (±1 % for the projection).
  assert.ok(Math.abs(Math.max(...path.x) - Math.min(...path.x) - 1600) < 16);
});

Deno.test("the path finds its points by distance and by position", () => {
  const kit = createChartKit(createUnits({ speed: "kmh", distance: "m" }), createCursorStore(), "light");
  const path = kit.trackPath(ovalTrace(), 1000);
  const at = path.at(1000)!;
  assert.ok(Math.abs(path.nearest(at[0], at[1]) - 1000) < 5);
  assert.equal(path.at(-5), null);
});

Deno.test("distance series follow the zoom and the distance unit", () => {
  const cursor = createCursorStore();
  const kit = createChartKit(createUnits({ speed: "mph", distance: "ft" }), cursor, "dark");
  const trace = ovalTrace();
  const whole = kit.distanceSeries(trace, "speedMps", 300);
  assert.ok(whole.length <= 600);
  cursor.setZoom([700, 770]); // 100 grid points
  const zoomed = kit.distanceSeries(trace, "speedMps", 300, (v) => v);
  assert.equal(zoomed.length, 101);
  assert.ok(Math.abs(zoomed.x[0] - 700 * 3.280839895) < 1e-6, "x in feet");
  assert.equal(kit.distanceSeries(trace, "missing", 300).length, 0);
});
