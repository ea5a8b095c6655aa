import assert from "node:assert/strict";
import { definePlugin } from "../../sdk/mod.ts";
import { createTestWorkbench } from "../../sdk/testing/mod.ts";
import { createRegistry } from "../registry.ts";
import { runAnalysisHooks, runSessionDeletedHooks } from "./plugin_hooks.ts";

/** A plugin that notes each analysed session once `gate` opens, and forgets it when the session is deleted. */
function notingPlugin(gate: Promise<void>) {
  return definePlugin({
    id: "noting",
    version: "1.0.0",
    sdk: "^1.0",
    description: "Fixture: remembers analysed sessions.",
    async onAnalysis({ session, services }) {
      await gate;
      await services.store.put("seen", session.id, { seen: true });
    },
    onSessionDeleted: async ({ session, services }) => void await services.store.delete("seen", session.id),
  });
}

Deno.test("a session deleted while an analysis hook still writes leaves nothing of that plugin's behind", async () => {
  const bench = createTestWorkbench();
  bench.addUser({ id: "ann" });
  const session = bench.addSession({ id: "s1", userId: "ann" });
  let open = () => {};
  const plugin = notingPlugin(new Promise<void>((resolve) => open = resolve));
  const registry = createRegistry();
  registry.register(plugin);
  const logged: string[] = [];
  const hooks = runAnalysisHooks(registry, (id) => bench.services(id), "s1", (line) => logged.push(line));
  // The driver deletes the session while the hook waits; its deletion hooks run at once.
  bench.deleteSession("s1");
  await runSessionDeletedHooks(registry, (id) => bench.services(id), session);
  open(); // now the analysis hook writes its record, after the deletion hooks
  await hooks;
  assert.equal(await bench.services("noting").store.get("seen", "s1"), undefined);
  assert.deepEqual(logged, []);
});

Deno.test("analysis hooks stop for a session deleted before their turn; a throwing hook is logged, the next runs", async () => {
  const bench = createTestWorkbench();
  bench.addUser({ id: "ann" });
  bench.addSession({ id: "s1", userId: "ann" });
  const ran: string[] = [];
  const registry = createRegistry();
  registry.register(definePlugin({
    id: "thrower",
    version: "1.0.0",
    sdk: "^1.0",
    description: "Fixture: throws.",
    onAnalysis: () => {
      ran.push("thrower");
      throw new Error("boom");
    },
  }));
  registry.register(definePlugin({
    id: "deleter",
    version: "1.0.0",
    sdk: "^1.0",
    description: "Fixture: the session goes while it runs.",
    onAnalysis: () => {
      ran.push("deleter");
      bench.deleteSession("s1");
    },
  }));
  registry.register(notingPlugin(Promise.resolve()));
  const logged: string[] = [];
  await runAnalysisHooks(registry, (id) => bench.services(id), "s1", (line) => logged.push(line));
  assert.deepEqual(ran, ["thrower", "deleter"]);
  assert.equal(
    await bench.services("noting").store.get("seen", "s1"),
    undefined,
    "no hook after the deletion",
  );
  assert.equal(logged.length, 1);
  assert.match(logged[0], /plugin "thrower" analysis hook for session s1 failed: boom/);
});
