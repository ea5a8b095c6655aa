/**
 * Token use and its cost, per call and summed over the calls of a report or
 * a chat answer.
 *
 * @module
 */

import type { TokenUsage } from "../../sdk/mod.ts";

/** Price of a model, US dollars per million tokens. */
export interface ModelPrice {
  /** Input. */
  inputPerMTok: number;
  /** Output. */
  outputPerMTok: number;
}

/** List prices of the models a coach is likely to use, USD per million tokens (Anthropic's price list). */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  "claude-haiku-4-5": { inputPerMTok: 1, outputPerMTok: 5 },
  "claude-sonnet-4-5": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-sonnet-4-6": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-opus-4-5": { inputPerMTok: 5, outputPerMTok: 25 },
  "claude-opus-4-6": { inputPerMTok: 5, outputPerMTok: 25 },
};

/** No tokens. */
export const NO_USAGE: TokenUsage = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
});

/** The sum of two usages. */
export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  };
}

/** The usage block of a Messages API response (snake_case, optional cache fields). */
export function usageOf(
  usage:
    | {
      input_tokens?: number | null;
      output_tokens?: number | null;
      cache_creation_input_tokens?: number | null;
      cache_read_input_tokens?: number | null;
    }
    | null
    | undefined,
): TokenUsage {
  return {
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    cacheWriteTokens: usage?.cache_creation_input_tokens ?? 0,
    cacheReadTokens: usage?.cache_read_input_tokens ?? 0,
  };
}

/**
 * Cost of `usage` on `model`, USD; null for a model without a known price
 * (a dated id such as `claude-haiku-4-5-20251001` is priced as its alias).
 */
export function costUsd(model: string, usage: TokenUsage, prices = MODEL_PRICES): number | null {
  const price = prices[model] ?? prices[model.replace(/-\d{8}$/, "")];
  if (!price) return null;
  const input = usage.inputTokens + 1.25 * usage.cacheWriteTokens + 0.1 * usage.cacheReadTokens;
  return (input * price.inputPerMTok + usage.outputTokens * price.outputPerMTok) / 1e6;
}
