/**
 * The instructor's side of the Instructor page: invite codes (create one,
 * copy it, withdraw an unused one) and the linked students, each opening
 * their sessions or unlinked after a confirmation.
 *
 * @module
 */

import type { VNode } from "preact";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { CopyButton } from "../../sdk/view_copy.ts";
import { formatDay, formatDayTime } from "../../sdk/view_dates.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { INSTRUCTOR_PAGE, studentAddress } from "./page_address.ts";

interface InviteJson {
  code: string;
  expires_at: string;
}

/** A linked student as `GET /students` returns them. */
export interface StudentJson {
  id: string;
  name: string;
  linked_at: string;
  sessions: number;
  notes: number;
}

/** Invite codes and students, for the signed-in instructor. */
export function CoachStudents({ ctx }: { ctx: AppPageContext }): VNode {
  const { html, hooks, api, openPage } = ctx;
  const invites = useRequest(hooks, () => api<{ invites: InviteJson[] }>("/invites"), []);
  const students = useRequest(hooks, () => api<{ students: StudentJson[] }>("/students"), []);
  const action = useAction(hooks);
  const createInvite = () =>
    action.run(async () => {
      await api("/invites", { method: "POST" });
      await invites.reload();
    });
  const withdraw = (code: string) =>
    action.run(async () => {
      await api(`/invites/${encodeURIComponent(code)}`, { method: "DELETE" });
      await invites.reload();
    });
  const unlink = (id: string) =>
    action.run(async () => {
      await api(`/students/${encodeURIComponent(id)}`, { method: "DELETE" });
      await students.reload();
    });
  return html`<section class="card" aria-labelledby="coach-title" data-coach>
    <h2 id="coach-title" class="card-title">Your students</h2>
    <p class="muted small">Give a student an invite code: once they redeem it, you read their sessions and leave notes on their corners. A code works once and lapses after 14 days.</p>
    <div class="form-row">
      <button type="button" class="button primary" disabled=${action.pending} onClick=${createInvite}>Create an invite code</button>
    </div>
    ${showActionError(html, action)}
    ${
    showRequest(html, invites, "your invite codes", ({ invites: list }) =>
      list.length === 0
        ? null
        : html`<ul class="item-list" aria-label="Unused invite codes">${
          list.map((invite) =>
            html`
              <li key=${invite.code} data-invite=${invite.code}>
                <span class="code">${invite.code}</span>
                <span class="grow muted small">unused · lapses ${formatDayTime(invite.expires_at)}</span>
                <${CopyButton} html=${html} hooks=${hooks} text=${invite
                  .code} label=${`Copy invite code ${invite.code}`} />
                <${ConfirmButton} html=${html} hooks=${hooks} label="Withdraw" confirmLabel="Withdraw code"
                  ariaLabel=${`Withdraw invite code ${invite.code}`} disabled=${action.pending}
                  onConfirm=${() =>
                    withdraw(invite.code)} />
              </li>
            `
          )
        }</ul>`)
  }
    <h3 class="subhead">Linked students</h3>
    ${
    showRequest(html, students, "your students", ({ students: list }) =>
      list.length === 0
        ? html`<p class="muted">No students yet.</p>`
        : html`<ul class="item-list" aria-label="Students">${
          list.map((s) =>
            html`
              <li key=${s.id} data-student=${s.id}>
                <span class="grow"><strong>${s.name}</strong>
                              <span class="name-line">since ${formatDay(s.linked_at)} · ${s
                                .sessions} session${s.sessions === 1 ? "" : "s"} · ${s
                                .notes} note${s.notes === 1 ? "" : "s"} from you</span></span>
                <button type="button" class="button" onClick=${() =>
                  openPage(INSTRUCTOR_PAGE, studentAddress(s.id))}
                  aria-label=${`Open ${s.name}'s sessions`}>Sessions</button>
                <${ConfirmButton} html=${html} hooks=${hooks} label="Unlink" confirmLabel=${`Unlink ${s.name}`}
                  ariaLabel=${`Unlink ${s.name}`} disabled=${action.pending} onConfirm=${() =>
                    unlink(s.id)} />
              </li>
            `
          )
        }</ul>`)
  }
  </section>`;
}
