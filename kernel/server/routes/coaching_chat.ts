/**
 * The coaching chat of a session:
 * - `POST /api/coaching/{session_id}/chat` `{question, skill_level?}` answers
 *   as server-sent events: `start` `{source, note}`, `delta` `{text}` per
 *   piece of the answer, then `done` `{source, refused, model, usage}` or
 *   `error` `{message, retryable}`; a finished exchange is stored, a failed
 *   one is not;
 * - `GET /api/coaching/{session_id}/chat` → `{messages: [...]}`;
 * - `DELETE /api/coaching/{session_id}/chat` clears it.
 *
 * The answer sees the session's context, its report (or the offline
 * fallback) and the conversation; the user's daily budget decides whether
 * the model answers or the offline coach does.
 *
 * @module
 */

import { streamSSE } from "hono/streaming";
import type { AnswerOutcome, CoachingReport } from "../../../sdk/mod.ts";
import { type CoachingRuntime, modelWithinBudget, totalInputTokens } from "../../jobs/coaching_job.ts";
import {
  appendCoachingExchange,
  clearCoachingMessages,
  getCoachingReport,
  listCoachingMessages,
  recordCoachingUsage,
} from "../../storage/coaching.ts";
import { driverProfile, SKILL_LEVELS } from "../../storage/driver_profile.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import { COACHING_SESSION, requestedSkill, requireAnalysed } from "./coaching_report.ts";

/** Longest question accepted by the API, characters (the coach's guardrail refuses beyond 2,000). */
const MAX_QUESTION_CHARS = 4000;

/** Chat routes. */
export function coachingChatRoutes(ctx: ServerContext, coaching: CoachingRuntime): AnyApiRoute[] {
  const db = ctx.storage.db;
  return [
    defineApiRoute({
      method: "POST",
      path: "/api/coaching/{session_id}/chat",
      summary:
        "Asks the coach; the answer streams as server-sent events (`start`, `delta`, `done` or `error`)",
      tag: "coaching",
      params: COACHING_SESSION,
      body: {
        type: "object",
        properties: {
          question: { type: "string", minLength: 1, maxLength: MAX_QUESTION_CHARS },
          skill_level: { type: "string", pattern: `^(${SKILL_LEVELS.join("|")})$` },
        },
        required: ["question"],
        additionalProperties: false,
      },
      responses: {
        200: "text/event-stream",
        404: "no such session",
        409: "not analysed yet",
        422: "invalid question",
      },
      async handler({ params, body, userId, c }) {
        const session = await requireSession(ctx, userId, params.session_id);
        requireAnalysed(session);
        const { question, skill_level } = body as { question: string; skill_level?: string };
        const context = await coaching.coach.context(ctx.artifacts.reader(userId, session.id));
        if (!context) {
          throw new ApiError(
            409,
            "nothing_to_coach",
            "This session has no complete counted lap to talk about",
          );
        }
        const profile = await driverProfile(
          db,
          userId,
          session.id,
          await requestedSkill(ctx, userId, skill_level),
        );
        const stored = await getCoachingReport(db, session.id, profile.skill);
        const reportJson = stored?.report_json ?? stored?.fallback_json ?? null;
        const report: CoachingReport | null = reportJson ? JSON.parse(reportJson) : null;
        const history = (await listCoachingMessages(db, session.id))
          .map((m) => ({
            role: m.role === "assistant" ? "assistant" as const : "user" as const,
            content: m.content,
          }));
        const { model, spentBudgetUsd } = await modelWithinBudget(ctx.storage, coaching, userId);
        const note = spentBudgetUsd === null
          ? null
          : `Today's coaching budget ($${spentBudgetUsd.toFixed(2)}) is spent: the offline coach answers.`;
        const abort = new AbortController();
        return streamSSE(c, async (stream) => {
          stream.onAbort(() => abort.abort());
          const send = (event: string, data: unknown) =>
            stream.writeSSE({ event, data: JSON.stringify(data) });
          await send("start", { source: model ? "claude" : "offline", note });
          const answer = coaching.coach.answer({
            context,
            profile,
            report,
            history,
            question,
            model,
            signal: abort.signal,
          });
          let text = "";
          let outcome: AnswerOutcome;
          try {
            for (;;) {
              const next = await answer.next();
              if (next.done) {
                outcome = next.value;
                break;
              }
              text += next.value;
              await send("delta", { text: next.value });
            }
          } catch (error) {
            const e = error as { message?: string; retryable?: boolean };
            await send("error", { message: e.message ?? String(error), retryable: e.retryable === true });
            return;
          }
          await appendCoachingExchange(db, session.id, question.trim(), text, outcome.source);
          if (outcome.model !== null) {
            await recordCoachingUsage(db, {
              userId,
              sessionId: session.id,
              kind: "chat",
              model: outcome.model,
              inputTokens: totalInputTokens(outcome.usage),
              outputTokens: outcome.usage.outputTokens,
              costUsd: outcome.costUsd,
            });
          }
          await send("done", {
            source: outcome.source,
            refused: outcome.refused,
            model: outcome.model,
            usage: {
              input_tokens: totalInputTokens(outcome.usage),
              output_tokens: outcome.usage.outputTokens,
              cost_usd: outcome.costUsd,
            },
          });
        });
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/coaching/{session_id}/chat",
      summary: "The session's coaching conversation, oldest first",
      tag: "coaching",
      params: COACHING_SESSION,
      responses: { 200: "`{messages: [{role, content, source, created_at}]}`", 404: "no such session" },
      async handler({ params, userId }) {
        const session = await requireSession(ctx, userId, params.session_id);
        const messages = await listCoachingMessages(db, session.id);
        return {
          messages: messages.map((m) => ({ ...m, created_at: new Date(m.created_at).toISOString() })),
        };
      },
    }),
    defineApiRoute({
      method: "DELETE",
      path: "/api/coaching/{session_id}/chat",
      summary: "Clears the session's coaching conversation",
      tag: "coaching",
      params: COACHING_SESSION,
      responses: { 204: "cleared", 404: "no such session" },
      async handler({ params, userId }) {
        const session = await requireSession(ctx, userId, params.session_id);
        await clearCoachingMessages(db, session.id);
      },
    }),
  ];
}
