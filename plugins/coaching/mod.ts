/**
 * The `coaching` plugin: a corner-by-corner coaching report and a chat,
 * from Claude (`@anthropic-ai/sdk`, default model Claude Haiku 4.5) or,
 * without an API key, from a rule-based offline coach with the same schema.
 *
 * The pipeline part is one cheap stage (`coaching-context`). Writing the
 * report and answering questions are the plugin's coach service
 * (`services.coach`, the SDK's `CoachService`), which the server runs in a
 * background job after each analysis and in its chat route; they never run
 * inside `deno task analyze`.
 *
 * On screen: two Debrief panels, the report (`report_panel.ts`: priority
 * corners linked to Deep Dive, grades, drills, regenerate, Markdown export)
 * and the chat (`chat_panel.ts`, the answer streamed as it is written).
 *
 * Better than the original:
 * - The context does not grow with the session: corner KPIs are summarised
 *   (median, best lap, spread) instead of a per-lap table, with a stated
 *   token budget (`CONTEXT_TOKEN_BUDGET`) that the renderer enforces.
 * - Grades are computed by the engine from a rubric (`grades.ts`); the
 *   priority corners, their time on the table and the grades are fixed by the
 *   analysis. The model only writes the words, and cannot inflate a grade,
 *   reorder the priorities or invent a corner.
 * - Every number in the model's text is checked against the context at the
 *   precision quoted (`number_check.ts`); invented numbers are sent back for
 *   a retry and flagged if they survive it.
 * - Validation errors carry paths (`priority_corners[1].how: must not be
 *   empty`) and go back to the model as the tool's error result, once; then
 *   the report fails with the reason, and the offline report stands in.
 * - Calls are streamed with a silence timeout, so a stalled or cut stream
 *   ends the job as failed instead of leaving a shimmer spinning.
 * - Without an API key the workbench still coaches (offline report and
 *   chat); the original answered with a request to set the key.
 * - The chat's topic guardrail refuses injection and plainly off-topic
 *   questions without an API call (deterministic, free), and the system
 *   prompt carries the same rule.
 *
 * @module
 */

import { CoachingContextKey, CornersKey, definePlugin } from "../../sdk/mod.ts";
import { COACHING_VERSION, coachService } from "./service.ts";
import { coachingContextStage } from "./stage.ts";

export { answerQuestion, writeCoachingReport } from "./coach.ts";
export { buildCoachingContext, type CoachingInputs } from "./context.ts";
export { claudeSettingsFromEnv, DEFAULT_MODEL } from "./claude_settings.ts";
export { ClaudeCallError } from "./claude_client.ts";
export { MAX_HISTORY_MESSAGES } from "./chat.ts";
export { OFF_TOPIC_REPLY, screenQuestion } from "./guardrail.ts";
export { offlineReport } from "./offline_coach.ts";
export { CONTEXT_TOKEN_BUDGET, estimateTokens, renderPromptContext } from "./prompt_context.ts";
export { reportErrors } from "./report_schema.ts";
export { costUsd } from "./pricing.ts";
export { COACHING_VERSION, coachService } from "./service.ts";

export default definePlugin({
  id: "coaching",
  version: COACHING_VERSION,
  sdk: "^1.0",
  description: "Corner-by-corner coaching report and chat, from Claude or a rule-based offline coach.",
  stages: [coachingContextStage],
  services: { coach: coachService },
  views: [
    {
      kind: "panel",
      id: "coaching-report",
      title: "Coach's report",
      description: "Where the time is, grades per corner and drills for the next session.",
      in: ["debrief"],
      order: 15,
      needs: [CoachingContextKey],
      optional: [CornersKey],
      module: "./report_panel.ts",
    },
    {
      kind: "panel",
      id: "coaching-chat",
      title: "Ask the coach",
      description: "Questions about this session, answered with its numbers.",
      in: ["debrief"],
      order: 16,
      needs: [CoachingContextKey],
      module: "./chat_panel.ts",
    },
  ],
});
