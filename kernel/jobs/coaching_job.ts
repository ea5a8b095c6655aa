/**
 * One coaching job: write the report of a session at the user's skill level
 * with the plugins' coach (`services.coach`), unless the stored report was
 * written by the same coach version from the same context and profile.
 * The model is used while the user's spend today is under their daily
 * budget; beyond it the offline coach writes the report, with a note.
 *
 * The report row moves `queued` → `generating` → `ready` or `failed`; every
 * path ends in one of the last two (the worker marks the report failed when
 * the job itself fails for good; a shutdown puts it back to `queued` with
 * its job).
 *
 * @module
 */

import type {
  ArtifactReader,
  CoachingContext,
  CoachModelSettings,
  CoachService,
  DriverProfile,
  ReportOutcome,
  TokenUsage,
} from "../../sdk/mod.ts";
import {
  coachingSpentSince,
  getCoachingReport,
  getCoachingSettings,
  recordCoachingUsage,
  saveCoachingReport,
} from "../storage/coaching.ts";
import type { Storage } from "../storage/database.ts";
import { asSkillLevel, driverProfile } from "../storage/driver_profile.ts";
import type { ClaimedJob } from "./queue.ts";

/** The kind of job that writes a coaching report. */
export const COACH_JOB = "coach";

/** Coaching settings of the server. */
export interface CoachingConfig {
  /** Most a user's model calls may cost per UTC day, USD, unless the user set their own budget. */
  dailyBudgetUsd: number;
  /** Claims before a coaching job fails for good. */
  maxAttempts: number;
  /** Environment the coach reads its model settings from (API key, model id). */
  env: (name: string) => string | undefined;
}

/** The coaching service of a server process: the coach, its model and settings. */
export interface CoachingRuntime {
  /** The coach (the first plugin providing `services.coach`). */
  coach: CoachService;
  /** The model, or null for the offline coach. */
  model: CoachModelSettings | null;
  /** Coaching settings. */
  config: CoachingConfig;
  /** Tells this process's coaching worker that a job was queued. */
  wake(): void;
}

/** What a coaching job needs. */
export interface CoachingJobContext extends CoachingRuntime {
  /** The database. */
  storage: Storage;
  /** A session's stored artifacts. */
  artifacts(userId: string, sessionId: string): ArtifactReader;
}

const DAY_MS = 86_400_000;

/** Start of the current UTC day, Unix ms. */
export function utcDayStart(now = Date.now()): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
}

/** A user's budget for today and what is spent, USD. */
export async function coachingBudget(
  storage: Storage,
  config: CoachingConfig,
  userId: string,
): Promise<{ budgetUsd: number; spentUsd: number }> {
  const settings = await getCoachingSettings(storage.db, userId);
  return {
    budgetUsd: settings.dailyBudgetUsd ?? config.dailyBudgetUsd,
    spentUsd: await coachingSpentSince(storage.db, userId, utcDayStart()),
  };
}

/**
 * The model while the user's spend today is under their budget; else null
 * (the offline coach) and the budget that is spent, USD.
 */
export async function modelWithinBudget(
  storage: Storage,
  runtime: Pick<CoachingRuntime, "model" | "config">,
  userId: string,
): Promise<{ model: CoachModelSettings | null; spentBudgetUsd: number | null }> {
  if (!runtime.model) return { model: null, spentBudgetUsd: null };
  const { budgetUsd, spentUsd } = await coachingBudget(storage, runtime.config, userId);
  return spentUsd >= budgetUsd
    ? { model: null, spentBudgetUsd: budgetUsd }
    : { model: runtime.model, spentBudgetUsd: null };
}

/** Hex SHA-256 of a JSON value. */
async function hashOf(value: unknown): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(value)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Runs a claimed coaching job: writes the report at the user's skill level
 * and at every other skill level whose report is waiting (regenerate asked
 * for it). Rejects only on database errors, bugs and `signal` (the worker
 * retries or releases the job).
 */
export async function runCoachingJob(
  ctx: CoachingJobContext,
  claim: ClaimedJob,
  signal: AbortSignal,
): Promise<void> {
  const { db } = ctx.storage;
  const sessionId = claim.job.session_id;
  const session = await db.selectFrom("sessions").select(["user_id", "status"]).where("id", "=", sessionId)
    .executeTakeFirst();
  if (!session || session.status !== "ready") return; // deleted, or re-analysing (which queues a new job)
  const waiting = await db.selectFrom("coaching_reports").select("skill_level").where(
    "session_id",
    "=",
    sessionId,
  )
    .where("status", "in", ["queued", "generating"]).execute();
  const { skill } = await driverProfile(db, session.user_id, sessionId);
  const skills = new Set([skill, ...waiting.flatMap((r) => asSkillLevel(r.skill_level) ?? [])]);
  const context = await ctx.coach.context(ctx.artifacts(session.user_id, sessionId));
  for (const level of skills) {
    if (!context) {
      await saveCoachingReport(db, sessionId, level, {
        status: "failed",
        error: "No complete counted lap in this session, so there is nothing to coach from.",
      });
      continue;
    }
    await writeReport(
      ctx,
      session.user_id,
      sessionId,
      await driverProfile(db, session.user_id, sessionId, level),
      context,
      signal,
    );
  }
}

/** Writes one report unless the stored one is current. */
async function writeReport(
  ctx: CoachingJobContext,
  userId: string,
  sessionId: string,
  profile: DriverProfile,
  context: CoachingContext,
  signal: AbortSignal,
): Promise<void> {
  const { db } = ctx.storage;
  const contextHash = await hashOf({ context, profile });
  const stored = await getCoachingReport(db, sessionId, profile.skill);
  if (
    stored?.status === "ready" && stored.coach_version === ctx.coach.version &&
    stored.context_hash === contextHash
  ) {
    return;
  }
  const { model, spentBudgetUsd } = await modelWithinBudget(ctx.storage, ctx, userId);
  const note = spentBudgetUsd === null
    ? null
    : `Today's coaching budget ($${
      spentBudgetUsd.toFixed(2)
    }) is spent, so the offline coach wrote this report.`;
  await saveCoachingReport(db, sessionId, profile.skill, { status: "generating", error: null });
  const outcome = await ctx.coach.report(context, { profile, model, signal });
  if (signal.aborted) {
    // Shutting down (or the claim was lost): the job goes back to the queue, and so does the report.
    await saveCoachingReport(db, sessionId, profile.skill, { status: "queued" });
    throw signal.reason;
  }
  if (outcome.model !== null) {
    await recordCoachingUsage(db, {
      userId,
      sessionId,
      kind: "report",
      model: outcome.model,
      inputTokens: totalInputTokens(outcome.usage),
      outputTokens: outcome.usage.outputTokens,
      costUsd: outcome.costUsd,
    });
  }
  await saveCoachingReport(
    db,
    sessionId,
    profile.skill,
    reportFields(outcome, ctx.coach.version, contextHash, note),
  );
}

/** Input tokens of every kind (base, cache writes, cache reads). */
export function totalInputTokens(usage: TokenUsage): number {
  return usage.inputTokens + usage.cacheWriteTokens + usage.cacheReadTokens;
}

function reportFields(outcome: ReportOutcome, version: string, contextHash: string, note: string | null) {
  const common = {
    coach_version: version,
    context_hash: contextHash,
    model: outcome.model,
    input_tokens: totalInputTokens(outcome.usage),
    output_tokens: outcome.usage.outputTokens,
    cost_usd: outcome.costUsd,
    attempts: outcome.attempts,
    note,
  };
  if (outcome.status === "ready") {
    return {
      ...common,
      status: "ready" as const,
      source: outcome.report.source,
      report_json: JSON.stringify(outcome.report),
      fallback_json: null,
      untraceable_json: JSON.stringify(outcome.untraceable),
      error: null,
    };
  }
  return {
    ...common,
    status: "failed" as const,
    source: null,
    report_json: null,
    fallback_json: JSON.stringify(outcome.fallback),
    untraceable_json: null,
    error: outcome.error,
  };
}
