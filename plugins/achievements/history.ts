/**
 * A user's history as the rules read it: every analysed session with its
 * summary. Summaries are kept in the plugin's store (collection
 * `summaries`, one per session) when a session is analysed; a session
 * analysed before the plugin was installed is summarised from its stored
 * artifacts the first time it is needed.
 *
 * @module
 */

import {
  type AppServices,
  type AppSession,
  type ArtifactReader,
  type JsonValue,
  sessionDrivenAt,
  type SessionSummary,
  summarizeSession,
} from "../../sdk/mod.ts";
import type { HistoryEntry } from "./rules.ts";

const SUMMARIES = "summaries";

/** Summarises a session from its artifacts and stores the summary (replacing an older one). */
export async function storeSummary(
  services: AppServices,
  session: AppSession,
  artifacts: ArtifactReader,
): Promise<SessionSummary> {
  const summary = await summarizeSession(artifacts);
  // A summary holds only numbers, strings, nulls and arrays of them: it is JSON.
  await services.store.put(SUMMARIES, session.id, summary as unknown as JsonValue, {
    ownerId: session.userId,
    index: session.trackSlug,
  });
  return summary;
}

/** Deletes the stored summary of a session (after the session was deleted); its awards stay earned. */
export async function dropSummary(services: AppServices, sessionId: string): Promise<void> {
  await services.store.delete(SUMMARIES, sessionId);
}

/** Every analysed session of the user with its summary (failed and unfinished analyses left out). */
export async function historyOf(services: AppServices, userId: string): Promise<HistoryEntry[]> {
  const [sessions, stored] = await Promise.all([
    services.sessionsOf(userId),
    services.store.list(SUMMARIES, { ownerId: userId }),
  ]);
  const summaries = new Map(stored.map((record) => [record.key, record.value as unknown as SessionSummary]));
  const history: HistoryEntry[] = [];
  for (const session of sessions) {
    if (session.status === "failed") continue;
    let summary = summaries.get(session.id);
    if (summary === undefined) {
      if (session.status !== "done") continue;
      summary = await storeSummary(services, session, services.artifacts(session.id));
    }
    history.push({
      sessionId: session.id,
      trackSlug: session.trackSlug,
      trackName: session.trackName,
      drivenAt: sessionDrivenAt(session),
      summary,
    });
  }
  return history;
}
