import assert from "node:assert/strict";
import type { CoachingContext, CornerCoachingSummary } from "../../sdk/mod.ts";
import { testInputs } from "./_test_inputs.ts";
import { buildCoachingContext } from "./context.ts";
import {
  CONTEXT_TOKEN_BUDGET,
  estimateTokens,
  MAX_LISTED_LAPS,
  renderPromptContext,
} from "./prompt_context.ts";

const context = () => buildCoachingContext(testInputs())!;
const rowOf = (text: string, label: string) =>
  text.split("\n").find((line) => line.startsWith(`${label} `) || line.startsWith(`${label} |`))!;

Deno.test("the prompt context states the session from the artifacts", () => {
  const inputs = testInputs();
  const text = renderPromptContext(context(), { skill: "novice" });
  assert.match(text, /track: Test Ring, 2000 m/);
  assert.match(text, /laps: 5 in the session, 4 analysed/);
  for (const lap of inputs.laps.filter((l) => l.included)) {
    assert.ok(text.includes(`L${lap.number} ${lap.timeS!.toFixed(2)}`));
  }
  assert.match(text, /best lap: L4, 101\.40 s/);
  assert.ok(
    text.includes(
      `theoretical best (best corner and straight times stitched): ${
        inputs.gains!.theoreticalBestS.toFixed(2)
      } s`,
    ),
  );
  assert.ok(text.includes(`${inputs.physicsGains!.optimalLapTimeS.toFixed(2)} s`));
  assert.match(text, /analysed laps flagged by automatic tags: L3 \(mistake\)/);
  assert.match(text, /driver skill level: novice/);
});

Deno.test("each corner gets one row with its summary numbers and grades", () => {
  const c = context();
  const text = renderPromptContext(c, { skill: "intermediate" });
  for (const corner of c.corners) {
    const row = rowOf(text, corner.label);
    assert.ok(row, `row of ${corner.label}`);
    const v = corner.minSpeedKmh;
    assert.ok(
      row.includes(
        `${v.best.toFixed(1)}/${v.median.toFixed(1)}/${v.bestLap!.toFixed(1)}/${v.std!.toFixed(1)}`,
      ),
      row,
    );
    assert.ok(row.includes(`=${corner.timeOnTableS.toFixed(2)}`), row);
    const g = corner.grades;
    assert.ok(row.endsWith(`${g.braking}/${g.minSpeed}/${g.throttle}/${g.consistency}`), row);
  }
  assert.ok(rowOf(text, "T2").startsWith("T2 (The Kink) | right |"), "name and direction, no braking");
  const t1 = c.corners[0];
  assert.ok(
    rowOf(text, "T1").includes(
      `${t1.target!.minSpeedKmh.toFixed(1)} (+${t1.target!.speedGapKmh!.toFixed(1)})`,
    ),
  );
  assert.ok(
    rowOf(text, "T1").includes(`${t1.target!.brakePointM!.toFixed(0)} (-8)`),
    "the best lap brakes 8 m earlier",
  );
});

Deno.test("the priority corners are the ranking's top, as many as the skill level takes", () => {
  const c = context();
  const line = (skill: "novice" | "advanced") => renderPromptContext(c, { skill }).split("\n").at(-1)!;
  const label = (n: number) => c.corners.find((x) => x.corner === n)!;
  const [first, second, third] = c.ranking.map(label);
  assert.equal(
    line("novice"),
    `${first.label} ${first.timeOnTableS.toFixed(2)} s, ${second.label} ${second.timeOnTableS.toFixed(2)} s`,
  );
  assert.ok(line("advanced").endsWith(`${third.label} ${third.timeOnTableS.toFixed(2)} s`));
});

Deno.test("equipment and a given car are stated", () => {
  const text = renderPromptContext(context(), {
    skill: "advanced",
    equipment: "  Toyo R888R 225/45R17,\n street pads ",
    vehicle: {
      massKg: 1300,
      powerW: 150000,
      cdaM2: 0.7,
      crr: 0.015,
      muLat: 1.2,
      muBrake: 1.1,
      muAccel: 0.9,
      rhoKgM3: 1.2,
    },
  });
  assert.match(text, /equipment: Toyo R888R 225\/45R17, street pads/);
  assert.match(text, /car: 1300 kg, 150 kW at the wheels, grip 1\.20 g lateral, 1\.10 g braking/);
});

Deno.test("the prompt context is deterministic", () => {
  assert.equal(
    renderPromptContext(context(), { skill: "novice" }),
    renderPromptContext(context(), { skill: "novice" }),
  );
});

/** The test context with `n` copies of its corners and `laps` laps. */
function bigContext(n: number, laps: number): CoachingContext {
  const c = context();
  const corners: CornerCoachingSummary[] = Array.from({ length: n }, (_, i) => ({
    ...c.corners[i % c.corners.length],
    corner: i + 1,
    label: `T${i + 1}`,
    name: `Corner with a long official name number ${i + 1}`,
    timeOnTableS: 0.001 * (i % 37),
  }));
  return {
    ...c,
    laps: Array.from({ length: laps }, (_, i) => ({ lap: i + 2, timeS: 100 + (i % 7) * 0.31 })),
    corners,
    ranking: [...corners].sort((a, b) => b.timeOnTableS - a.timeOnTableS || a.corner - b.corner).map((x) =>
      x.corner
    ),
  };
}

Deno.test("a circuit with many corners is shortened, lowest time on the table first, to stay within the budget", () => {
  const c = bigContext(60, 30);
  const text = renderPromptContext(c, { skill: "intermediate" });
  assert.ok(estimateTokens(text) <= CONTEXT_TOKEN_BUDGET, `${estimateTokens(text)} tokens`);
  const rows = text.split("\n").filter((l) => /^T\d+ .* \| /.test(l));
  assert.equal(rows.length, 60, "every corner keeps a row");
  const full = rows.filter((r) => !r.includes("| time on table ")).map((r) => r.split(" ")[0]);
  assert.ok(full.length > 0 && full.length < 60);
  assert.deepEqual(full.sort(), c.ranking.slice(0, full.length).map((n) => `T${n}`).sort());
});

Deno.test("with even more corners the least important are left out, never a priority corner", () => {
  const c = bigContext(400, 30);
  const text = renderPromptContext(c, { skill: "advanced" });
  assert.ok(estimateTokens(text) <= CONTEXT_TOKEN_BUDGET, `${estimateTokens(text)} tokens`);
  const shown = new Set(text.split("\n").filter((l) => /^T\d+ .* \| /.test(l)).map((r) => r.split(" ")[0]));
  assert.match(
    text,
    new RegExp(`\\(${400 - shown.size} more corners with the least time on the table left out\\)`),
  );
  for (const n of c.ranking.slice(0, 4)) assert.ok(shown.has(`T${n}`), `priority T${n} shown`);
  for (const n of c.ranking.slice(shown.size)) assert.ok(!shown.has(`T${n}`), `T${n} left out`);
});

Deno.test("lap times are listed for at most MAX_LISTED_LAPS laps, the fastest", () => {
  const c = bigContext(3, MAX_LISTED_LAPS + 50);
  const line = renderPromptContext(c, { skill: "intermediate" }).split("\n").find((l) =>
    l.startsWith("lap times")
  )!;
  assert.equal(line.match(/L\d+ /g)!.length, MAX_LISTED_LAPS);
  assert.match(line, /^lap times of the 100 fastest laps/);
  const slowest = Math.max(...c.laps.map((l) => l.timeS));
  assert.ok(!line.includes(slowest.toFixed(2)));
});

Deno.test("the driver's own tags are stated: laps left out, and notes", () => {
  const text = renderPromptContext(
    buildCoachingContext({ ...testInputs(), userLapTags: { "2": ["traffic"], "5": ["rain", "new pads"] } })!,
    { skill: "advanced" },
  );
  assert.match(text, /laps the driver left out of the analysis, with their tags: L2 \(traffic\)/);
  assert.match(text, /the driver's own lap notes: L5 \(rain, new pads\)/);
  assert.doesNotMatch(renderPromptContext(context(), { skill: "advanced" }), /driver's own lap notes/);
});
