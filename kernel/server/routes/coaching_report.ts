/**
 * Coaching reports and settings:
 * - `GET /api/coaching/{session_id}/report` → `{status, report?, ...}`, with
 *   `status` `queued | generating | ready | failed`; a session without a
 *   report gets one queued;
 * - `POST /api/coaching/{session_id}/report` regenerates (202);
 * - `GET` and `PUT /api/coaching/settings`: skill level and daily budget.
 *
 * A failed report carries the reason and the offline coach's report as
 * `fallback`; a report quoting numbers the analysis does not contain lists
 * them in `untraceable_numbers`.
 *
 * @module
 */

import type { SkillLevel } from "../../../sdk/mod.ts";
import { COACH_JOB, coachingBudget, type CoachingRuntime } from "../../jobs/coaching_job.ts";
import { enqueueJob, latestJob } from "../../jobs/queue.ts";
import {
  getCoachingReport,
  getCoachingSettings,
  saveCoachingReport,
  saveCoachingSettings,
} from "../../storage/coaching.ts";
import type { CoachingReportRow } from "../../storage/coaching_schema.ts";
import { asSkillLevel, DEFAULT_SKILL, SKILL_LEVELS } from "../../storage/driver_profile.ts";
import type { SessionRow } from "../../storage/schema.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { jsonResponse } from "../json.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";

/** The `{session_id}` path parameter. */
export const COACHING_SESSION = {
  session_id: { type: "string", description: "Session id", required: true },
} as const;

/** The optional skill level of a request. */
const SKILL_QUERY = {
  skill_level: {
    type: "string",
    description: "Skill level (default: the user's setting)",
    enum: SKILL_LEVELS,
  },
} as const;

/** A report still `generating` after this long has lost its job, ms. */
const STALLED_MS = 10 * 60_000;

/** The skill level asked for, else the user's setting, else the default. */
export async function requestedSkill(
  ctx: ServerContext,
  userId: string,
  asked: unknown,
): Promise<SkillLevel> {
  return asSkillLevel(asked) ??
    asSkillLevel((await getCoachingSettings(ctx.storage.db, userId)).skillLevel) ??
    DEFAULT_SKILL;
}

/** Queues a (re)generation of a session's report at `skill`. */
async function queueReport(
  ctx: ServerContext,
  coaching: CoachingRuntime,
  sessionId: string,
  skill: SkillLevel,
) {
  await ctx.storage.db.transaction().execute(async (trx) => {
    await saveCoachingReport(trx, sessionId, skill, { status: "queued", error: null });
    await enqueueJob(trx, sessionId, COACH_JOB, coaching.config.maxAttempts);
  });
  coaching.wake();
}

/** Throws the 409 for a session whose analysis has not finished (or failed). */
export function requireAnalysed(session: SessionRow): void {
  if (session.status !== "ready") {
    throw new ApiError(409, "analysis_not_ready", `Session ${session.id} has not been analysed yet`, {
      status: session.status,
    });
  }
}

function reportJson(row: CoachingReportRow, session: SessionRow) {
  const stalled = row.status === "generating" && Date.now() - row.updated_at > STALLED_MS;
  return {
    status: stalled ? "failed" : row.status,
    skill_level: row.skill_level,
    report: row.report_json ? JSON.parse(row.report_json) : null,
    fallback: row.fallback_json ? JSON.parse(row.fallback_json) : null,
    error: stalled ? "The coaching job stopped without finishing; regenerate the report." : row.error,
    note: row.note,
    untraceable_numbers: row.untraceable_json ? JSON.parse(row.untraceable_json) : [],
    outdated: row.status === "ready" && session.analysed_at !== null && row.updated_at < session.analysed_at,
    model: row.model,
    usage: {
      input_tokens: row.input_tokens,
      output_tokens: row.output_tokens,
      cost_usd: row.cost_usd,
      attempts: row.attempts,
    },
    coach_version: row.coach_version,
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** Report and settings routes. */
export function coachingReportRoutes(ctx: ServerContext, coaching: CoachingRuntime): AnyApiRoute[] {
  const db = ctx.storage.db;
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/coaching/{session_id}/report",
      summary:
        "The session's coaching report: `{status: queued|generating|ready|failed, report, fallback, error, ...}`",
      tag: "coaching",
      params: COACHING_SESSION,
      query: SKILL_QUERY,
      responses: { 200: "the report and its state", 404: "no such session", 422: "invalid skill level" },
      async handler({ params, query, userId }) {
        const session = await requireSession(ctx, userId, params.session_id);
        const skill = await requestedSkill(ctx, userId, query.skill_level);
        if (session.status !== "ready") {
          const failed = session.status === "failed";
          return {
            status: failed ? "failed" : "queued",
            skill_level: skill,
            report: null,
            error: failed ? `The session's analysis failed: ${session.error ?? "unknown reason"}` : null,
          };
        }
        const row = await getCoachingReport(db, session.id, skill);
        if (row) return reportJson(row, session);
        const job = await latestJob(db, session.id, COACH_JOB);
        if (!(job && (job.status === "queued" || job.status === "running"))) {
          await queueReport(ctx, coaching, session.id, skill);
        }
        return { status: "queued", skill_level: skill, report: null, error: null };
      },
    }),
    defineApiRoute({
      method: "POST",
      path: "/api/coaching/{session_id}/report",
      summary: "Writes the session's coaching report again (at `skill_level`, default the user's setting)",
      tag: "coaching",
      params: COACHING_SESSION,
      body: {
        type: "object",
        properties: { skill_level: { type: "string", pattern: `^(${SKILL_LEVELS.join("|")})$` } },
        additionalProperties: false,
      },
      responses: {
        202: '`{status: "queued", skill_level}`',
        404: "no such session",
        409: "not analysed yet",
      },
      async handler({ params, body, userId }) {
        const session = await requireSession(ctx, userId, params.session_id);
        const skill = await requestedSkill(
          ctx,
          userId,
          (body as { skill_level?: string } | undefined)?.skill_level,
        );
        requireAnalysed(session);
        await queueReport(ctx, coaching, session.id, skill);
        return jsonResponse({ status: "queued", skill_level: skill }, 202);
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/coaching/settings",
      summary: "The caller's coaching settings, today's spend and whether a model is configured",
      tag: "coaching",
      responses: {
        200:
          "`{skill_level, skill_level_chosen, daily_budget_usd, spent_today_usd, model, online, coach_version}`; `skill_level_chosen` is false until the driver sets one",
      },
      async handler({ userId }) {
        const settings = await getCoachingSettings(db, userId);
        const { budgetUsd, spentUsd } = await coachingBudget(ctx.storage, coaching.config, userId);
        return {
          skill_level: asSkillLevel(settings.skillLevel) ?? DEFAULT_SKILL,
          skill_level_chosen: asSkillLevel(settings.skillLevel) !== null,
          daily_budget_usd: budgetUsd,
          spent_today_usd: spentUsd,
          model: coaching.model?.model ?? null,
          online: coaching.model !== null,
          coach_version: coaching.coach.version,
        };
      },
    }),
    defineApiRoute({
      method: "PUT",
      path: "/api/coaching/settings",
      summary: "Sets the caller's skill level and daily coaching budget (USD)",
      tag: "coaching",
      body: {
        type: "object",
        properties: {
          skill_level: { type: "string", pattern: `^(${SKILL_LEVELS.join("|")})$` },
          daily_budget_usd: { type: "number", minimum: 0, maximum: 1000 },
        },
        additionalProperties: false,
      },
      responses: { 200: "the settings", 422: "invalid settings" },
      async handler({ body, userId }) {
        const current = await getCoachingSettings(db, userId);
        const next = body as { skill_level?: string; daily_budget_usd?: number };
        await saveCoachingSettings(db, userId, {
          skillLevel: next.skill_level ?? current.skillLevel ?? DEFAULT_SKILL,
          dailyBudgetUsd: next.daily_budget_usd ?? current.dailyBudgetUsd,
        });
        const { budgetUsd } = await coachingBudget(ctx.storage, coaching.config, userId);
        return jsonResponse({
          skill_level: next.skill_level ?? current.skillLevel ?? DEFAULT_SKILL,
          daily_budget_usd: budgetUsd,
        });
      },
    }),
  ];
}
