/**
 * An instructor's read-only view of a linked student's sessions: the list,
 * one session's summary (laps, corners, consistency, the notes on it) and
 * a chosen set of its artifacts. Every route checks the link and the
 * session's owner first (`links.ts`).
 *
 * @module
 */

import {
  type ArtifactKey,
  ConsistencyKey,
  CornerKpisKey,
  CornersKey,
  defineAppRoute,
  GainsKey,
  GpsQualityKey,
  LapsKey,
  LapTagsKey,
  RouteError,
  SectorsKey,
  signedInUser,
  summarizeSession,
} from "../../sdk/mod.ts";
import { requireStudent, requireStudentSession } from "./links.ts";
import { noteJson, notesOfStudent } from "./notes_store.ts";

/** The artifacts an instructor may read, by id: the analysis, not the raw file or its traces. */
const READABLE_ARTIFACTS: ReadonlyMap<string, ArtifactKey<unknown>> = new Map(
  [LapsKey, LapTagsKey, CornersKey, CornerKpisKey, ConsistencyKey, GainsKey, SectorsKey, GpsQualityKey]
    .map((key) => [key.id, key as ArtifactKey<unknown>]),
);

const studentParam = { type: "string", description: "The student's user id", required: true } as const;
const sessionParam = { type: "string", description: "The student's session id", required: true } as const;

/** `GET /students/{studentId}/sessions`: a linked student's sessions, newest first. */
export const studentSessionsRoute = defineAppRoute({
  method: "GET",
  path: "/students/{studentId}/sessions",
  description:
    "A linked student's sessions, newest first, with the number of notes on each; 404 when not linked.",
  params: { studentId: studentParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see your students' sessions");
    await requireStudent(services.store, me.id, params.studentId);
    const [sessions, notes] = await Promise.all([
      services.sessionsOf(params.studentId),
      notesOfStudent(services.store, params.studentId),
    ]);
    const notesPer = new Map<string, number>();
    for (const note of notes) notesPer.set(note.sessionId, (notesPer.get(note.sessionId) ?? 0) + 1);
    return {
      sessions: sessions.map((s) => ({
        id: s.id,
        fileName: s.fileName,
        status: s.status,
        trackSlug: s.trackSlug,
        trackName: s.trackName,
        date: s.date,
        notes: notesPer.get(s.id) ?? 0,
      })),
    };
  },
});

/** `GET /students/{studentId}/sessions/{sessionId}`: one session of a linked student, summarised. */
export const studentSessionRoute = defineAppRoute({
  method: "GET",
  path: "/students/{studentId}/sessions/{sessionId}",
  description:
    "One session of a linked student: summary, laps with tags, corners and the notes on it; 404 when not linked.",
  params: { studentId: studentParam, sessionId: sessionParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see your students' sessions");
    const session = await requireStudentSession(services, me.id, params.studentId, params.sessionId);
    const artifacts = services.artifacts(session.id);
    const [summary, laps, tagging, corners, notes] = await Promise.all([
      summarizeSession(artifacts),
      artifacts.get(LapsKey),
      artifacts.get(LapTagsKey),
      artifacts.get(CornersKey),
      notesOfStudent(services.store, params.studentId, session.id),
    ]);
    const tagsOf = new Map((tagging ?? []).map((t) => [t.lap, t.tags]));
    return {
      session,
      summary,
      laps: (laps ?? []).map((lap) => ({
        number: lap.number,
        kind: lap.kind,
        timeS: lap.timeS,
        included: lap.included,
        tags: tagsOf.get(lap.number) ?? [],
      })),
      corners: (corners ?? []).map((c) => ({ number: c.number, label: c.label, name: c.name })),
      notes: notes.map((note) => noteJson(note)),
    };
  },
});

/** `GET /students/{studentId}/sessions/{sessionId}/artifacts/{artifact}`: one analysis artifact of a linked student's session. */
export const studentArtifactRoute = defineAppRoute({
  method: "GET",
  path: "/students/{studentId}/sessions/{sessionId}/artifacts/{artifact}",
  description:
    "One analysis artifact (laps, corners, consistency, …) of a linked student's session; 404 when not linked.",
  params: {
    studentId: studentParam,
    sessionId: sessionParam,
    artifact: {
      type: "string",
      description: "Artifact id",
      required: true,
      enum: [...READABLE_ARTIFACTS.keys()],
    },
  },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see your students' sessions");
    const session = await requireStudentSession(services, me.id, params.studentId, params.sessionId);
    const key = READABLE_ARTIFACTS.get(params.artifact);
    if (!key) {
      throw new RouteError(
        400,
        "artifact_not_readable",
        `"${params.artifact}" is not readable; choose one of ${[...READABLE_ARTIFACTS.keys()].join(", ")}`,
      );
    }
    const value = await services.artifacts(session.id).get(key);
    if (value === undefined) {
      throw new RouteError(404, "artifact_not_found", `session "${session.id}" has no "${key.id}" artifact`);
    }
    return value;
  },
});
