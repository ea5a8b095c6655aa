import assert from "node:assert/strict";
import { SessionKey } from "../sdk/mod.ts";
import { createRegistry, RegistrationError } from "./registry.ts";
import { A, fakeFormatPlugin, stagePlugin } from "./testing/fake_plugins.ts";

Deno.test("register returns a disposable that removes the plugin, once", () => {
  const registry = createRegistry();
  const handle = registry.register(stagePlugin("one", { s: SessionKey }, { a: A }));
  assert.equal(registry.stages().length, 1);
  handle.dispose();
  handle.dispose();
  assert.equal(registry.stages().length, 0);
  assert.equal(registry.plugins().length, 0);
});

Deno.test("register works with `using`", () => {
  const registry = createRegistry();
  {
    using _handle = registry.register(fakeFormatPlugin);
    assert.equal(registry.formats().length, 1);
  }
  assert.equal(registry.formats().length, 0);
});

Deno.test("a second producer of one artifact is refused at registration, leaving the registry unchanged", () => {
  const registry = createRegistry();
  registry.register(stagePlugin("first", { s: SessionKey }, { a: A }));
  assert.throws(
    () => registry.register(stagePlugin("second", { s: SessionKey }, { a: A })),
    (e: unknown) =>
      e instanceof RegistrationError && e.plugin === "second" &&
      /already produced by stage "first-stage"/.test(e.message),
  );
  assert.deepEqual(registry.plugins().map((p) => p.id), ["first"]);
});

Deno.test("duplicate plugin ids and incompatible SDK ranges are refused with a reason", () => {
  const registry = createRegistry();
  registry.register(stagePlugin("same", { s: SessionKey }, { a: A }));
  assert.throws(() => registry.register({ ...fakeFormatPlugin, id: "same" }), /already registered/);
  assert.throws(() => registry.register({ ...fakeFormatPlugin, sdk: "^2.0" }), /needs SDK \^2\.0/);
  assert.throws(() => registry.register({ ...fakeFormatPlugin, id: "Bad Id" }), /kebab-case/);
});
