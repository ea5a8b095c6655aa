/**
 * In-process publish/subscribe of session events (progress and status
 * changes), feeding the server-sent event streams with no polling delay
 * when the job runs in the same process. Streams also poll the database, so
 * jobs run by another process are seen too.
 *
 * @module
 */

import type { JobProgress } from "./progress.ts";
import type { SessionStatus } from "../storage/schema.ts";

/** Something that happened to a session. */
export type SessionEvent =
  | { type: "progress"; progress: JobProgress }
  | { type: "status"; status: SessionStatus; error: string | null };

/** Listener of one session's events. */
export type SessionListener = (event: SessionEvent) => void;

/** The event hub of one server process. */
export interface SessionEvents {
  /** Tells every listener of the session. */
  publish(sessionId: string, event: SessionEvent): void;
  /** Listens to one session; returns the function that stops listening. */
  subscribe(sessionId: string, listener: SessionListener): () => void;
}

/** Creates an empty hub. */
export function createSessionEvents(): SessionEvents {
  const listeners = new Map<string, Set<SessionListener>>();
  return {
    publish(sessionId, event) {
      for (const listener of listeners.get(sessionId) ?? []) {
        try {
          listener(event);
        } catch (error) {
          console.error(`session event listener failed: ${error}`);
        }
      }
    },
    subscribe(sessionId, listener) {
      const set = listeners.get(sessionId) ?? new Set();
      listeners.set(sessionId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(sessionId);
      };
    },
  };
}
