/**
 * How the coach talks to Claude: key, model, limits. Read from the
 * environment by the server; tests point `baseUrl` at a fake on 127.0.0.1.
 * No sampling temperature is sent (the original used 0.3): the API has
 * deprecated it and `@anthropic-ai/sdk` 1.13 no longer accepts it.
 *
 * @module
 */

import type { CoachModelSettings } from "../../sdk/mod.ts";

/** The small, fast model the original coaches with (Claude Haiku 4.5). */
export const DEFAULT_MODEL = "claude-haiku-4-5";

/** Settings with every default filled in. */
export type ResolvedClaudeSettings = Required<Omit<CoachModelSettings, "baseUrl">> & { baseUrl?: string };

/**
 * Fills in the defaults: model {@linkcode DEFAULT_MODEL}, 60 s to the start
 * of a response, 30 s of silence mid-stream, 2 retries, 4096 output tokens
 * per report and 768 per chat answer (the original's).
 */
export function resolveClaudeSettings(settings: CoachModelSettings): ResolvedClaudeSettings {
  return {
    apiKey: settings.apiKey,
    model: settings.model ?? DEFAULT_MODEL,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? 60_000,
    idleTimeoutMs: settings.idleTimeoutMs ?? 30_000,
    maxRetries: settings.maxRetries ?? 2,
    reportMaxTokens: settings.reportMaxTokens ?? 4096,
    chatMaxTokens: settings.chatMaxTokens ?? 768,
  };
}

/**
 * Settings from environment variables, or null when `ANTHROPIC_API_KEY` is
 * unset or empty (the offline coach is used then): `ANTHROPIC_API_KEY`,
 * `COACHING_MODEL`, `ANTHROPIC_BASE_URL`, `COACHING_TIMEOUT_MS`.
 */
export function claudeSettingsFromEnv(env: (name: string) => string | undefined): CoachModelSettings | null {
  const apiKey = env("ANTHROPIC_API_KEY")?.trim();
  if (!apiKey) return null;
  const timeout = Number(env("COACHING_TIMEOUT_MS"));
  return {
    apiKey,
    model: env("COACHING_MODEL")?.trim() || DEFAULT_MODEL,
    baseUrl: env("ANTHROPIC_BASE_URL")?.trim() || undefined,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
  };
}
