import assert from "node:assert/strict";
import { SessionKey } from "../sdk/mod.ts";
import { planStages } from "./plan.ts";
import { createRegistry } from "./registry.ts";
import { A, B, C, stagePlugin } from "./testing/fake_plugins.ts";

Deno.test("stages run after the producers of what they consume, whatever the registration order", () => {
  const registry = createRegistry();
  registry.register(stagePlugin("third", { b: B }, { c: C }));
  registry.register(stagePlugin("second", { a: A }, { b: B }));
  registry.register(stagePlugin("first", { s: SessionKey }, { a: A }));
  const plan = planStages(registry.stages(), [SessionKey.id]);
  assert.deepEqual(plan.order.map((s) => s.plugin), ["first", "second", "third"]);
  assert.equal(plan.problems.length, 0);
});

Deno.test("a consumed artifact nobody produces is reported at planning, naming plugin and stage", () => {
  const registry = createRegistry();
  registry.register(stagePlugin("orphan", { b: B }, { c: C }));
  registry.register(stagePlugin("fine", { s: SessionKey }, { a: A }));
  const plan = planStages(registry.stages(), [SessionKey.id]);
  assert.deepEqual(plan.order.map((s) => s.plugin), ["fine"]);
  assert.equal(plan.problems.length, 1);
  assert.equal(plan.problems[0].severity, "error");
  assert.equal(plan.problems[0].plugin, "orphan");
  assert.equal(plan.problems[0].stage, "orphan-stage");
  assert.match(plan.problems[0].message, /"fake-b".*no registered stage produces/);
});

Deno.test("a stage downstream of a missing producer is disabled too", () => {
  const registry = createRegistry();
  registry.register(stagePlugin("orphan", { b: B }, { c: C }));
  registry.register(stagePlugin("downstream", { c: C }, { a: A }));
  const plan = planStages(registry.stages(), [SessionKey.id]);
  assert.equal(plan.order.length, 0);
  assert.ok(plan.disabled.has("downstream-stage"));
  assert.ok(plan.problems.some((p) => p.plugin === "downstream" && /cannot be produced/.test(p.message)));
});

Deno.test("a dependency cycle is reported with its path and its stages are disabled", () => {
  const registry = createRegistry();
  registry.register(stagePlugin("x", { a: A }, { b: B }));
  registry.register(stagePlugin("y", { b: B }, { a: A }));
  registry.register(stagePlugin("z", { s: SessionKey }, { c: C }));
  const plan = planStages(registry.stages(), [SessionKey.id]);
  assert.deepEqual(plan.order.map((s) => s.plugin), ["z"]);
  const cycleErrors = plan.problems.filter((p) => p.severity === "error");
  assert.equal(cycleErrors.length, 2);
  for (const e of cycleErrors) {
    assert.match(e.message, /cycle: (x-stage → y-stage → x-stage|y-stage → x-stage → y-stage)/);
  }
});
