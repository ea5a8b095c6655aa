/**
 * Writing a report (with Claude when model settings are given, else the
 * offline coach) and answering a question (guardrail first, then Claude or
 * the offline coach). Neither runs in the analysis pipeline: a report costs
 * money and seconds, so the server runs it as a background job after the
 * analysis (see `service.ts`).
 *
 * @module
 */

import type {
  AnswerOutcome,
  CoachingContext,
  CoachModelSettings,
  CoachQuestion,
  DriverProfile,
  ReportOutcome,
} from "../../sdk/mod.ts";
import { claudeChatAnswer } from "./chat.ts";
import { claudeReport } from "./claude_report.ts";
import { screenQuestion } from "./guardrail.ts";
import { offlineAnswer } from "./offline_chat.ts";
import { offlineReport } from "./offline_coach.ts";
import { NO_USAGE } from "./pricing.ts";
import { renderPromptContext } from "./prompt_context.ts";

/** What a report is written with. */
export interface CoachOptions {
  /** Skill level, equipment, car. */
  profile: DriverProfile;
  /** Claude settings, or null for the offline coach. */
  model: CoachModelSettings | null;
  /** Cancels a Claude call. */
  signal?: AbortSignal;
}

/** Writes a report. Never throws for API or validation problems: a failure carries the offline report. */
export async function writeCoachingReport(
  context: CoachingContext,
  options: CoachOptions,
): Promise<ReportOutcome> {
  if (!options.model) {
    return {
      status: "ready",
      report: offlineReport(context, options.profile.skill),
      untraceable: [],
      model: null,
      attempts: 0,
      usage: NO_USAGE,
      costUsd: 0,
    };
  }
  const outcome = await claudeReport(context, options.profile, options.model, options.signal);
  if (outcome.status === "ready") return outcome;
  return { ...outcome, fallback: offlineReport(context, options.profile.skill) };
}

/**
 * Streams the answer to a question as text deltas and returns how it was
 * produced. Refused questions get the guardrail's sentence; without model
 * settings the offline coach answers. Throws a `ClaudeCallError` when a
 * Claude call fails (possibly after some text).
 */
export async function* answerQuestion(request: CoachQuestion): AsyncGenerator<string, AnswerOutcome> {
  const offline = { model: null, usage: NO_USAGE, costUsd: 0, source: "offline" as const };
  const verdict = screenQuestion(request.question);
  if (!verdict.allowed) {
    yield verdict.reply;
    return { ...offline, refused: true };
  }
  if (!request.model) {
    yield offlineAnswer(request.context, request.report, request.question);
    return { ...offline, refused: false };
  }
  const usage = yield* claudeChatAnswer({
    contextText: renderPromptContext(request.context, request.profile),
    report: request.report,
    history: request.history,
    question: request.question,
    claude: request.model,
    signal: request.signal,
  });
  return { ...usage, source: "claude", refused: false };
}
