/**
 * A coaching report written by Claude. The model receives the prompt
 * context and must call the `submit_report` tool, whose input schema is the
 * draft schema; the draft is validated (shape, the fixed priority corners,
 * known corner labels, and that every number is traceable to the context).
 * A draft with problems is sent back once with the list of problems (as
 * the tool's error result); a second failure ends the report as failed
 * with the reason, except when only untraceable numbers remain: then the
 * report is kept and those numbers are flagged for the reader.
 *
 * @module
 */

import type Anthropic from "@anthropic-ai/sdk";
import type {
  CoachingContext,
  CoachModelSettings,
  DriverProfile,
  ReportFailed,
  ReportWritten,
  SkillLevel,
  UntraceableNumber,
} from "../../sdk/mod.ts";
import { formatErrors, type SchemaError } from "./_schema.ts";
import { assembleReport } from "./assemble_report.ts";
import { ClaudeCallError, createClaudeClient, streamMessage } from "./claude_client.ts";
import { resolveClaudeSettings } from "./claude_settings.ts";
import { untraceableNumbers } from "./number_check.ts";
import { addUsage, costUsd, NO_USAGE, usageOf } from "./pricing.ts";
import { priorityCorners } from "./priorities.ts";
import { renderPromptContext } from "./prompt_context.ts";
import { draftErrors, draftSchema, type ReportDraft } from "./report_schema.ts";

/** Name of the tool the model submits its report with. */
export const REPORT_TOOL = "submit_report";

/** Calls made per report at most: the first and one retry with the validation errors. */
export const MAX_REPORT_ATTEMPTS = 2;

/** How a Claude report ended (a failure carries no fallback: `coach.ts` adds the offline report). */
export type ClaudeReportOutcome = ReportWritten | Omit<ReportFailed, "fallback">;

type OutcomeBase = Pick<ReportWritten, "model" | "attempts" | "usage" | "costUsd">;

const SKILL_STYLE: Record<SkillLevel, string> = {
  novice:
    "a novice: plain words, one idea at a time, reference points they can see from the car; no jargon such as trail braking, rotation or weight transfer",
  intermediate: "an intermediate driver: clear technique terms are fine, explain the why in one clause",
  advanced:
    "an advanced driver: precise and technical (trail braking, rotation, release rate, exit speed); skip the basics",
};

/** The instructions (the same for every session of a skill level). */
export function reportSystemPrompt(skill: SkillLevel): string {
  return [
    "You are a motorsport driving coach writing a debrief for a track-day driver from the analysis of their telemetry.",
    "The analysis in the user's message is complete and exact. Do not recompute it.",
    "Rules:",
    "- Quote numbers only exactly as they appear in the analysis (you may round them), with its units (km/h, m, s, g). Never invent, convert or combine numbers: no sums, differences, percentages or mph.",
    "- Name corners only by their labels from the analysis (e.g. T5), optionally with their names.",
    "- priority_corners: exactly the corners under PRIORITY CORNERS, in that order. `what`: what the data shows there, with its numbers. `how`: one concrete change for the next session and why it helps.",
    "- summary: two or three sentences, strengths first, then the biggest opportunity.",
    "- drills: one to three exercises for the next session, each tied to a corner label (or null for the whole lap).",
    "- The grades are computed by the analysis; do not grade corners yourself.",
    `- Write for ${SKILL_STYLE[skill]}.`,
    `Submit the report with the ${REPORT_TOOL} tool.`,
  ].join("\n");
}

/** Asks Claude for a report of `context`. Never throws for API or validation problems: they are outcomes. */
export async function claudeReport(
  context: CoachingContext,
  profile: DriverProfile,
  claude: CoachModelSettings,
  signal?: AbortSignal,
): Promise<ClaudeReportOutcome> {
  const settings = resolveClaudeSettings(claude);
  const contextText = renderPromptContext(context, profile);
  const expected = priorityCorners(context, profile.skill).map((c) => c.label);
  const client = await createClaudeClient(settings);
  const messages: Anthropic.MessageParam[] = [{
    role: "user",
    content: `${contextText}\n\nWrite the coaching report and submit it with the ${REPORT_TOOL} tool.`,
  }];
  let usage = NO_USAGE;
  const base = (attempts: number): OutcomeBase => ({
    model: settings.model,
    attempts,
    usage,
    costUsd: costUsd(settings.model, usage),
  });
  let problems: { schema: SchemaError[]; numbers: UntraceableNumber[] } = { schema: [], numbers: [] };
  for (let attempt = 1; attempt <= MAX_REPORT_ATTEMPTS; attempt++) {
    let message: Anthropic.Message;
    try {
      message = await streamMessage(client, settings, {
        model: settings.model,
        max_tokens: settings.reportMaxTokens,
        system: reportSystemPrompt(profile.skill),
        tools: [{
          name: REPORT_TOOL,
          description: "Submit the coaching report for this session.",
          input_schema: draftSchema.jsonSchema as Anthropic.Tool.InputSchema,
        }],
        tool_choice: { type: "tool", name: REPORT_TOOL },
        messages,
      }, signal).message();
    } catch (error) {
      const failure = error instanceof ClaudeCallError ? error : new ClaudeCallError(String(error), false);
      return {
        status: "failed",
        error: failure.message,
        retryable: failure.retryable,
        retryAfterMs: failure.retryAfterMs,
        ...base(attempt),
      };
    }
    usage = addUsage(usage, usageOf(message.usage));
    const submitted = submittedDraft(message);
    problems = { schema: draftErrors(submitted.value, context, expected), numbers: [] };
    if (message.stop_reason === "max_tokens") {
      problems.schema.push({ path: "", message: "the answer was cut at the output token limit: write less" });
    }
    if (problems.schema.length === 0) problems.numbers = untraceableNumbers(submitted.value, contextText);
    if (problems.schema.length === 0 && (problems.numbers.length === 0 || attempt === MAX_REPORT_ATTEMPTS)) {
      return {
        status: "ready",
        report: assembleReport(submitted.value as ReportDraft, context, "claude"),
        untraceable: problems.numbers,
        ...base(attempt),
      };
    }
    messages.push(...retryMessages(message, submitted.toolUseId, problemList(problems)));
  }
  return {
    status: "failed",
    error: `Claude's report failed validation twice:\n${problemList(problems)}`,
    retryable: false,
    retryAfterMs: null,
    ...base(MAX_REPORT_ATTEMPTS),
  };
}

/** The submitted draft: the tool's input, or JSON in a text answer; `undefined` when there is none. */
function submittedDraft(message: Anthropic.Message): { value: unknown; toolUseId: string | null } {
  for (const block of message.content) {
    if (block.type === "tool_use" && block.name === REPORT_TOOL) {
      return { value: block.input, toolUseId: block.id };
    }
  }
  const text = message.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  try {
    return { value: json ? JSON.parse(json) : undefined, toolUseId: null };
  } catch {
    return { value: undefined, toolUseId: null };
  }
}

function problemList(problems: { schema: SchemaError[]; numbers: UntraceableNumber[] }): string {
  const numbers = problems.numbers.map((n) => ({
    path: n.path,
    message: `${n.value} is not a number of the analysis (quote only numbers it contains)`,
  }));
  return formatErrors([...problems.schema, ...numbers]);
}

/** The model's answer and our reply listing its problems, for the retry. */
function retryMessages(
  message: Anthropic.Message,
  toolUseId: string | null,
  problems: string,
): Anthropic.MessageParam[] {
  const content: Anthropic.ContentBlockParam[] = message.content.flatMap(
    (b): Anthropic.ContentBlockParam[] => {
      if (b.type === "text") return [{ type: "text", text: b.text }];
      if (b.type === "tool_use") return [{ type: "tool_use", id: b.id, name: b.name, input: b.input }];
      return [];
    },
  );
  const fix =
    `The report has these problems:\n${problems}\nFix them and submit the whole report again with the ${REPORT_TOOL} tool.`;
  return [
    { role: "assistant", content: content.length > 0 ? content : [{ type: "text", text: "(no report)" }] },
    {
      role: "user",
      content: toolUseId
        ? [{ type: "tool_result", tool_use_id: toolUseId, is_error: true, content: fix }]
        : fix,
    },
  ];
}
