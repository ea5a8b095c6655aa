/**
 * The driver's notes in the plugin's record store. A note is written on one
 * of the driver's sessions and is about the whole session, one lap of it or
 * one corner; a note for the circuit (`scope: "track"`) shows on every one
 * of the driver's sessions there, its corner found again by the circuit's
 * official label (`T5`, `T2-4`), which stays the same from session to
 * session while corner numbers need not.
 *
 * Records are indexed by where they apply (`session:<id>` or
 * `track:<slug>`), so a session's notes are two indexed reads, and owned by
 * the driver, so nobody else's list ever holds them.
 *
 * @module
 */

import type { Corner, PluginStore } from "../../sdk/mod.ts";

/** The store collection. */
const COLLECTION = "notes";
/** Notes one driver may keep (the original's limit). */
export const MAX_NOTES_PER_DRIVER = 500;
/** Longest note, characters. */
export const MAX_NOTE_LENGTH = 2000;

/** Where a note applies. */
export type NoteScope = "session" | "track";

/** A note as stored. */
export interface DriverNote {
  /** Note id. */
  id: string;
  /** The driver. */
  ownerId: string;
  /** The session it was written on. */
  sessionId: string;
  /** `session`: that session only; `track`: every session of the driver at `trackSlug`. */
  scope: NoteScope;
  /** The circuit, for track notes (null on session notes). */
  trackSlug: string | null;
  /** The corner's label (`T5`; `C3` only on session notes), or null for a note on the session or a lap. */
  cornerLabel: string | null;
  /** The lap (session notes only), or null. */
  lap: number | null;
  /** The text. */
  text: string;
  /** Pinned notes are listed first. */
  pinned: boolean;
  /** Written, ms since the epoch. */
  createdAt: number;
  /** Last changed, ms since the epoch. */
  updatedAt: number;
}

const indexOf = (note: Pick<DriverNote, "scope" | "sessionId" | "trackSlug">) =>
  note.scope === "track" ? `track:${note.trackSlug}` : `session:${note.sessionId}`;

/** Stores a note (new or changed). */
export async function saveNote(store: PluginStore, note: DriverNote): Promise<void> {
  await store.put(COLLECTION, note.id, { ...note }, { ownerId: note.ownerId, index: indexOf(note) });
}

/** One of the driver's notes, or undefined. */
export async function findNote(
  store: PluginStore,
  ownerId: string,
  id: string,
): Promise<DriverNote | undefined> {
  const record = await store.get(COLLECTION, id);
  return record && record.ownerId === ownerId ? record.value as unknown as DriverNote : undefined;
}

/** Deletes a note. */
export async function deleteNote(store: PluginStore, id: string): Promise<void> {
  await store.delete(COLLECTION, id);
}

/** Deletes the notes on one session only (its circuit's notes stay); returns how many. */
export async function deleteSessionNotes(store: PluginStore, sessionId: string): Promise<number> {
  const records = await store.list(COLLECTION, { index: `session:${sessionId}` });
  for (const record of records) await store.delete(COLLECTION, record.key);
  return records.length;
}

/** How many notes the driver keeps. */
export async function noteCount(store: PluginStore, ownerId: string): Promise<number> {
  return (await store.list(COLLECTION, { ownerId })).length;
}

/** The driver's notes that apply to a session: its own, and those for its circuit. */
export async function notesFor(
  store: PluginStore,
  ownerId: string,
  session: { id: string; trackSlug: string | null },
): Promise<DriverNote[]> {
  const indexes = [`session:${session.id}`, ...(session.trackSlug ? [`track:${session.trackSlug}`] : [])];
  const lists = await Promise.all(indexes.map((index) => store.list(COLLECTION, { ownerId, index })));
  return lists.flat().map((record) => record.value as unknown as DriverNote);
}

/** The session's corner a note is about, by label; undefined when the note has none or the session lacks it. */
export function cornerOf(note: DriverNote, corners: readonly Corner[]): Corner | undefined {
  return note.cornerLabel === null ? undefined : corners.find((c) => c.label === note.cornerLabel);
}
