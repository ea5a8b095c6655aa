/**
 * Which corner of one session is which corner of another on the same
 * circuit. Corners are numbered per session (a session that misses a kink
 * shifts every later number), so comparing by number pairs the wrong
 * corners; on a known circuit each corner carries the official turn numbers
 * inside it, which do not shift. Workbench-wide plugins (a friend
 * comparison, leaderboards) use these so a "T5" is the same T5 for every
 * driver.
 *
 * @module
 */

import type { Corner } from "./corners.ts";

/** Greatest distance between two sessions' apexes still taken as the same unofficial corner, m. */
export const UNOFFICIAL_APEX_TOLERANCE_M = 40;

/**
 * A key naming the corner the same way in every session on the circuit: the
 * official turn numbers inside it (`"T5"`, `"T2-4"`), or null for a corner
 * the circuit's official list does not cover (or an unknown circuit).
 */
export function officialCornerKey(corner: Corner): string | null {
  if (corner.officialNumbers.length === 0) return null;
  const numbers = [...corner.officialNumbers].sort((a, b) => a - b);
  return numbers.length === 1 ? `T${numbers[0]}` : `T${numbers[0]}-${numbers[numbers.length - 1]}`;
}

/** One corner of session A paired with the same corner of session B. */
export interface CornerPair {
  /** The corner in session A. */
  readonly a: Corner;
  /** The same corner in session B. */
  readonly b: Corner;
  /** How they were paired: the same official turns, or apexes within {@linkcode UNOFFICIAL_APEX_TOLERANCE_M}. */
  readonly by: "official" | "apex";
}

/**
 * Pairs the corners of two sessions on the same circuit, in A's order: by
 * official key where both have one, else by the nearest apex within
 * {@linkcode UNOFFICIAL_APEX_TOLERANCE_M} among B's corners not yet paired.
 * Corners without a counterpart are left out.
 */
export function matchCorners(a: readonly Corner[], b: readonly Corner[]): CornerPair[] {
  const used = new Set<number>();
  const byKey = new Map<string, Corner>();
  for (const corner of b) {
    const key = officialCornerKey(corner);
    if (key !== null && !byKey.has(key)) byKey.set(key, corner);
  }
  const pairs: (CornerPair | null)[] = a.map((corner) => {
    const key = officialCornerKey(corner);
    const match = key === null ? undefined : byKey.get(key);
    if (!match || used.has(match.number)) return null;
    used.add(match.number);
    return { a: corner, b: match, by: "official" };
  });
  a.forEach((corner, i) => {
    if (pairs[i] !== null) return;
    let best: Corner | null = null;
    for (const candidate of b) {
      if (used.has(candidate.number)) continue;
      const gap = Math.abs(candidate.apexM - corner.apexM);
      if (gap <= UNOFFICIAL_APEX_TOLERANCE_M && (!best || gap < Math.abs(best.apexM - corner.apexM))) {
        best = candidate;
      }
    }
    if (best) {
      used.add(best.number);
      pairs[i] = { a: corner, b: best, by: "apex" };
    }
  });
  return pairs.filter((p): p is CornerPair => p !== null);
}
