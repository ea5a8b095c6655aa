import assert from "node:assert/strict";
import { planVboColumns } from "./columns.ts";

Deno.test("columns are found by short name, with their conversions", () => {
  const names = ["sats", "time", "lat", "long", "velocity", "heading", "height", "longacc", "latacc"];
  const plan = planVboColumns(names, names.map(() => ""));
  assert.deepEqual(plan.missing, []);
  const by = Object.fromEntries(plan.columns.map((c) => [c.channel, c]));
  assert.equal(by.timeS.field, 1);
  assert.deepEqual(by.latDeg.conversion, { kind: "scale", factor: 1 / 60 });
  assert.deepEqual(by.lonDeg.conversion, { kind: "scale", factor: -1 / 60 });
  assert.deepEqual(by.speedMps.conversion, { kind: "scale", factor: 1 / 3.6 });
  assert.deepEqual(by.satellites.conversion, { kind: "satellites" });
  assert.equal(by.longAccelG.field, 7);
  assert.deepEqual(
    plan.columns.filter((c) => c.required).map((c) => c.channel).sort(),
    ["latDeg", "lonDeg", "speedMps", "timeS"],
  );
});

Deno.test("the unit text decides the speed and height factors", () => {
  const plan = planVboColumns(["time", "lat", "long", "velocity", "height"], [
    "",
    "",
    "",
    "velocity mph",
    "ft",
  ]);
  const by = Object.fromEntries(plan.columns.map((c) => [c.channel, c]));
  assert.deepEqual(by.speedMps.conversion, { kind: "scale", factor: 0.44704 });
  assert.deepEqual(by.altitudeM.conversion, { kind: "scale", factor: 0.3048 });
});

Deno.test("missing required columns are named", () => {
  assert.deepEqual(planVboColumns(["sats", "lat", "heading"], ["", "", ""]).missing, [
    "time",
    "long",
    "velocity",
  ]);
});
