import assert from "node:assert/strict";
import { planColumns } from "./columns.ts";

Deno.test("columns are found by name wherever they are, and the GPS source is preferred", () => {
  const names = ["speed", "latitude", "timestamp", "speed", "longitude", "lateral_acc", "lateral_acc"];
  const units = ["m/s", "deg", "unix time", "km/h", "deg", "G", "G"];
  const sources = ["calc", "100: gps", "", "100: gps", "100: gps", "101: acc", "calc"];
  const plan = planColumns(names, units, sources);
  const by = Object.fromEntries(plan.columns.map((c) => [c.channel, c]));
  assert.deepEqual(plan.missing, []);
  assert.equal(by.timeS.field, 2);
  assert.equal(by.latDeg.field, 1);
  assert.equal(by.lonDeg.field, 4);
  assert.equal(by.speedMps.field, 3);
  assert.equal(by.speedMps.factor, 1 / 3.6);
  assert.equal(by.latAccelG.field, 6, "calc lateral acceleration before the raw accelerometer");
  assert.deepEqual(
    plan.columns.filter((c) => c.required).map((c) => c.channel),
    ["timeS", "latDeg", "lonDeg", "speedMps"],
  );
});

Deno.test("required channels that are absent or in an unknown unit are listed", () => {
  const plan = planColumns(["timestamp", "latitude", "speed", "altitude"], [
    "unix time",
    "deg",
    "furlong/h",
    "yd",
  ], [
    "",
    "gps",
    "gps",
    "gps",
  ]);
  assert.deepEqual(plan.missing, ["longitude (no such column)", "speed (unit 'furlong/h' not understood)"]);
  assert.deepEqual(plan.unknownUnits, ["speed in 'furlong/h'", "altitude in 'yd'"]);
});
