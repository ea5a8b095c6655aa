/**
 * Notes an instructor pins on a corner of a student's session (collection
 * `notes`, key the note id, owner the instructor, index the student). A
 * note outlives the link: the student keeps the coaching they were given.
 *
 * @module
 */

import type { PluginStore } from "../../sdk/mod.ts";

const NOTES = "notes";

/** What a note flags. */
export const NOTE_KINDS = ["attention", "safety", "improvement", "praise", "note"] as const;

/** One note. */
export interface Note {
  /** Note id. */
  readonly id: string;
  /** Who wrote it. */
  readonly instructorId: string;
  /** Whose session it is on. */
  readonly studentId: string;
  /** The session. */
  readonly sessionId: string;
  /** Corner number in that session. */
  readonly corner: number;
  /** The corner's label there (`"T5"`). */
  readonly cornerLabel: string;
  /** One of {@linkcode NOTE_KINDS}. */
  readonly kind: (typeof NOTE_KINDS)[number];
  /** The note. */
  readonly text: string;
  /** When it was written, ms since the epoch. */
  readonly createdAt: number;
}

/** Stores a note. */
export async function saveNote(store: PluginStore, note: Note): Promise<void> {
  await store.put(NOTES, note.id, { ...note }, { ownerId: note.instructorId, index: note.studentId });
}

/** A note by id, or undefined. */
export async function findNote(store: PluginStore, id: string): Promise<Note | undefined> {
  return (await store.get(NOTES, id))?.value as Note | undefined;
}

/** Deletes a note. */
export function deleteNote(store: PluginStore, id: string): Promise<boolean> {
  return store.delete(NOTES, id);
}

/** Every note on the student's sessions, oldest first (optionally only one session's). */
export async function notesOfStudent(
  store: PluginStore,
  studentId: string,
  sessionId?: string,
): Promise<Note[]> {
  return (await store.list(NOTES, { index: studentId }))
    .map((r) => r.value as unknown as Note)
    .filter((note) => sessionId === undefined || note.sessionId === sessionId);
}

/** Deletes the notes on one of the student's sessions (after the session was deleted). */
export async function deleteSessionNotes(
  store: PluginStore,
  studentId: string,
  sessionId: string,
): Promise<void> {
  for (const note of await notesOfStudent(store, studentId, sessionId)) await store.delete(NOTES, note.id);
}

/** Every note the instructor wrote, on any student's sessions, oldest first. */
export async function notesOfInstructor(store: PluginStore, instructorId: string): Promise<Note[]> {
  return (await store.list(NOTES, { ownerId: instructorId })).map((r) => r.value as unknown as Note);
}

/** A note as routes return it (times as ISO 8601). */
export function noteJson(note: Note, instructorName?: string) {
  return {
    ...note,
    createdAt: new Date(note.createdAt).toISOString(),
    instructorName: instructorName ?? null,
  };
}
