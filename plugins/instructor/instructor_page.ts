/**
 * The Instructor page. Without parameters: the instructor's side (invite
 * codes, students) and the student's side (redeem a code, one's
 * instructors, their notes). With `student`: that student's sessions; with
 * `student` and `session`: one of them read-only, with notes on its corners.
 *
 * @module
 */

import { defineAppPage } from "../../sdk/views.ts";
import { CoachStudents } from "./coach_students.ts";
import { MyInstructors } from "./my_instructors.ts";
import { StudentSession } from "./student_session_view.ts";
import { StudentSessions } from "./student_sessions_view.ts";

export default defineAppPage({
  render(ctx) {
    const { html, params } = ctx;
    if (params.student && params.session) {
      return html`<${StudentSession} ctx=${ctx} studentId=${params.student} sessionId=${params.session} />`;
    }
    if (params.student) return html`<${StudentSessions} ctx=${ctx} studentId=${params.student} />`;
    return html`
      <div class="page">
        <header class="page-head">
          <h1>Instructor</h1>
          <p class="muted">Coach students from their sessions, or follow your own instructor's notes.</p>
        </header>
        <div class="grid">
          <div class="card-column">
            <${CoachStudents} ctx=${ctx} />
          </div>
          <div class="card-column">
            <${MyInstructors} ctx=${ctx} />
          </div>
        </div>
      </div>
    `;
  },
});
