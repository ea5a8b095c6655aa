/**
 * The student's side of the Instructor page: redeem an instructor's invite
 * code, see and leave one's instructors, and read the notes they left on
 * one's sessions, grouped by session, each session one click away.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { formatDay } from "../../sdk/view_dates.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { noteItem, type NoteJson } from "./note_display.ts";

interface InstructorJson {
  id: string;
  name: string;
  linked_at: string;
}

type MyNoteJson = NoteJson & { session: { track_name: string | null; date: string | null } | null };

function NotesBySession({ ctx, notes }: { ctx: AppPageContext; notes: MyNoteJson[] }): VNode {
  const { html } = ctx;
  if (notes.length === 0) return html`<p class="muted">No notes on your sessions yet.</p>`;
  const sessions = [...new Set(notes.map((n) => n.session_id))];
  return html`<div class="page">${
    sessions.map((id) => {
      const own = notes.filter((n) => n.session_id === id);
      const session = own[0].session;
      return html`
        <div key=${id} data-noted-session=${id}>
          <div class="form-row">
                  <strong class="grow">${session?.track_name ?? "Unknown circuit"} · ${formatDay(
                    session?.date,
                  )}</strong>
                  ${session && html`<button type="button" class="link" onClick=${() =>
                    ctx.openSession(id)}>Open the session</button>`}
                </div>
          <ul class="item-list" aria-label="Notes on this session">${own.map((n) => noteItem(html, n))}</ul>
        </div>
      `;
    })
  }</div>`;
}

/** Redeeming codes, one's instructors and their notes, for the signed-in student. */
export function MyInstructors({ ctx }: { ctx: AppPageContext }): VNode {
  const { html, hooks, api } = ctx;
  const instructors = useRequest(hooks, () => api<{ instructors: InstructorJson[] }>("/instructors"), []);
  const notes = useRequest(hooks, () => api<{ notes: MyNoteJson[] }>("/my-notes"), []);
  const [code, setCode] = hooks.useState("");
  const [joined, setJoined] = hooks.useState<string | null>(null);
  const redeem = useAction(hooks);
  const leave = useAction(hooks);
  const submit = (e: Event) => {
    e.preventDefault();
    setJoined(null);
    void redeem.run(async () => {
      const answer = await api<{ instructor: { name: string } }>(
        `/invites/${encodeURIComponent(code.trim())}/accept`,
        { method: "POST" },
      );
      setJoined(answer.instructor.name);
      setCode("");
      await instructors.reload();
    });
  };
  const leaveInstructor = (id: string) =>
    leave.run(async () => {
      await api(`/instructors/${encodeURIComponent(id)}`, { method: "DELETE" });
      await instructors.reload();
    });
  return html`<section class="card" aria-labelledby="mine-title" data-my-instructors>
    <h2 id="mine-title" class="card-title">Your instructors</h2>
    <form class="form-row" onSubmit=${submit} aria-label="Redeem an invite code">
      <label for="invite-code">Invite code</label>
      <input id="invite-code" class="code grow" autocomplete="off" autocapitalize="characters" spellcheck="false"
        maxlength="40" required placeholder="e.g. 7KQ4M9XH2P" value=${code}
        onInput=${(e: Event) => setCode((e.currentTarget as HTMLInputElement).value)} />
      <button type="submit" class="button primary" disabled=${
    redeem.pending || code.trim() === ""
  }>Redeem</button>
    </form>
    <p class="muted small">An instructor who gives you a code reads your sessions and leaves notes on your corners, until either of you unlinks.</p>
    ${showActionError(html, redeem)}
    ${joined && html`<p role="status" data-joined>You are now a student of ${joined}.</p>`}
    ${showActionError(html, leave)}
    ${
    showRequest(html, instructors, "your instructors", ({ instructors: list }) =>
      list.length === 0
        ? html`<p class="muted">You have no instructor.</p>`
        : html`<ul class="item-list" aria-label="Instructors">${
          list.map((i) =>
            html`
              <li key=${i.id} data-instructor=${i.id}>
                <span class="grow"><strong>${i.name}</strong><span class="name-line">since ${formatDay(
                  i.linked_at,
                )}</span></span>
                <${ConfirmButton} html=${html} hooks=${hooks} label="Leave" confirmLabel=${`Leave ${i.name}`}
                  ariaLabel=${`Stop being ${i.name}'s student`} disabled=${leave.pending}
                  onConfirm=${() =>
                    leaveInstructor(i.id)} />
              </li>
            `
          )
        }</ul>`)
  }
    <h3 class="subhead">Notes on your sessions</h3>
    ${
    showRequest(html, notes, "the notes on your sessions", ({ notes: list }) =>
      html`<${NotesBySession} ctx=${ctx} notes=${list} />`)
  }
  </section>`;
}
