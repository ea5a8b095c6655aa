/**
 * The Instructor page's id and its addresses: the overview, one student's
 * sessions (`student`), and one of those sessions (`student` and `session`).
 *
 * @module
 */

/** Id of the Instructor app page (see `mod.ts`). */
export const INSTRUCTOR_PAGE = "instructor";

/** Parameters of the page showing one student's sessions, or one of them. */
export function studentAddress(studentId: string, sessionId?: string): Record<string, string> {
  return sessionId === undefined ? { student: studentId } : { student: studentId, session: sessionId };
}
