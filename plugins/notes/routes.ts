/**
 * The notes plugin's routes, under `/api/plugins/notes`, all for the
 * signed-in driver's own sessions and notes (anyone else's answer 404):
 *
 * - `GET /notes?session_id=` → the notes that apply to one of the driver's sessions
 *   (its own and those for its circuit): pinned first, then the session's,
 *   laps' and corners' in lap order, oldest first; each with the corner's
 *   number in this session (null when this session has no corner of that
 *   label);
 * - `POST /notes` `{session_id, text, scope?, corner?, lap?, pinned?}` → a
 *   new note on that session; `scope` is `session` (default) or `track` (every session
 *   at the circuit; about the circuit or one of its official corners, not a
 *   lap); `corner` is the corner's number in this session;
 * - `PATCH /notes/{noteId}` `{text?, pinned?}` → the changed note;
 * - `DELETE /notes/{noteId}`.
 *
 * @module
 */

import {
  type AnyAppRoute,
  type AppServices,
  bodyObject,
  booleanField,
  type Corner,
  CornersKey,
  defineAppRoute,
  integerField,
  LapsKey,
  RouteError,
  sessionOwnedBy,
  signedInUser,
  stringField,
} from "../../sdk/mod.ts";
import {
  cornerOf,
  deleteNote,
  type DriverNote,
  findNote,
  MAX_NOTE_LENGTH,
  MAX_NOTES_PER_DRIVER,
  noteCount,
  type NoteScope,
  notesFor,
  saveNote,
} from "./notes_store.ts";

const SESSION = { session_id: { type: "string", description: "One of your sessions" } } as const;
const NOTE = { noteId: { type: "string", description: "One of your notes", required: true } } as const;

/** A note as the routes return it, listed on the session `listedOn` whose corners are `corners`. */
function noteJson(note: DriverNote, listedOn: string, corners: readonly Corner[]) {
  return {
    id: note.id,
    scope: note.scope,
    trackSlug: note.trackSlug,
    corner: cornerOf(note, corners)?.number ?? null,
    cornerLabel: note.cornerLabel,
    lap: note.lap,
    text: note.text,
    pinned: note.pinned,
    writtenOn: note.sessionId === listedOn ? "this session" : "another session at this circuit",
    createdAt: new Date(note.createdAt).toISOString(),
    updatedAt: new Date(note.updatedAt).toISOString(),
  };
}

/** A session's corners (none when it has not been analysed, or no longer exists). */
async function cornersOf(services: AppServices, sessionId: string): Promise<Corner[]> {
  return (await services.artifacts(sessionId).get(CornersKey)) ?? [];
}

/** One of the driver's notes; a 404 when they have no such note. */
async function requireNote(services: AppServices, ownerId: string, noteId: string): Promise<DriverNote> {
  const note = await findNote(services.store, ownerId, noteId);
  if (!note) throw new RouteError(404, "note_not_found", `you have no note ${noteId}`);
  return note;
}

/** Pinned first; then the session's own, the laps', the corners' in lap order; then oldest first. */
function listOrder(corners: readonly Corner[]) {
  const position = (note: DriverNote) => {
    const corner = cornerOf(note, corners);
    return corner ? 1000 + corner.number : note.lap ?? 0;
  };
  return (a: DriverNote, b: DriverNote) =>
    Number(b.pinned) - Number(a.pinned) || position(a) - position(b) || a.createdAt - b.createdAt;
}

/** Every route of the plugin. */
export const notesRoutes: AnyAppRoute[] = [
  defineAppRoute({
    method: "GET",
    path: "/notes",
    description:
      "Your notes on one of your sessions (?session_id=) and on its circuit, pinned first, then in lap order",
    query: SESSION,
    async handler({ user, query, services }) {
      const me = signedInUser(user, "read your notes");
      if (!query.session_id) throw new RouteError(400, "invalid_field", '"session_id" is required');
      const session = await sessionOwnedBy(services, me.id, query.session_id);
      const corners = await cornersOf(services, session.id);
      const notes = await notesFor(services.store, me.id, session);
      return notes.sort(listOrder(corners)).map((note) => noteJson(note, session.id, corners));
    },
  }),
  defineAppRoute({
    method: "POST",
    path: "/notes",
    description:
      `Writes a note {session_id, text (at most ${MAX_NOTE_LENGTH} characters), scope? (session or track), corner?, lap?, pinned?} on one of your sessions`,
    async handler({ user, body, services }) {
      const me = signedInUser(user, "write notes");
      const fields = bodyObject(body);
      const session = await sessionOwnedBy(services, me.id, stringField(fields, "session_id"));
      const text = stringField(fields, "text", { maxLength: MAX_NOTE_LENGTH });
      const scope = (fields.scope === undefined
        ? "session"
        : stringField(fields, "scope", { oneOf: ["session", "track"] })) as NoteScope;
      const pinned = fields.pinned === undefined ? false : booleanField(fields, "pinned");
      if (scope === "track" && session.trackSlug === null) {
        throw new RouteError(
          400,
          "unknown_circuit",
          "this session's circuit is unknown, so a note can only be for this session",
        );
      }
      let cornerLabel: string | null = null;
      if (fields.corner !== undefined) {
        const number = integerField(fields, "corner", 1, 1000);
        const corner = (await cornersOf(services, session.id)).find((c) =>
          c.number === number
        );
        if (!corner) throw new RouteError(400, "invalid_field", `this session has no corner ${number}`);
        if (scope === "track" && corner.officialNumbers.length === 0) {
          throw new RouteError(
            400,
            "invalid_field",
            `corner ${corner.label} is not one of the circuit's official corners, so a note on it can only be for this session`,
          );
        }
        cornerLabel = corner.label;
      }
      let lap: number | null = null;
      if (fields.lap !== undefined) {
        if (scope === "track") {
          throw new RouteError(400, "invalid_field", "a note for the circuit cannot be about one lap");
        }
        lap = integerField(fields, "lap", 1, 100_000);
        const laps = (await services.artifacts(session.id).get(LapsKey)) ?? [];
        if (!laps.some((l) => l.number === lap)) {
          throw new RouteError(400, "invalid_field", `this session has no lap ${lap}`);
        }
      }
      if (await noteCount(services.store, me.id) >= MAX_NOTES_PER_DRIVER) {
        throw new RouteError(
          409,
          "note_limit",
          `you keep ${MAX_NOTES_PER_DRIVER} notes, the most there may be: delete some first`,
        );
      }
      const now = Date.now();
      const note: DriverNote = {
        id: crypto.randomUUID(),
        ownerId: me.id,
        sessionId: session.id,
        scope,
        trackSlug: scope === "track" ? session.trackSlug : null,
        cornerLabel,
        lap,
        text,
        pinned,
        createdAt: now,
        updatedAt: now,
      };
      await saveNote(services.store, note);
      return noteJson(note, session.id, await cornersOf(services, session.id));
    },
  }),
  defineAppRoute({
    method: "PATCH",
    path: "/notes/{noteId}",
    description: "Changes the text or the pin of one of your notes: {text?, pinned?}",
    params: NOTE,
    async handler({ user, params, body, services }) {
      const note = await requireNote(services, signedInUser(user, "change your notes").id, params.noteId);
      const fields = bodyObject(body);
      const changed: DriverNote = {
        ...note,
        text: fields.text === undefined
          ? note.text
          : stringField(fields, "text", { maxLength: MAX_NOTE_LENGTH }),
        pinned: fields.pinned === undefined ? note.pinned : booleanField(fields, "pinned"),
        updatedAt: Date.now(),
      };
      await saveNote(services.store, changed);
      return noteJson(changed, note.sessionId, await cornersOf(services, note.sessionId));
    },
  }),
  defineAppRoute({
    method: "DELETE",
    path: "/notes/{noteId}",
    description: "Deletes one of your notes",
    params: NOTE,
    async handler({ user, params, services }) {
      await requireNote(services, signedInUser(user, "delete your notes").id, params.noteId);
      await deleteNote(services.store, params.noteId);
      return { deleted: params.noteId };
    },
  }),
];
