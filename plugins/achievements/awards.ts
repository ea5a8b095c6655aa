/**
 * Stored awards (collection `awards`, one record per user and award key):
 * an award is written once and never replaced, which is what makes the
 * rules idempotent; whether the user has seen it is the only thing that
 * changes afterwards.
 *
 * @module
 */

import type { JsonValue, PluginStore } from "../../sdk/mod.ts";
import type { Award } from "./rules.ts";

const AWARDS = "awards";

/** An award as stored. */
export interface StoredAward extends Award {
  /** Whether the user has seen it in the recent feed. */
  readonly seen: boolean;
}

function recordKey(userId: string, awardKey: string): string {
  return `${userId}/${awardKey}`;
}

function asJson(award: StoredAward): JsonValue {
  return { ...award };
}

/** Stores the awards the user does not hold yet; returns those. */
export async function saveNewAwards(
  store: PluginStore,
  userId: string,
  awards: readonly Award[],
): Promise<Award[]> {
  const held = new Set((await store.list(AWARDS, { ownerId: userId })).map((record) => record.key));
  const fresh: Award[] = [];
  for (const award of awards) {
    const key = recordKey(userId, award.key);
    if (held.has(key)) continue;
    await store.put(AWARDS, key, asJson({ ...award, seen: false }), { ownerId: userId, index: award.badge });
    held.add(key);
    fresh.push(award);
  }
  return fresh;
}

/** An award the user holds, with when it was stored. */
export interface HeldAward extends StoredAward {
  /** When it was awarded, ms since the epoch. */
  readonly awardedAt: number;
}

/** The user's awards, oldest first. */
export async function awardsOf(store: PluginStore, userId: string): Promise<HeldAward[]> {
  const records = await store.list(AWARDS, { ownerId: userId });
  return records.map((record) => ({
    ...(record.value as unknown as StoredAward),
    awardedAt: record.createdAt,
  }));
}

/** Marks every award of the user as seen; returns how many were unseen. */
export async function markAllSeen(store: PluginStore, userId: string): Promise<number> {
  let marked = 0;
  for (const { awardedAt: _, ...award } of await awardsOf(store, userId)) {
    if (award.seen) continue;
    await store.put(AWARDS, recordKey(userId, award.key), asJson({ ...award, seen: true }), {
      ownerId: userId,
      index: award.badge,
    });
    marked++;
  }
  return marked;
}
