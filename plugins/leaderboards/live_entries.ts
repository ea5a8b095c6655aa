/**
 * The stored entries at a circuit, checked against the workbench as it is
 * now, each time a board is read:
 *
 * - the driver must still be opted in;
 * - the session must still exist, belong to the driver and be analysed (a
 *   deleted session's entry is dropped from the store here, since the
 *   server deletes sessions without telling plugins; one being re-analysed
 *   is left out until its analysis ends);
 * - the car classes come from the equipment profile assigned to the
 *   session now (a profile of the session's owner only), so re-assigning
 *   equipment moves the entry at once, with no re-analysis.
 *
 * @module
 */

import type { AppEquipment, AppServices } from "../../sdk/mod.ts";
import { powerClassOf, tyreClassOf } from "./classes.ts";
import type { SessionEntry } from "./entries.ts";
import { dropEntry, optedInUsers, storedEntries } from "./records.ts";
import type { LiveEntry } from "./ranking.ts";

/** The live entries at a circuit (rules in the module doc). */
export async function liveEntries(services: AppServices, trackSlug: string): Promise<LiveEntry[]> {
  const { store } = services;
  const [entries, optedIn] = await Promise.all([storedEntries(store, trackSlug), optedInUsers(store)]);
  return liveEntriesOf(services, entries, optedIn);
}

/** The live ones among stored `entries` (of any circuits), `optedIn` the opted-in drivers' ids as just read. */
export async function liveEntriesOf(
  services: AppServices,
  entries: readonly SessionEntry[],
  optedIn: ReadonlySet<string>,
): Promise<LiveEntry[]> {
  const { store } = services;
  const names = new Map<string, string>();
  const live: LiveEntry[] = [];
  for (const entry of entries) {
    if (!optedIn.has(entry.userId)) continue;
    const session = await services.session(entry.sessionId);
    if (!session || session.userId !== entry.userId) {
      await dropEntry(store, entry.sessionId);
      continue;
    }
    if (session.status !== "done") continue;
    let driver = names.get(entry.userId);
    if (driver === undefined) {
      driver = (await services.user(entry.userId))?.name ?? "A driver";
      names.set(entry.userId, driver);
    }
    const profile = session.equipmentId === null ? undefined : await services.equipment(session.equipmentId);
    const equipment: AppEquipment | undefined = profile?.userId === session.userId ? profile : undefined;
    live.push({ ...entry, driver, tyres: tyreClassOf(equipment), power: powerClassOf(equipment) });
  }
  return live;
}
