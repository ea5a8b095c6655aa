/**
 * Circuits drivers added from their sessions, kept in the plugin's store
 * (collection `circuits`, one record per circuit, keyed by slug, owned by
 * the driver who added it, holding the circuit file only, so an account
 * import can restore it on another workbench) and handed to the
 * `match-track` stage as the plugin's analysis data. They are
 * workbench-wide: every driver's sessions there match them.
 *
 * @module
 */

import type { JsonValue, PluginStore, SessionDeletedEvent, StoredRecord } from "../../sdk/mod.ts";
import type { CircuitFile } from "./circuit_builder.ts";
import { builtInCatalog, type CircuitCatalog, parseCircuit, type ParsedCircuit } from "./circuits.ts";

/** The store collection of added circuits. */
export const CIRCUITS_COLLECTION = "circuits";

/** An added circuit and who added it. */
export interface AddedCircuit {
  /** The circuit file. */
  file: CircuitFile;
  /** User id of the driver who added it (the record's owner). */
  addedBy: string;
  /** When it was added, ms since the epoch. */
  addedAt: number;
}

/** An added circuit from its record. */
const fromRecord = (record: StoredRecord): AddedCircuit => ({
  file: (record.value as unknown as { file: CircuitFile }).file,
  addedBy: record.ownerId ?? "",
  addedAt: record.createdAt,
});

/** The tracks plugin's analysis data: the added circuits' files. */
export interface TracksAnalysisData {
  /** Circuit files, oldest first. */
  circuits: CircuitFile[];
}

/** Every added circuit, oldest first. */
export async function addedCircuits(store: PluginStore): Promise<AddedCircuit[]> {
  return (await store.list(CIRCUITS_COLLECTION)).map(fromRecord);
}

/** One added circuit, or undefined. */
export async function addedCircuit(store: PluginStore, slug: string): Promise<AddedCircuit | undefined> {
  const record = await store.get(CIRCUITS_COLLECTION, slug);
  return record && fromRecord(record);
}

/** Stores (adds or replaces) an added circuit. */
export function saveCircuit(store: PluginStore, circuit: Omit<AddedCircuit, "addedAt">): Promise<void> {
  const value = { file: circuit.file } as unknown as JsonValue;
  return store.put(CIRCUITS_COLLECTION, circuit.file.slug, value, { ownerId: circuit.addedBy });
}

/** Deletes an added circuit; true when it existed. */
export function deleteCircuit(store: PluginStore, slug: string): Promise<boolean> {
  return store.delete(CIRCUITS_COLLECTION, slug);
}

/** The analysis data of the tracks plugin: what `match-track` matches besides the built-in circuits. */
export async function tracksAnalysisData(store: PluginStore): Promise<JsonValue> {
  const data: TracksAnalysisData = { circuits: (await addedCircuits(store)).map((c) => c.file) };
  return data as unknown as JsonValue;
}

/**
 * The built-in catalogue with the added circuits of a run's analysis data
 * (`ctx.settings.pluginData.tracks`). An added circuit that fails
 * validation, or takes a built-in circuit's slug, is a problem of the
 * catalogue; the others match as built-in ones do. `parsed` keeps each
 * file's track between runs, keyed by its text (files no longer given are
 * dropped from it).
 */
export function catalogWithAdded(
  builtIn: CircuitCatalog,
  data: unknown,
  parsed: Map<string, ParsedCircuit>,
): CircuitCatalog {
  const files = (data as Partial<TracksAnalysisData> | undefined)?.circuits;
  if (!Array.isArray(files) || files.length === 0) return builtIn;
  const tracks = [...builtIn.tracks];
  const problems = [...builtIn.problems];
  const taken = new Set(tracks.map((t) => t.slug));
  const texts = files.map((file) => JSON.stringify(file));
  for (const text of parsed.keys()) if (!texts.includes(text)) parsed.delete(text);
  files.forEach((file, i) => {
    const slug = typeof file?.slug === "string" ? file.slug : "?";
    const text = texts[i];
    let result = parsed.get(text);
    if (!result) parsed.set(text, result = parseCircuit(text, `${slug}.json`));
    const where = `added circuit ${slug}`;
    if (!result.ok) problems.push({ file: where, message: result.message });
    else if (taken.has(slug)) {
      problems.push({ file: where, message: `slug "${slug}" is a built-in circuit's` });
    } else {
      taken.add(slug);
      tracks.push(result.track);
    }
  });
  return { tracks, problems };
}

/**
 * After a session is deleted: when its circuit was an added one that is
 * gone too (it went with the account of the driver who added it), the
 * other sessions still matched to it are analysed again, so they become
 * unmatched instead of keeping a circuit that no longer exists.
 */
export async function forgetVanishedCircuit({ session, services }: SessionDeletedEvent): Promise<void> {
  const slug = session.trackSlug;
  if (slug === null || await addedCircuit(services.store, slug)) return;
  if ((await builtInCatalog()).tracks.some((t) => t.slug === slug)) return;
  const left = await services.sessionsAtTrack(slug);
  if (left.length > 0) await services.reanalyse(left.map((s) => s.id));
}
