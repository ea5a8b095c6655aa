/**
 * The `instructor` plugin: an instructor invites a student with a code; once
 * the student accepts, the instructor reads the student's sessions
 * read-only and pins notes (attention, safety, improvement, praise, note)
 * on a corner of a session, which the student sees on their own sessions.
 * Either side can unlink.
 *
 * Access rule (`links.ts`): an instructor reads a session only while linked
 * to its owner; anything else, including a session of a student who
 * unlinked, is a 404 that does not reveal whether it exists.
 *
 * Better than the original, whose flags carried only a type, an optional
 * session and a text: a note names a corner and is checked against that
 * session's own corners, codes lapse after 14 days unused, the student can
 * unlink too, and the notes stay with the student after an unlink.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { INSTRUCTOR_PAGE } from "./page_address.ts";
import { acceptInviteRoute, createInviteRoute, listInvitesRoute, revokeInviteRoute } from "./invites.ts";
import { addNoteRoute, deleteNoteRoute, myNotesRoute, studentNotesRoute } from "./notes.ts";
import { deleteSessionNotes } from "./notes_store.ts";
import { studentArtifactRoute, studentSessionRoute, studentSessionsRoute } from "./student_sessions.ts";
import {
  leaveInstructorRoute,
  listInstructorsRoute,
  listStudentsRoute,
  removeStudentRoute,
} from "./students.ts";

export default definePlugin({
  id: "instructor",
  version: "1.0.0",
  sdk: "^1.1",
  description: "Instructors and students: invite codes, a student's sessions read-only, notes on corners.",
  onSessionDeleted: ({ session, services }) => deleteSessionNotes(services.store, session.userId, session.id),
  appRoutes: [
    createInviteRoute,
    listInvitesRoute,
    revokeInviteRoute,
    acceptInviteRoute,
    listStudentsRoute,
    removeStudentRoute,
    listInstructorsRoute,
    leaveInstructorRoute,
    studentSessionsRoute,
    studentSessionRoute,
    studentArtifactRoute,
    addNoteRoute,
    studentNotesRoute,
    deleteNoteRoute,
    myNotesRoute,
  ],
  views: [{
    kind: "view",
    id: INSTRUCTOR_PAGE,
    title: "Instructor",
    description: "Invite students, read their sessions and leave notes; or follow your instructor's notes",
    scope: "app",
    order: 50,
    needs: [],
    module: "./instructor_page.ts",
  }],
});
