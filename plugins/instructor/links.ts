/**
 * Instructor–student links (collection `links`, key
 * `<instructor id>:<student id>`, owner the instructor, index the student)
 * and the access rule built on them: an instructor reads a student's
 * session only while linked to that student, and only a session the
 * student owns. Everything else is a 404 that does not say whether the
 * student or the session exists.
 *
 * @module
 */

import {
  type AppServices,
  type AppSession,
  type PluginStore,
  RouteError,
  sessionOwnedBy,
} from "../../sdk/mod.ts";

const LINKS = "links";

/** One link. */
export interface Link {
  /** The instructor's user id. */
  readonly instructorId: string;
  /** The student's user id. */
  readonly studentId: string;
  /** When the student accepted the invite, ms since the epoch. */
  readonly linkedAt: number;
}

function linkKey(instructorId: string, studentId: string): string {
  return `${instructorId}:${studentId}`;
}

/** The link between the two, or undefined. */
export async function findLink(
  store: PluginStore,
  instructorId: string,
  studentId: string,
): Promise<Link | undefined> {
  return (await store.get(LINKS, linkKey(instructorId, studentId)))?.value as Link | undefined;
}

/** Stores a link. */
export async function saveLink(store: PluginStore, link: Link): Promise<void> {
  await store.put(LINKS, linkKey(link.instructorId, link.studentId), { ...link }, {
    ownerId: link.instructorId,
    index: link.studentId,
  });
}

/** Removes a link; true when it existed. */
export function removeLink(store: PluginStore, instructorId: string, studentId: string): Promise<boolean> {
  return store.delete(LINKS, linkKey(instructorId, studentId));
}

/** The instructor's links, oldest first. */
export async function linksOfInstructor(store: PluginStore, instructorId: string): Promise<Link[]> {
  return (await store.list(LINKS, { ownerId: instructorId })).map((r) => r.value as unknown as Link);
}

/** The student's links, oldest first. */
export async function linksOfStudent(store: PluginStore, studentId: string): Promise<Link[]> {
  return (await store.list(LINKS, { index: studentId })).map((r) => r.value as unknown as Link);
}

/** The link, or a 404 naming the student. */
export async function requireStudent(
  store: PluginStore,
  instructorId: string,
  studentId: string,
): Promise<Link> {
  const link = await findLink(store, instructorId, studentId);
  if (!link) throw new RouteError(404, "student_not_found", `you have no linked student "${studentId}"`);
  return link;
}

/** One of a linked student's sessions, or a 404 (not linked, no such session, or not the student's). */
export async function requireStudentSession(
  services: AppServices,
  instructorId: string,
  studentId: string,
  sessionId: string,
): Promise<AppSession> {
  await requireStudent(services.store, instructorId, studentId);
  return await sessionOwnedBy(
    services,
    studentId,
    sessionId,
    `your student "${studentId}" has no session "${sessionId}"`,
  );
}
