import assert from "node:assert/strict";
import { type ArtifactKey, type ArtifactReader, CoachingContextKey } from "../../sdk/mod.ts";
import { stageContext } from "../../sdk/testing/mod.ts";
import { testInputs } from "./_test_inputs.ts";
import { buildCoachingContext } from "./context.ts";
import { coachService } from "./service.ts";
import { coachingContextStage } from "./stage.ts";

/** A reader over the test artifacts by id, optionally without some. */
function reader(values: Record<string, unknown>): ArtifactReader {
  return { get: <T>(key: ArtifactKey<T>) => Promise.resolve(values[key.id] as T | undefined) };
}

const inputs = testInputs();
const byId: Record<string, unknown> = {
  track: inputs.track,
  laps: inputs.laps,
  corners: inputs.corners,
  "corner-kpis": inputs.cornerKpis,
  gains: inputs.gains,
  consistency: inputs.consistency,
  delta: inputs.delta,
  "physics-gains": inputs.physicsGains,
  "lap-tags": inputs.lapTags,
};

Deno.test("the service reads the stored context, or builds it from the artifacts there are", async () => {
  const built = buildCoachingContext(inputs);
  assert.deepEqual(await coachService.context(reader(byId)), built, "built from the artifacts");
  const stored = { ...built!, totalLaps: 99 };
  assert.equal((await coachService.context(reader({ [CoachingContextKey.id]: stored })))!.totalLaps, 99);
  const { "physics-gains": _, ...noPhysics } = byId;
  const without = await coachService.context(reader(noPhysics));
  assert.ok(
    without && without.corners.every((c) => c.target === null),
    "no physics: no targets, still a context",
  );
  assert.equal(await coachService.context(reader({})), null, "no laps: nothing to coach");
});

Deno.test("the service picks Claude only with an API key", () => {
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  assert.equal(coachService.modelFromEnv(env({})), null);
  assert.equal(coachService.modelFromEnv(env({ ANTHROPIC_API_KEY: "  " })), null);
  assert.deepEqual(
    coachService.modelFromEnv(env({ ANTHROPIC_API_KEY: "k", COACHING_MODEL: "claude-sonnet-4-6" })),
    {
      apiKey: "k",
      model: "claude-sonnet-4-6",
      baseUrl: undefined,
      timeoutMs: undefined,
    },
  );
  assert.equal(coachService.modelFromEnv(env({ ANTHROPIC_API_KEY: "k" }))!.model, "claude-haiku-4-5");
});

Deno.test("the stage never throws on degenerate sessions and says why there is nothing", async () => {
  const ctx = stageContext("coaching", "coaching-context");
  const none = await coachingContextStage.run(
    ctx,
    {
      ...inputs,
      laps: [],
      gains: null,
      consistency: null,
      delta: [],
      physicsGains: null,
      lapTags: [],
    } as never,
  );
  assert.equal(none.context, null);
  assert.equal(ctx.diagnostics[0].code, "no_analysed_lap");
  const noCorners = stageContext("coaching", "coaching-context");
  const result = await coachingContextStage.run(
    noCorners,
    { ...inputs, corners: [], cornerKpis: [] } as never,
  );
  assert.deepEqual(result.context!.corners, []);
  assert.equal(noCorners.diagnostics[0].code, "no_corners");
});
