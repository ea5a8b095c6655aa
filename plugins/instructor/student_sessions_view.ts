/**
 * One student's sessions on the Instructor page, newest first, with the
 * notes on each; an analysed one opens read-only. A student who is not (or
 * no longer) linked gets the server's 404 message.
 *
 * @module
 */

import type { VNode } from "preact";
import { breadcrumbs } from "../../sdk/view_crumbs.ts";
import { formatDay } from "../../sdk/view_dates.ts";
import { showRequest, useRequest } from "../../sdk/view_requests.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import type { StudentJson } from "./coach_students.ts";
import { INSTRUCTOR_PAGE, studentAddress } from "./page_address.ts";

interface StudentSessionJson {
  id: string;
  status: string;
  track_name: string | null;
  date: string | null;
  notes: number;
}

const STATUS = { done: "analysed", running: "analysing", queued: "waiting", failed: "failed" } as const;
const STATUS_BADGE = { done: "ok", running: "processing", queued: "queued", failed: "failed" } as const;

/** Breadcrumbs back to the overview (and to the student, on a session). */
export function studentCrumbs(ctx: AppPageContext, student: StudentJson | null, here: string): VNode {
  const { html, openPage } = ctx;
  return breadcrumbs(html, [
    { label: "Instructor", open: () => openPage(INSTRUCTOR_PAGE) },
    ...(student && here !== student.name
      ? [{ label: student.name, open: () => openPage(INSTRUCTOR_PAGE, studentAddress(student.id)) }]
      : []),
    { label: here },
  ]);
}

/** The student (from `GET /students`), or null while loading or when not linked. */
export function useStudent(ctx: AppPageContext, studentId: string): StudentJson | null {
  const students = useRequest(ctx.hooks, () => ctx.api<{ students: StudentJson[] }>("/students"), []);
  return students.state.status === "ready"
    ? students.state.value.students.find((s) => s.id === studentId) ?? null
    : null;
}

/** The student's sessions. */
export function StudentSessions({ ctx, studentId }: { ctx: AppPageContext; studentId: string }): VNode {
  const { html, hooks, api, openPage } = ctx;
  const student = useStudent(ctx, studentId);
  const sessions = useRequest(
    hooks,
    () => api<{ sessions: StudentSessionJson[] }>(`/students/${encodeURIComponent(studentId)}/sessions`),
    [studentId],
  );
  const name = student?.name ?? "Student";
  return html`<div class="page">
    ${studentCrumbs(ctx, student, name)}
    <header class="page-head"><h1>${name}'s sessions</h1>
      <p class="muted">Read-only: you see the analysis and the notes, not the raw file.</p></header>
    <section class="card" aria-label=${`${name}'s sessions`}>${
    showRequest(html, sessions, `${name}'s sessions`, ({ sessions: list }) =>
      list.length === 0
        ? html`<p class="muted">${name} has no sessions yet.</p>`
        : html`<ul class="item-list" data-student-sessions>${
          list.map((s) =>
            html`
              <li key=${s.id} data-session=${s.id}>
                <span class="grow"><strong>${s.track_name ?? "Unknown circuit"}</strong>
                            <span class="name-line">${formatDay(s.date)} · ${s.notes} note${s.notes === 1
                              ? ""
                              : "s"}</span></span>
                <span class=${`badge ${
                  STATUS_BADGE[s.status as keyof typeof STATUS_BADGE] ?? ""
                }`}>${STATUS[s.status as keyof typeof STATUS] ?? s.status}</span>
                <button type="button" class="button" disabled=${s.status !== "done"}
                  aria-label=${`Open the session at ${s.track_name ?? "an unknown circuit"} on ${
                    formatDay(s.date)
                  }`}
                  onClick=${() =>
                    openPage(INSTRUCTOR_PAGE, studentAddress(studentId, s.id))}>Open</button>
              </li>
            `
          )
        }</ul>`)
  }</section>
  </div>`;
}
