/**
 * The plugin's records: who opted in (collection `opt-in`, one record per
 * user, absent = not opted in) and one entry per session of an opted-in
 * driver (collection `entries`, keyed by session id, indexed by circuit).
 * Keying entries by session makes re-analysis replace, never add; opting
 * out deletes the driver's entries, so nothing of theirs is kept.
 *
 * @module
 */

import type { AppServices, AppSession, ArtifactReader, JsonValue, PluginStore } from "../../sdk/mod.ts";
import { type SessionEntry, sessionEntry } from "./entries.ts";

const OPT_IN = "opt-in";
const ENTRIES = "entries";

/** A driver's opt-in. */
export interface OptIn {
  /** When they opted in, ms since the epoch. */
  readonly since: number;
}

/** The driver's opt-in, or null when they are not on the leaderboards. */
export async function optInOf(store: PluginStore, userId: string): Promise<OptIn | null> {
  const record = await store.get<{ since: number }>(OPT_IN, userId);
  return record ? { since: record.value.since } : null;
}

/** Every opted-in driver's id. */
export async function optedInUsers(store: PluginStore): Promise<Set<string>> {
  return new Set((await store.list(OPT_IN)).map((record) => record.key));
}

/** Stores or replaces the entry of an analysed session (an entry-less session loses its old one). */
export async function refreshEntry(
  services: AppServices,
  session: AppSession,
  artifacts: ArtifactReader,
): Promise<SessionEntry | null> {
  const entry = await sessionEntry(session, artifacts, await services.lapTags(session.id));
  if (entry === null) {
    await services.store.delete(ENTRIES, session.id);
    return null;
  }
  // An entry holds only numbers, strings, nulls and arrays and objects of them: it is JSON.
  await services.store.put(ENTRIES, session.id, entry as unknown as JsonValue, {
    ownerId: session.userId,
    index: entry.trackSlug,
  });
  return entry;
}

/**
 * Opts a driver in (kept from the first opt-in when already in) and enters
 * every analysed session they already have; returns the opt-in and how many
 * sessions were entered.
 */
export async function optIn(
  services: AppServices,
  userId: string,
  now = Date.now(),
): Promise<{ optIn: OptIn; entered: number }> {
  let joined = await optInOf(services.store, userId);
  if (!joined) {
    joined = { since: now };
    await services.store.put(OPT_IN, userId, { since: now }, { ownerId: userId });
  }
  let entered = 0;
  for (const session of await services.sessionsOf(userId)) {
    if (session.status !== "done" || session.trackSlug === null) continue;
    if (await refreshEntry(services, session, services.artifacts(session.id))) entered++;
  }
  return { optIn: joined, entered };
}

/** Opts a driver out and deletes all their entries; returns how many were deleted. */
export async function optOut(store: PluginStore, userId: string): Promise<number> {
  await store.delete(OPT_IN, userId);
  let removed = 0;
  for (const record of await store.list(ENTRIES, { ownerId: userId })) {
    if (await store.delete(ENTRIES, record.key)) removed++;
  }
  return removed;
}

/** The stored entries at a circuit, as stored (not yet checked against the sessions). */
export async function storedEntries(store: PluginStore, trackSlug: string): Promise<SessionEntry[]> {
  return (await store.list(ENTRIES, { index: trackSlug })).map((r) => r.value as unknown as SessionEntry);
}

/** Every stored entry, for the list of circuits with boards. */
export async function allEntries(store: PluginStore): Promise<SessionEntry[]> {
  return (await store.list(ENTRIES)).map((r) => r.value as unknown as SessionEntry);
}

/** Deletes the entry of a session that no longer exists. */
export async function dropEntry(store: PluginStore, sessionId: string): Promise<void> {
  await store.delete(ENTRIES, sessionId);
}
