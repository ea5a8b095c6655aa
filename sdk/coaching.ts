/**
 * Coaching: the compact, deterministic summary of a session that a coach
 * (Claude or the rule-based offline coach) works from, the report it
 * writes, and the service contract through which the server runs a coach
 * ({@linkcode CoachService}). The context is an artifact (camelCase, like
 * every artifact); the report is a JSON document exchanged with the
 * language model and the UI, so its fields are snake_case, as in the HTTP
 * API.
 *
 * Units are in the names: `Kmh` km/h, `M` metres from the start/finish line,
 * `S` seconds, `G` standard gravity.
 *
 * @module
 */

import type { ArtifactReader } from "./route.ts";
import type { Vehicle } from "./vehicle.ts";

/** How experienced the driver is; decides the tone and how many priorities a report gives. */
export type SkillLevel = "novice" | "intermediate" | "advanced";

/** A letter grade; `N/A` when the corner gives nothing to grade (no braking, a single lap). */
export type Grade = "A" | "B" | "C" | "D" | "F" | "N/A";

/** A value across the analysed laps: the median, the best lap's, and how far it spreads. */
export interface LapSpread {
  /** Median over the laps that have it. */
  median: number;
  /** The best lap's value, or null when the best lap lacks it. */
  bestLap: number | null;
  /** Sample standard deviation over the laps; null with fewer than two. */
  std: number | null;
  /** Laps that have a value. */
  laps: number;
}

/** Where the physics-optimal lap says the driver could go in one corner. */
export interface CornerTargetSummary {
  /** Target minimum speed, km/h. */
  minSpeedKmh: number;
  /** Target − the best lap's minimum speed, km/h (positive = carry more speed); null without KPIs. */
  speedGapKmh: number | null;
  /** Where the optimal lap starts braking, m; null when it does not brake. */
  brakePointM: number | null;
  /** The best lap's brake point − the target, m (positive = the driver brakes later); null when unknown. */
  brakeGapM: number | null;
  /** The best lap's time through the zone − the optimal time, s. */
  timeCostS: number;
}

/** Grades of one corner, computed from the numbers (never by the language model). */
export interface CornerGradeSet {
  /** Brake-point repeatability and braking strength. */
  braking: Grade;
  /** Minimum-speed repeatability and gap to the target. */
  minSpeed: Grade;
  /** Throttle-commit repeatability. */
  throttle: Grade;
  /** The corner's consistency score. */
  consistency: Grade;
}

/** Everything a coach needs to know about one corner, summarised over the analysed laps. */
export interface CornerCoachingSummary {
  /** {@linkcode Corner.number}. */
  corner: number;
  /** Label, e.g. `"T5"`. */
  label: string;
  /** Official name(s), or null. */
  name: string | null;
  /** Turn direction. */
  direction: "left" | "right";
  /** Whether the driver brakes for it. */
  braking: boolean;
  /** Minimum speed, km/h; `best` is the highest over the laps. */
  minSpeedKmh: LapSpread & { best: number };
  /** Brake point, m from the line; null when no lap brakes. */
  brakePointM: LapSpread | null;
  /** Peak deceleration, g; `best` is the strongest. Null when no lap brakes. */
  peakBrakeG: (LapSpread & { best: number }) | null;
  /** Throttle commit, m from the line; null when no lap has one. */
  throttleCommitM: LapSpread | null;
  /** Time from entry to exit, s; `best` is the fastest. */
  timeInCornerS: LapSpread & { best: number };
  /** Most common place of the speed minimum relative to the geometric apex. */
  apexType: "early" | "on-time" | "late";
  /** Tier 1 gain of the corner: mean − best time through it, s; null with fewer than 2 laps. */
  consistencyGainS: number | null;
  /** Tier 2 gain: the best lap's time through it − the best, s; null with fewer than 2 laps. */
  compositeGainS: number | null;
  /** Tier 1 gain of the straight after it (what the exit speed feeds), s; null when unknown. */
  exitStraightGainS: number | null;
  /** Mean time lost to the best lap in the corner over the other laps, s; null with one lap. */
  meanDeltaS: number | null;
  /** Physics targets, or null without an optimal lap. */
  target: CornerTargetSummary | null;
  /** The corner's consistency score 0..100, or null. */
  consistencyScore: number | null;
  /** Time on the table used to rank corners: consistency gain in the corner and on the straight after it, s. */
  timeOnTableS: number;
  /** Grades. */
  grades: CornerGradeSet;
}

/** One lap in the context's lap list. */
export interface CoachingLap {
  /** Lap number. */
  lap: number;
  /** Lap time, s. */
  timeS: number;
}

/** The session summarised for a coach. Deterministic: the same artifacts give the same context. */
export interface CoachingContext {
  /** The circuit, or null on an unknown circuit. */
  track: { name: string; lengthM: number } | null;
  /** Number of laps in the session (all kinds). */
  totalLaps: number;
  /** The analysed laps (complete, counted flying laps) with their times, in lap order. */
  laps: CoachingLap[];
  /** Best lap's number, or null. */
  bestLap: number | null;
  /** Best lap's time, s, or null. */
  bestLapTimeS: number | null;
  /** Mean analysed lap time, s, or null. */
  meanLapTimeS: number | null;
  /** Standard deviation of the analysed lap times, s, or null. */
  lapTimeStdS: number | null;
  /** Σ best segments, s, or null. */
  theoreticalBestS: number | null;
  /** Physics-optimal lap time, s, or null. */
  optimalLapTimeS: number | null;
  /** Where the optimal lap's car model came from, or null. */
  vehicleSource: "given" | "estimated" | null;
  /** Session consistency score 0..100, or null; `provisional` when there were too few laps. */
  consistency: { score: number; lapScore: number; provisional: boolean } | null;
  /** Per corner, in lap order. */
  corners: CornerCoachingSummary[];
  /** Corner numbers by time on the table, largest first. */
  ranking: number[];
  /** Analysed laps the automatic tags flag (traffic, off-track, mistake...), with the tags. */
  flaggedLaps: { lap: number; tags: string[] }[];
  /**
   * The driver's own tags, lap by lap: `leftOut` when they keep the lap out
   * of the analysis (traffic, off-line, experimental, cold-tires), else
   * notes on an analysed or other lap (rain, new pads...). Absent from
   * contexts stored before it was added (they are used as they are, so
   * that an upgrade does not rewrite every coaching report).
   */
  driverTags?: { lap: number; tags: string[]; leftOut: boolean }[];
}

/** One corner the driver should work on first. */
export interface PriorityCorner {
  /** Corner label, e.g. `"T5"`. */
  corner: string;
  /** Time on the table there, s (from the context, never from the model). */
  time_s: number;
  /** What is happening: the observation, with its numbers. */
  what: string;
  /** How to fix it: one concrete change and why. */
  how: string;
}

/** Grades of one corner as the report shows them. */
export interface CornerGrades {
  /** Corner label. */
  corner: string;
  /** Braking grade. */
  braking: Grade;
  /** Minimum-speed grade. */
  min_speed: Grade;
  /** Throttle grade. */
  throttle: Grade;
  /** Consistency grade. */
  consistency: Grade;
}

/** An exercise for the next session. */
export interface Drill {
  /** Corner label it is tied to, or null for the whole lap. */
  corner: string | null;
  /** Short name. */
  title: string;
  /** What to do, lap by lap. */
  how: string;
}

/** Who wrote a report. */
export type ReportSource = "claude" | "offline";

/** A coaching report. */
export interface CoachingReport {
  /** Two or three sentences: strengths first, then the biggest opportunity. */
  summary: string;
  /** The corners with the most time on the table, most first. */
  priority_corners: PriorityCorner[];
  /** One entry per corner, in lap order. */
  corner_grades: CornerGrades[];
  /** Exercises for the next session. */
  drills: Drill[];
  /** `claude` (language model) or `offline` (rule-based coach, no API key needed). */
  source: ReportSource;
}

/** What the driver told the workbench, besides the analysis. */
export interface DriverProfile {
  /** Skill level. */
  skill: SkillLevel;
  /** Free-text equipment description (tyres, brakes, set-up), or null. */
  equipment?: string | null;
  /** The car as given by the user, or null. */
  vehicle?: Vehicle | null;
}

/** How a coach reaches its language model (Claude through `@anthropic-ai/sdk` for the built-in coach). */
export interface CoachModelSettings {
  /** API key. */
  apiKey: string;
  /** Model id; the coach's default when absent. */
  model?: string;
  /** API base URL (default: the provider's). */
  baseUrl?: string;
  /** Time to wait for a response to start, per attempt, ms. */
  timeoutMs?: number;
  /** Longest silence once a streamed answer has started, ms. */
  idleTimeoutMs?: number;
  /** Retries of a request refused for load (429, 5xx) or that failed to connect. */
  maxRetries?: number;
  /** Output token cap of a report. */
  reportMaxTokens?: number;
  /** Output token cap of a chat answer. */
  chatMaxTokens?: number;
}

/** Tokens one or more model calls used. */
export interface TokenUsage {
  /** Input tokens billed at the base rate. */
  inputTokens: number;
  /** Output tokens. */
  outputTokens: number;
  /** Input tokens written to the prompt cache. */
  cacheWriteTokens: number;
  /** Input tokens read from the prompt cache. */
  cacheReadTokens: number;
}

/** What producing a report or an answer cost. */
export interface CoachUsage {
  /** Model id, or null when no model was called (offline coach, guardrail). */
  model: string | null;
  /** Tokens. */
  usage: TokenUsage;
  /** Cost, USD (0 without a model; null for a model without a known price). */
  costUsd: number | null;
}

/** A number a report quotes that the context does not contain. */
export interface UntraceableNumber {
  /** Where it is, e.g. `priority_corners[0].what`. */
  path: string;
  /** The number as written. */
  value: string;
}

/** A report was written. */
export interface ReportWritten extends CoachUsage {
  /** Ready. */
  status: "ready";
  /** The report. */
  report: CoachingReport;
  /** Numbers the report quotes that the context does not contain (flagged for the reader). */
  untraceable: UntraceableNumber[];
  /** Model calls made. */
  attempts: number;
}

/** The model could not write a report; the offline coach's stands in. */
export interface ReportFailed extends CoachUsage {
  /** Failed. */
  status: "failed";
  /** Why, one sentence a driver or operator can act on. */
  error: string;
  /** Whether trying again later may help (rate limit, overload, network). */
  retryable: boolean;
  /** How long the API asked to wait, ms, or null. */
  retryAfterMs: number | null;
  /** Model calls made. */
  attempts: number;
  /** The offline coach's report of the same session. */
  fallback: CoachingReport;
}

/** How writing a report ended. */
export type ReportOutcome = ReportWritten | ReportFailed;

/** One message of a coaching conversation. */
export interface ChatMessage {
  /** Who said it. */
  role: "user" | "assistant";
  /** What was said. */
  content: string;
}

/** A question to the coach. */
export interface CoachQuestion {
  /** The session's context. */
  context: CoachingContext;
  /** Skill level, equipment, car. */
  profile: DriverProfile;
  /** The session's report, or null. */
  report: CoachingReport | null;
  /** Earlier messages, oldest first. */
  history: readonly ChatMessage[];
  /** The question. */
  question: string;
  /** The model, or null for the offline coach. */
  model: CoachModelSettings | null;
  /** Cancels a model call. */
  signal?: AbortSignal;
}

/** How an answer was produced, and what it cost. */
export interface AnswerOutcome extends CoachUsage {
  /** `claude`, or `offline` for the rule-based coach and the guardrail's refusals. */
  source: ReportSource;
  /** Whether the topic guardrail refused the question (no model was called). */
  refused: boolean;
}

/**
 * A coach the workbench server runs: a plugin provides one as
 * `services.coach` in its manifest. The server writes reports in a
 * background job after each analysis, stores them per session and skill
 * level, and streams chat answers; the coach only computes.
 */
export interface CoachService {
  /** The coach's version: stored reports written by another version are written again. */
  readonly version: string;
  /** The context of a session from its stored artifacts; null without an analysed lap. */
  context(artifacts: ArtifactReader): Promise<CoachingContext | null>;
  /** Writes a report with the model, or by rules when `model` is null. Never throws for model or validation problems. */
  report(
    context: CoachingContext,
    request: { profile: DriverProfile; model: CoachModelSettings | null; signal?: AbortSignal },
  ): Promise<ReportOutcome>;
  /**
   * Streams the answer to a question as text deltas and returns how it was
   * produced. Throws an `Error` (with a boolean `retryable`) when the model
   * call fails, possibly after some text.
   */
  answer(question: CoachQuestion): AsyncGenerator<string, AnswerOutcome>;
  /** Model settings from environment variables, or null when none is configured (offline coach). */
  modelFromEnv(env: (name: string) => string | undefined): CoachModelSettings | null;
}
