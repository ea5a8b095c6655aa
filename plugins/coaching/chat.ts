/**
 * The coach's chat with Claude: a streamed answer to a follow-up question,
 * with the session's context and the report in the system prompt and the
 * recent conversation as messages (the last {@linkcode MAX_HISTORY_MESSAGES},
 * the original's window).
 *
 * @module
 */

import type Anthropic from "@anthropic-ai/sdk";
import type { ChatMessage, CoachingReport, CoachModelSettings, CoachUsage } from "../../sdk/mod.ts";
import { createClaudeClient, streamMessage } from "./claude_client.ts";
import { resolveClaudeSettings } from "./claude_settings.ts";
import { TOPIC_RULE } from "./guardrail.ts";
import { costUsd, usageOf } from "./pricing.ts";

/** Messages of the conversation sent with a question, at most. */
export const MAX_HISTORY_MESSAGES = 12;

/** What a Claude answer is built from. */
export interface ClaudeChatRequest {
  /** The prompt context text (`renderPromptContext`). */
  contextText: string;
  /** The session's report, or null. */
  report: CoachingReport | null;
  /** Earlier messages, oldest first. */
  history: readonly ChatMessage[];
  /** The question. */
  question: string;
  /** Claude settings. */
  claude: CoachModelSettings;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** The chat's instructions: role, topic rule, the session's data and report. */
export function chatSystemPrompt(contextText: string, report: CoachingReport | null): string {
  return [
    "You are this driver's motorsport coach, answering follow-up questions about the session below.",
    "Answer in at most 150 words. Use the session's numbers exactly as written (with their units); never invent, convert or combine numbers. Name corners by their labels (e.g. T5).",
    "If the data cannot answer a question, say so and say what to log or try next time.",
    TOPIC_RULE,
    "",
    "SESSION ANALYSIS",
    contextText,
    ...(report ? ["", "YOUR REPORT ON THIS SESSION (JSON)", JSON.stringify(report)] : []),
  ].join("\n");
}

/** The last {@linkcode MAX_HISTORY_MESSAGES} messages, starting with a question. */
export function recentHistory(history: readonly ChatMessage[]): ChatMessage[] {
  const recent = history.slice(-MAX_HISTORY_MESSAGES);
  const firstQuestion = recent.findIndex((m) => m.role === "user");
  return firstQuestion < 0 ? [] : recent.slice(firstQuestion);
}

/**
 * Streams Claude's answer as text deltas; returns what it cost. Throws a
 * `ClaudeCallError` when the call fails, possibly after some text.
 */
export async function* claudeChatAnswer(request: ClaudeChatRequest): AsyncGenerator<string, CoachUsage> {
  const settings = resolveClaudeSettings(request.claude);
  const client = await createClaudeClient(settings);
  const messages: Anthropic.MessageParam[] = [
    ...recentHistory(request.history).map((m) => ({ role: m.role, content: m.content })),
    { role: "user", content: request.question.trim() },
  ];
  const call = streamMessage(client, settings, {
    model: settings.model,
    max_tokens: settings.chatMaxTokens,
    system: chatSystemPrompt(request.contextText, request.report),
    messages,
  }, request.signal);
  yield* call.text;
  const usage = usageOf((await call.message()).usage);
  return { model: settings.model, usage, costUsd: costUsd(settings.model, usage) };
}
