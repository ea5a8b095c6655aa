import assert from "node:assert/strict";
import type { AppEquipment, JsonValue } from "../../sdk/mod.ts";
import { POWER_CLASSES, powerClassOf, TYRE_CLASSES, tyreClassOf, UNCLASSIFIED } from "./classes.ts";

function profile(details: { [key: string]: JsonValue }): AppEquipment {
  return { id: "p", userId: "u", name: "car", details };
}

Deno.test("tyre categories fall into street, track and race bands, spelled as users type them", () => {
  const cases: [string, string][] = [
    ["street", "street"],
    ["Endurance 200TW", "street"],
    ["super_200tw", "track"],
    ["100TW", "track"],
    ["tw-100", "track"],
    ["R-comp", "race"],
    ["slick", "race"],
    ["rain", UNCLASSIFIED],
  ];
  for (const [category, expected] of cases) {
    assert.equal(tyreClassOf(profile({ tires: { category } })), expected, category);
  }
  assert.equal(tyreClassOf(undefined), UNCLASSIFIED);
  assert.equal(tyreClassOf(profile({ tires: { model: "RS4" } })), UNCLASSIFIED);
  assert.deepEqual(TYRE_CLASSES.map((c) => c.id), ["street", "track", "race", UNCLASSIFIED]);
});

Deno.test("power to weight bands at 150 and 260 W/kg; a profile without a car is unclassified", () => {
  const car = (power_w: number, mass_kg = 1000) => profile({ vehicle: { power_w, mass_kg } });
  assert.equal(powerClassOf(car(150_000)), "low");
  assert.equal(powerClassOf(car(150_001)), "mid");
  assert.equal(powerClassOf(car(260_000, 1450)), "mid"); // the shared sessions' car: 179 W/kg
  assert.equal(powerClassOf(car(260_001)), "high");
  assert.equal(powerClassOf(profile({ vehicle: null })), UNCLASSIFIED);
  assert.equal(powerClassOf(car(0)), UNCLASSIFIED);
  assert.equal(powerClassOf(undefined), UNCLASSIFIED);
  assert.deepEqual(POWER_CLASSES.map((c) => c.id), ["low", "mid", "high", UNCLASSIFIED]);
});
