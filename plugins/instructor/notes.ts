/**
 * Notes routes: an instructor flags a corner of a linked student's session
 * (`attention`, `safety`, `improvement`, `praise` or a plain `note`), lists
 * and deletes their notes; a student reads the notes on their own
 * sessions.
 *
 * @module
 */

import {
  bodyObject,
  CornersKey,
  defineAppRoute,
  integerField,
  RouteError,
  signedInUser,
  stringField,
} from "../../sdk/mod.ts";
import { requireStudent, requireStudentSession } from "./links.ts";
import { deleteNote, findNote, NOTE_KINDS, noteJson, notesOfStudent, saveNote } from "./notes_store.ts";

const studentParam = { type: "string", description: "The student's user id", required: true } as const;

/** `POST /students/{studentId}/notes`: a note on a corner of a linked student's session. */
export const addNoteRoute = defineAppRoute({
  method: "POST",
  path: "/students/{studentId}/notes",
  description:
    "Adds a note {session_id, corner, kind, text} on a corner of a linked student's session; 404 when not linked.",
  params: { studentId: studentParam },
  async handler({ user, services, params, body }) {
    const me = signedInUser(user, "write notes");
    const fields = bodyObject(body);
    const sessionId = stringField(fields, "session_id");
    const session = await requireStudentSession(services, me.id, params.studentId, sessionId);
    const corner = integerField(fields, "corner", 1, 1000);
    const kind = stringField(fields, "kind", { oneOf: NOTE_KINDS }) as (typeof NOTE_KINDS)[number];
    const text = stringField(fields, "text", { maxLength: 2000 });
    const corners = (await services.artifacts(session.id).get(CornersKey)) ?? [];
    const found = corners.find((c) => c.number === corner);
    if (!found) {
      throw new RouteError(
        400,
        "corner_not_found",
        corners.length === 0
          ? `session "${session.id}" has no corners to note`
          : `session "${session.id}" has no corner ${corner}; its corners are 1 to ${corners.length}`,
      );
    }
    const note = {
      id: crypto.randomUUID(),
      instructorId: me.id,
      studentId: params.studentId,
      sessionId: session.id,
      corner,
      cornerLabel: found.label,
      kind,
      text,
      createdAt: Date.now(),
    };
    await saveNote(services.store, note);
    return noteJson(note, me.name);
  },
});

/** `GET /students/{studentId}/notes`: the caller's notes on a linked student. */
export const studentNotesRoute = defineAppRoute({
  method: "GET",
  path: "/students/{studentId}/notes",
  description: "The caller's notes on a linked student's sessions, oldest first; 404 when not linked.",
  params: { studentId: studentParam },
  query: { session: { type: "string", description: "Only this session's notes" } },
  async handler({ user, services, params, query }) {
    const me = signedInUser(user, "see your notes");
    await requireStudent(services.store, me.id, params.studentId);
    const notes = await notesOfStudent(services.store, params.studentId, query.session);
    return {
      notes: notes.filter((note) => note.instructorId === me.id).map((note) => noteJson(note, me.name)),
    };
  },
});

/** `DELETE /notes/{noteId}`: deletes one of the caller's notes. */
export const deleteNoteRoute = defineAppRoute({
  method: "DELETE",
  path: "/notes/{noteId}",
  description: "Deletes a note the caller wrote.",
  params: { noteId: { type: "string", description: "The note's id", required: true } },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "delete notes");
    const note = await findNote(services.store, params.noteId);
    if (!note || note.instructorId !== me.id) {
      throw new RouteError(404, "note_not_found", `you wrote no note "${params.noteId}"`);
    }
    await deleteNote(services.store, note.id);
  },
});

/** `GET /my-notes`: the notes instructors wrote on the caller's sessions. */
export const myNotesRoute = defineAppRoute({
  method: "GET",
  path: "/my-notes",
  description:
    "Notes instructors wrote on the caller's own sessions, oldest first (optionally one session's), with each session's circuit and date.",
  query: { session: { type: "string", description: "Only this session's notes" } },
  async handler({ user, services, query }) {
    const me = signedInUser(user, "see notes on your sessions");
    const [notes, mySessions] = await Promise.all([
      notesOfStudent(services.store, me.id, query.session),
      services.sessionsOf(me.id),
    ]);
    const instructorIds = [...new Set(notes.map((n) => n.instructorId))];
    const instructors = await Promise.all(instructorIds.map((id) => services.user(id)));
    const names = new Map(instructorIds.map((id, i) => [id, instructors[i]?.name ?? id]));
    const sessions = new Map(mySessions.map((s) => [s.id, { trackName: s.trackName, date: s.date }]));
    return {
      notes: notes.map((note) => ({
        ...noteJson(note, names.get(note.instructorId)),
        session: sessions.get(note.sessionId) ?? null,
      })),
    };
  },
});
