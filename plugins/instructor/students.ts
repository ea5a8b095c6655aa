/**
 * Both sides of the links: an instructor's students (with session and note
 * counts) and a student's instructors, and unlinking from either side.
 *
 * @module
 */

import { defineAppRoute, RouteError, signedInUser } from "../../sdk/mod.ts";
import { linksOfInstructor, linksOfStudent, removeLink } from "./links.ts";
import { notesOfInstructor } from "./notes_store.ts";

const iso = (ms: number) => new Date(ms).toISOString();

/** `GET /students`: the caller's students. */
export const listStudentsRoute = defineAppRoute({
  method: "GET",
  path: "/students",
  description: "The caller's linked students with their session and note counts.",
  async handler({ user, services }) {
    const me = signedInUser(user, "see your students");
    const [links, notes] = await Promise.all([
      linksOfInstructor(services.store, me.id),
      notesOfInstructor(services.store, me.id),
    ]);
    const notesPer = new Map<string, number>();
    for (const note of notes) notesPer.set(note.studentId, (notesPer.get(note.studentId) ?? 0) + 1);
    const students = await Promise.all(links.map(async (link) => {
      const [student, sessions] = await Promise.all([
        services.user(link.studentId),
        services.sessionsOf(link.studentId),
      ]);
      return {
        id: link.studentId,
        name: student?.name ?? link.studentId,
        linkedAt: iso(link.linkedAt),
        sessions: sessions.length,
        notes: notesPer.get(link.studentId) ?? 0,
      };
    }));
    return { students };
  },
});

/** `DELETE /students/{studentId}`: the instructor ends the link. */
export const removeStudentRoute = defineAppRoute({
  method: "DELETE",
  path: "/students/{studentId}",
  description:
    "Unlinks one of the caller's students (their sessions are no longer readable; notes stay with the student).",
  params: { studentId: { type: "string", description: "The student's user id", required: true } },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "manage your students");
    if (!await removeLink(services.store, me.id, params.studentId)) {
      throw new RouteError(404, "student_not_found", `you have no linked student "${params.studentId}"`);
    }
  },
});

/** `GET /instructors`: the caller's instructors. */
export const listInstructorsRoute = defineAppRoute({
  method: "GET",
  path: "/instructors",
  description: "The instructors the caller is linked to as a student.",
  async handler({ user, services }) {
    const me = signedInUser(user, "see your instructors");
    const instructors = await Promise.all((await linksOfStudent(services.store, me.id)).map(async (link) => ({
      id: link.instructorId,
      name: (await services.user(link.instructorId))?.name ?? link.instructorId,
      linkedAt: iso(link.linkedAt),
    })));
    return { instructors };
  },
});

/** `DELETE /instructors/{instructorId}`: the student ends the link. */
export const leaveInstructorRoute = defineAppRoute({
  method: "DELETE",
  path: "/instructors/{instructorId}",
  description:
    "Unlinks the caller from one of their instructors, who can then no longer read their sessions.",
  params: { instructorId: { type: "string", description: "The instructor's user id", required: true } },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "manage your instructors");
    if (!await removeLink(services.store, params.instructorId, me.id)) {
      throw new RouteError(404, "instructor_not_found", `you have no instructor "${params.instructorId}"`);
    }
  },
});
