/**
 * Loads what a view's panels and charts need from the server: their
 * artifacts, the selected laps' traces and the lap-pair delta. The view host
 * calls it per card; the shell calls it for every card of the open view as
 * soon as a session's detail arrives, so the requests are on their way while
 * the page is still rendering (the session store shares requests in flight,
 * so nothing is fetched twice).
 *
 * @module
 */

import type { RegisteredView } from "../../sdk/views.ts";
import type { SessionStore } from "../api/session_store.ts";

/** Selected reference and comparison laps. */
export interface LapPair {
  /** Reference lap, or null. */
  ref: number | null;
  /** Comparison lap, or null. */
  comp: number | null;
}

/** Artifact ids a contribution needs that the session lacks (traces need `distance-laps`). */
export function missingArtifacts(entry: RegisteredView, store: SessionStore): string[] {
  const needs = [...entry.contribution.needs];
  if (entry.contribution.traces?.length) needs.push("distance-laps");
  if (entry.contribution.pairDelta === "required") needs.push("delta");
  return needs.filter((id) => !store.has(id));
}

/** The panels and charts placed in a view, in display order. */
export function viewItems(registry: readonly RegisteredView[], viewId: string): RegisteredView[] {
  return registry
    .filter((r) => r.contribution.kind !== "view" && r.contribution.in?.includes(viewId))
    .sort((a, b) => (a.contribution.order ?? DEFAULT_ORDER) - (b.contribution.order ?? DEFAULT_ORDER));
}

const DEFAULT_ORDER = 100;

/**
 * Loads one contribution's data into `store` (and, for `scope: "track"`, into
 * the stores of the circuit's other sessions); returns those stores.
 */
export async function loadContributionData(
  store: SessionStore,
  entry: RegisteredView,
  laps: LapPair,
  loadTrackStores: () => Promise<SessionStore[]>,
): Promise<SessionStore[]> {
  const c = entry.contribution;
  const traceLaps = c.traces?.length ? [laps.ref, laps.comp].filter((l): l is number => l !== null) : [];
  const wantsPairDelta = c.pairDelta !== undefined && store.has("delta") && laps.ref !== null;
  const trackStores = c.scope === "track" ? await loadTrackStores() : [];
  const optional = (c.optional ?? []).filter((id) => store.has(id));
  await Promise.all([
    store.loadArtifacts([...c.needs, ...optional]),
    traceLaps.length ? store.loadTraces(traceLaps, c.traces!) : null,
    wantsPairDelta ? store.loadPairDelta(laps.ref!, laps.comp) : null,
    ...trackStores.map((t) => t.loadArtifacts([...c.needs, ...c.optional ?? []].filter((id) => t.has(id)))),
  ]);
  return trackStores;
}

/**
 * Starts loading the data of every card of a view that this session can
 * show (track-wide cards excepted: they wait for the session list). Errors
 * are left for the cards themselves to show.
 */
export function prefetchViewData(
  store: SessionStore,
  registry: readonly RegisteredView[],
  viewId: string,
  laps: LapPair,
): void {
  for (const entry of viewItems(registry, viewId)) {
    if (entry.contribution.scope === "track" || missingArtifacts(entry, store).length > 0) continue;
    loadContributionData(store, entry, laps, () => Promise.resolve([])).catch(() => {});
  }
}
