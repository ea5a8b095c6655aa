import assert from "node:assert/strict";
import { planAimColumns } from "./columns.ts";

Deno.test("columns by name wherever they are, converted by their unit", () => {
  const names = [
    "GPS Latitude",
    "Time",
    "GPS PosAccuracy",
    "GPS Speed",
    "GPS Longitude",
    "Distance on GPS Speed",
  ];
  const units = ["deg", "s", "mm", "km/h", "deg", "km"];
  const plan = planAimColumns(names, units);
  assert.deepEqual(plan.missing, []);
  const by = Object.fromEntries(plan.columns.map((c) => [c.channel, c]));
  assert.equal(by.timeS.field, 1);
  assert.equal(by.latDeg.field, 0);
  assert.equal(by.accuracyM.factor, 0.001);
  assert.equal(by.speedMps.factor, 1 / 3.6);
  assert.equal(by.odometerM.factor, 1000);
  assert.equal(plan.columns[0].channel, "timeS", "Time comes first");
});

Deno.test("names compare without case; unknown units are listed", () => {
  const plan = planAimColumns(["time", "gps latitude", "GPS LONGITUDE", "GPS Speed", "GPS Altitude"], [
    "s",
    "deg",
    "deg",
    "m/s",
    "furlong",
  ]);
  assert.deepEqual(plan.missing, []);
  assert.deepEqual(plan.unknownUnits, ["GPS Altitude in 'furlong'"]);
});
