/**
 * One of a student's sessions, read-only, on the Instructor page: headline
 * numbers, laps, the best lap corner by corner with the notes on each
 * corner, and the form that pins a new note (attention, safety,
 * improvement, praise or a plain note) on a corner. The instructor deletes
 * their own notes here.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { formatDay } from "../../sdk/view_dates.ts";
import { asApiError, showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { type LapRowJson, lapsTable, type SessionSummaryJson, summaryTiles } from "../../sdk/view_summary.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { KIND_DISPLAY, noteItem, type NoteJson } from "./note_display.ts";
import { studentCrumbs, useStudent } from "./student_sessions_view.ts";

/** `GET /students/{id}/sessions/{session}`. */
interface DetailJson {
  session: { id: string; track_name: string | null; date: string | null };
  summary: SessionSummaryJson;
  laps: LapRowJson[];
  corners: { number: number; label: string; name: string | null }[];
  notes: NoteJson[];
}

/** The `corner-kpis` artifact as JSON: per lap, per corner. */
type KpisJson = {
  lap: number;
  corners: { corner: number; min_speed_mps: number; brake_point_m: number | null }[];
}[];

/** Props of the views below. */
interface Props {
  ctx: AppPageContext;
  studentId: string;
  sessionId: string;
}

function NoteForm({ ctx, studentId, detail, corner, setCorner, onAdded }: {
  ctx: AppPageContext;
  studentId: string;
  detail: DetailJson;
  corner: number;
  setCorner: (n: number) => void;
  onAdded: () => Promise<void>;
}): VNode {
  const { html, hooks, api } = ctx;
  const [kind, setKind] = hooks.useState<NoteJson["kind"]>("attention");
  const [text, setText] = hooks.useState("");
  const add = useAction(hooks);
  const submit = (e: Event) => {
    e.preventDefault();
    void add.run(async () => {
      await api(`/students/${encodeURIComponent(studentId)}/notes`, {
        method: "POST",
        body: { session_id: detail.session.id, corner, kind, text },
      });
      setText("");
      await onAdded();
    });
  };
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return html`<form class="form-row" id="note-form" onSubmit=${submit} aria-label="Add a note on a corner">
    <label class="field">Corner
      <select id="note-corner" value=${String(corner)} onChange=${(e: Event) =>
    setCorner(Number(value(e)))}>${
    detail.corners.map((c) =>
      html`<option key=${c.number} value=${String(c.number)}>${c.label}${c.name ? ` ${c.name}` : ""}</option>`
    )
  }</select></label>
    <label class="field">Kind
      <select id="note-kind" value=${kind} onChange=${(e: Event) => setKind(value(e) as NoteJson["kind"])}>${
    Object.entries(KIND_DISPLAY).map(([id, k]) => html`<option key=${id} value=${id}>${k.label}</option>`)
  }</select></label>
    <label class="field grow">Note
      <textarea id="note-text" rows="2" maxlength="2000" required value=${text}
        onInput=${(e: Event) => setText(value(e))}></textarea></label>
    <button type="submit" class="button primary" disabled=${
    add.pending || text.trim() === ""
  }>Add note</button>
    ${showActionError(html, add)}
  </form>`;
}

function Detail({ ctx, studentId, detail, kpis, reload }: {
  ctx: AppPageContext;
  studentId: string;
  detail: DetailJson;
  kpis: KpisJson | null;
  reload: () => Promise<void>;
}): VNode {
  const { html, hooks, api, units } = ctx;
  const [corner, setCorner] = hooks.useState(detail.corners[0]?.number ?? 1);
  const remove = useAction(hooks);
  const best = kpis?.find((k) => k.lap === detail.summary.best_lap_number);
  const kpiOf = (n: number) => best?.corners.find((c) => c.corner === n);
  const deleteNote = (id: string) =>
    remove.run(async () => {
      await api(`/notes/${encodeURIComponent(id)}`, { method: "DELETE" });
      await reload();
    });
  const pick = (n: number) => {
    setCorner(n);
    document.getElementById("note-text")?.focus();
  };
  return html`
    <div class="grid">
      <section class="card size-half" aria-label="The session">${summaryTiles(
        html,
        units,
        detail.summary,
      )}</section>
      <section class="card size-half" aria-labelledby="laps-title">
          <h2 id="laps-title" class="card-title">Laps</h2>
          ${lapsTable(html, units, detail.laps, detail.summary.best_lap_number)}
        </section>
      <section class="card" aria-labelledby="corners-title" data-student-corners>
          <h2 id="corners-title" class="card-title">Corners (best lap) and notes</h2>
          ${detail.corners.length === 0
            ? html`<p class="muted">No corners were found on this session.</p>`
            : html`
              <div class="table-wrap">
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">Corner</th>
                      <th scope="col">Min speed</th>
                      <th scope="col">Brake point</th>
                      <th scope="col" class="wide-only">Notes</th>
                      <th scope="col"><span class="visually-hidden">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody>${detail.corners.map((c) => {
                    const kpi = kpiOf(c.number);
                    const notes = detail.notes.filter((n) => n.corner === c.number).length;
                    return html`
                      <tr key=${c.number}>
                        <td class="wrap">${c.label}${c.name
                          ? html`<span class="name-line">${c.name}</span>`
                          : ""}</td>
                        <td>${kpi ? units.formatSpeed(kpi.min_speed_mps) : "—"}</td>
                        <td>${kpi?.brake_point_m == null ? "—" : units.formatDistance(kpi.brake_point_m)}</td>
                        <td class="wide-only">${notes || "—"}</td>
                        <td><button type="button" class="link" aria-label=${`Write a note on ${c.label}`}
                                  onClick=${() => pick(c.number)}>Note</button></td>
                      </tr>
                    `;
                  })}</tbody>
                </table>
              </div>
              <h3 class="subhead">Add a note</h3>
              <${NoteForm} ctx=${ctx} studentId=${studentId} detail=${detail} corner=${corner} setCorner=${setCorner}
                onAdded=${reload} />
            `}
          <h3 class="subhead">Notes on this session</h3>
          ${showActionError(html, remove)}
          ${detail.notes.length === 0
            ? html`<p class="muted">No notes yet.</p>`
            : html`<ul class="item-list" aria-label="Notes">${
              detail.notes.map((n) =>
                noteItem(
                  html,
                  n,
                  html`
                    <${ConfirmButton} html=${html} hooks=${hooks} label="Delete" confirmLabel="Delete note"
                      ariaLabel=${`Delete the note on ${n.corner_label}`} disabled=${remove.pending}
                      onConfirm=${() => deleteNote(n.id)} />
                  `,
                )
              )
            }</ul>`}
        </section>
    </div>
  `;
}

/** The session page. */
export function StudentSession({ ctx, studentId, sessionId }: Props): VNode {
  const { html, hooks, api } = ctx;
  const student = useStudent(ctx, studentId);
  const base = `/students/${encodeURIComponent(studentId)}/sessions/${encodeURIComponent(sessionId)}`;
  const detail = useRequest(hooks, async () => {
    const [one, kpis] = await Promise.all([
      api<DetailJson>(base),
      api<KpisJson>(`${base}/artifacts/corner-kpis`).catch((error) => {
        if (asApiError(error).status === 404) return null; // a session without corner KPIs
        throw error;
      }),
    ]);
    return { one, kpis };
  }, [base]);
  const title = detail.state.status === "ready"
    ? `${detail.state.value.one.session.track_name ?? "Unknown circuit"}, ${
      formatDay(detail.state.value.one.session.date)
    }`
    : "Session";
  return html`<div class="page">
    ${studentCrumbs(ctx, student, title)}
    <header class="page-head"><p class="eyebrow">${
    student?.name ?? "Student"
  } · read-only</p><h1>${title}</h1></header>
    ${
    showRequest(html, detail, "the session", ({ one, kpis }) =>
      html`<${Detail} ctx=${ctx} studentId=${studentId} detail=${one} kpis=${kpis} reload=${detail.reload} />`)
  }
  </div>`;
}
