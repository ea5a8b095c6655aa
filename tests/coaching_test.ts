/**
 * Coaching through the whole pipeline on the shared sessions.
 *
 * Offline coach acceptance: its priority corners are the corners with the
 * largest truth time loss, at least 2 of the top 3. Truth time loss, from
 * the `.truth.json` per-lap corners:
 * - laps: the truth's complete flying laps (kind `flying` or `mistake`);
 * - per truth corner: the mean over those laps of `time_in_corner_s` minus
 *   the corner's best `time_in_corner_s` over those laps (what the driver
 *   loses there on an average lap against their own best);
 * - per corner of ours: the sum over the truth corners whose apex lies in our
 *   corner's entry..exit (± 10 m); our corners may join several official
 *   turns (`T2-4`).
 * Sessions with fewer than two truth flying laps have no loss and are skipped.
 * Measured: all three of the top 3 on the Barber sessions (CSV, VBOX, AiM,
 * faults) and Roebling, 2 of 3 on Atlanta (the offline coach also counts
 * the straight after a corner, which its exit speed feeds; the truth's
 * corner times stop at the exit).
 *
 * Token budget: the prompt context of the 2-hour 25 Hz session (71 laps)
 * is measured against `CONTEXT_TOKEN_BUDGET` (3,000 estimated tokens;
 * measured about 1,600).
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";
import {
  bestLap,
  CoachingContextKey,
  type Corner,
  CornerKpisKey,
  CornersKey,
  GainsKey,
  LapsKey,
} from "../sdk/mod.ts";
import {
  haveSessions,
  haveSynthTool,
  listSessions,
  readSession,
  readTruth,
  synthSession,
  type Truth,
} from "../sdk/testing/mod.ts";
import {
  CONTEXT_TOKEN_BUDGET,
  estimateTokens,
  offlineReport,
  renderPromptContext,
} from "../plugins/coaching/mod.ts";

/** A truth corner belongs to ours when its apex is inside our entry..exit widened by this, m. */
const APEX_MARGIN_M = 10;
/** Of the offline coach's 3 priorities, at least this many are among the 3 corners with the largest truth loss. */
const MIN_SHARED_OF_TOP_3 = 2;

const ROOT = new URL("../", import.meta.url);
const builtin: string[] = JSON.parse(await Deno.readTextFile(new URL("plugins/builtin.json", ROOT)));
const extra = ["optimal-comparison", "coaching"].filter((id) => !builtin.includes(id));
const { registry } = await loadPlugins({
  pluginDirs: extra.map((id) => new URL(`plugins/${id}`, ROOT).pathname),
});

const withSessions = haveSessions();
if (!withSessions) console.warn("coaching_test: the shared sample sessions are missing; skipped");

async function run(file: string, bytes: Uint8Array) {
  const result = await analyze(registry, { file, bytes });
  return result.artifacts;
}

/** Truth time loss per corner of ours (see the module documentation). */
function truthLoss(truth: Truth, corners: readonly Corner[]): Map<string, number> {
  const laps = truth.laps.filter((l) => l.complete && (l.kind === "flying" || l.kind === "mistake"));
  const lossOf = truth.corners.map((_, k) => {
    const times = laps.map((l) => l.corners[k].time_in_corner_s);
    const best = Math.min(...times);
    return times.reduce((sum, t) => sum + t - best, 0) / times.length;
  });
  return new Map(corners.map((c) => [
    c.label,
    truth.corners.reduce(
      (
        sum,
        tc,
        k,
      ) => (tc.apex_m >= c.entryM - APEX_MARGIN_M && tc.apex_m <= c.exitM + APEX_MARGIN_M
        ? sum + lossOf[k]
        : sum),
      0,
    ),
  ]));
}

for (const file of withSessions ? listSessions() : []) {
  Deno.test(`offline coach on ${file}: priority corners are those with the largest truth time loss`, async () => {
    const truth = await readTruth(file);
    const flying = truth.laps.filter((l) => l.complete && (l.kind === "flying" || l.kind === "mistake"));
    const artifacts = await run(file, await readSession(file));
    const context = artifacts.get(CoachingContextKey);
    assert.ok(context, "the coaching context was built");
    const report = offlineReport(context, "intermediate");
    if (flying.length < 2) {
      assert.deepEqual(report.priority_corners, [], "one lap: nothing to compare, no priorities");
      return;
    }
    const loss = truthLoss(truth, artifacts.get(CornersKey)!);
    const truthTop = [...loss].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([label]) => label);
    const ours = report.priority_corners.map((p) => p.corner);
    assert.equal(ours.length, 3);
    const shared = ours.filter((label) => truthTop.includes(label)).length;
    assert.ok(shared >= MIN_SHARED_OF_TOP_3, `priorities ${ours} vs truth top ${truthTop}: ${shared} shared`);
  });
}

Deno.test({
  name: "the prompt context is built from the artifacts, deterministically",
  ignore: !withSessions,
  async fn() {
    const file = "barber-8laps.csv";
    const bytes = await readSession(file);
    const artifacts = await run(file, bytes);
    const context = artifacts.get(CoachingContextKey)!;
    const laps = artifacts.get(LapsKey)!;
    const best = bestLap(laps)!;
    const corners = artifacts.get(CornersKey)!;
    const bestKpis = artifacts.get(CornerKpisKey)!.find((l) => l.lap === best.number)!;
    const gains = artifacts.get(GainsKey)!;
    assert.equal(context.bestLap, best.number);
    assert.deepEqual(context.corners.map((c) => c.label), corners.map((c) => c.label));
    for (const summary of context.corners) {
      const kpi = bestKpis.corners.find((k) => k.corner === summary.corner)!;
      assert.ok(Math.abs(summary.minSpeedKmh.bestLap! - kpi.minSpeedMps * 3.6) < 1e-9, summary.label);
      const segment = gains.segments.find((s) => s.segment.id === summary.label)!;
      assert.ok(Math.abs(summary.consistencyGainS! - segment.consistencyS) < 1e-12, summary.label);
    }
    const text = renderPromptContext(context, { skill: "intermediate" });
    assert.ok(text.includes(`best lap: L${best.number}, ${best.timeS!.toFixed(2)} s`));
    for (const c of corners) {
      assert.ok(text.includes(`\n${c.name ? `${c.label} (${c.name})` : c.label} | `), c.label);
    }
    const again = (await run(file, bytes)).get(CoachingContextKey)!;
    assert.equal(renderPromptContext(again, { skill: "intermediate" }), text);
  },
});

Deno.test({
  name: "the 2-hour session's prompt context stays under the token budget",
  ignore: !haveSynthTool(),
  async fn() {
    const file = join(new URL("bench-data/", ROOT).pathname, "barber-2h.csv");
    try {
      await Deno.stat(file);
    } catch {
      await Deno.mkdir(new URL("bench-data/", ROOT), { recursive: true });
      await synthSession({ track: "barber-motorsports-park", hours: 2, seed: 1, out: file });
    }
    const context = (await run("barber-2h.csv", await Deno.readFile(file))).get(CoachingContextKey)!;
    assert.ok(context.laps.length > 60, `${context.laps.length} analysed laps`);
    const text = renderPromptContext(context, { skill: "advanced", equipment: "Street tyres, track pads" });
    assert.ok(estimateTokens(text) <= CONTEXT_TOKEN_BUDGET, `${estimateTokens(text)} tokens`);
    assert.ok(!text.includes("left out"), "every corner fits");
  },
});
