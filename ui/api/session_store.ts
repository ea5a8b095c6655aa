/**
 * One open session's data in the browser: its summary, and the artifacts,
 * lap traces and lap-pair deltas the visible contributions asked for, each
 * fetched once. Channel requests made in the same tick are merged into one
 * request per lap.
 *
 * @module
 */

/// <reference lib="dom" />

import type { LapDelta } from "../../sdk/delta.ts";
import type { JsonOf, LapTrace } from "../../sdk/views.ts";
import { fetchArtifact, fetchPairDelta, fetchTrace, type SessionDetail } from "./server_api.ts";

/** Cached data of one session. */
export interface SessionStore {
  /** The session as last fetched. */
  readonly detail: SessionDetail;
  /** Whether the session has the artifact. */
  has(artifactId: string): boolean;
  /** Fetches the artifacts not yet loaded. */
  loadArtifacts(ids: readonly string[]): Promise<void>;
  /** A loaded artifact, or undefined. */
  artifact(id: string): unknown;
  /** Fetches the channels of the laps not yet loaded. */
  loadTraces(laps: readonly number[], channels: readonly string[]): Promise<void>;
  /** A lap's loaded channels, or undefined. */
  trace(lap: number): LapTrace | undefined;
  /** Fetches the delta for a lap selection (see `ViewData.pairDelta`); a missing delta is remembered as such. */
  loadPairDelta(ref: number, comp: number | null): Promise<void>;
  /** The loaded delta for a lap selection, or undefined. */
  pairDelta(ref: number, comp: number | null): JsonOf<LapDelta> | undefined;
}

/** `[compared, reference]` for a lap selection: comparison vs reference, reference vs best, or best vs theoretical. */
function deltaPair(ref: number, comp: number | null, best: number | null): [number, number | "theoretical"] {
  if (comp !== null) return [comp, ref];
  return ref === best || best === null ? [ref, "theoretical"] : [ref, best];
}

/** Creates the store for a session the server reported as `detail`. */
export function createSessionStore(detail: SessionDetail): SessionStore {
  const id = detail.session.id;
  const artifacts = new Map<string, Promise<unknown>>();
  const artifactValues = new Map<string, unknown>();
  const traces = new Map<number, LapTrace>();
  const channelRequests = new Map<string, Promise<void>>();
  let batch: Map<number, Set<string>> | null = null;
  const deltas = new Map<string, Promise<void>>();
  const deltaValues = new Map<string, JsonOf<LapDelta>>();

  const flushChannels = (pending: Map<number, Set<string>>) => {
    for (const [lap, names] of pending) {
      const request = fetchTrace(id, lap, [...names]).then((fetched) => {
        const known = traces.get(lap);
        traces.set(lap, {
          ...fetched,
          channels: { ...known?.channels, ...fetched.channels },
        });
      });
      for (const name of names) channelRequests.set(`${lap}:${name}`, request);
    }
  };

  return {
    detail,
    has: (artifactId) => detail.artifacts.has(artifactId),
    async loadArtifacts(ids) {
      await Promise.all(ids.map((artifactId) => {
        let request = artifacts.get(artifactId);
        if (!request) {
          request = fetchArtifact(id, artifactId).then((value) => {
            artifactValues.set(artifactId, value);
            return value;
          });
          request.catch(() => artifacts.delete(artifactId));
          artifacts.set(artifactId, request);
        }
        return request;
      }));
    },
    artifact: (artifactId) => artifactValues.get(artifactId),
    async loadTraces(laps, channels) {
      const waits: Promise<void>[] = [];
      for (const lap of laps) {
        for (const name of channels) {
          const key = `${lap}:${name}`;
          const known = channelRequests.get(key);
          if (known) {
            waits.push(known);
            continue;
          }
          if (!batch) {
            const pending = batch = new Map();
            queueMicrotask(() => {
              batch = null;
              flushChannels(pending);
            });
          }
          const names = batch.get(lap) ?? new Set<string>();
          names.add(name);
          batch.set(lap, names);
        }
      }
      // Let the batch flush, then wait for every request this call depends on.
      await Promise.resolve();
      for (const lap of laps) for (const name of channels) waits.push(channelRequests.get(`${lap}:${name}`)!);
      try {
        await Promise.all(waits);
      } catch (error) {
        for (const lap of laps) for (const name of channels) channelRequests.delete(`${lap}:${name}`);
        throw error;
      }
    },
    trace: (lap) => traces.get(lap),
    async loadPairDelta(ref, comp) {
      const [compared, reference] = deltaPair(ref, comp, detail.session.bestLap);
      const key = `${compared}:${reference}`;
      let request = deltas.get(key);
      if (!request) {
        request = fetchPairDelta(id, compared, reference).then((value) => {
          if (value) deltaValues.set(key, value);
        });
        request.catch(() => deltas.delete(key));
        deltas.set(key, request);
      }
      await request;
    },
    pairDelta(ref, comp) {
      const [compared, reference] = deltaPair(ref, comp, detail.session.bestLap);
      return deltaValues.get(`${compared}:${reference}`);
    },
  };
}
