/**
 * The Notes card: the driver's notes on the open session and its circuit,
 * and a form for a new one about the session, the reference lap or a
 * corner (the focused one by default, in Deep Dive), for this session or
 * for every session at the circuit. Notes can be pinned to the top and
 * deleted (after a confirmation). In Deep Dive, the focused corner's notes
 * are marked, and clicking a corner's label focuses it.
 *
 * @module
 */

/// <reference lib="dom" />

import { CornersKey } from "../../sdk/keys.ts";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { definePanel } from "../../sdk/views.ts";

/** A note as `GET /notes?session_id=` returns it (snake_case keys). */
interface NoteJson {
  id: string;
  scope: "session" | "track";
  corner: number | null;
  corner_label: string | null;
  lap: number | null;
  text: string;
  pinned: boolean;
  written_on: string;
}

/** The longest note the server takes (`notes_store.ts`). */
const MAX_LENGTH = 2000;

export default definePanel({
  render(ctx) {
    const { html, hooks, api, data, laps, corner } = ctx;
    const session = data.session;
    const corners = data.artifact(CornersKey) ?? [];
    const notes = useRequest(
      hooks,
      () => api<NoteJson[]>(`/notes?session_id=${encodeURIComponent(session.id)}`),
      [session.id],
    );
    const write = useAction(hooks);
    const change = useAction(hooks);
    const [text, setText] = hooks.useState("");
    const [about, setAbout] = hooks.useState<string | null>(null);
    const [everySession, setEverySession] = hooks.useState(false);
    const aboutValue = about ?? (corner.selected !== null ? `corner:${corner.selected}` : "session");
    const aboutCorner = aboutValue.startsWith("corner:")
      ? corners.find((c) => `corner:${c.number}` === aboutValue)
      : undefined;
    const canBeForCircuit = session.trackSlug !== null && !aboutValue.startsWith("lap:") &&
      (aboutCorner === undefined || aboutCorner.officialNumbers.length > 0);
    const forCircuit = everySession && canBeForCircuit;

    const submit = (e: Event) => {
      e.preventDefault();
      if (!text.trim()) return;
      const [kind, value] = aboutValue.split(":");
      void write.run(async () => {
        await api("/notes", {
          method: "POST",
          body: {
            session_id: session.id,
            text,
            scope: forCircuit ? "track" : "session",
            ...(kind === "corner" ? { corner: Number(value) } : {}),
            ...(kind === "lap" ? { lap: Number(value) } : {}),
          },
        });
        setText("");
        await notes.reload();
      });
    };
    const update = (task: () => Promise<unknown>) =>
      change.run(async () => {
        await task();
        await notes.reload();
      });
    const anchor = (note: NoteJson) => {
      const where = note.corner_label ?? (note.lap !== null ? `L${note.lap}` : null);
      const scope = note.scope === "track" ? (session.trackName ?? "circuit") : null;
      const label = [scope, where].filter(Boolean).join(" · ") || "Session";
      return note.corner !== null
        ? html`<button type="button" class="badge link" title="Focus this corner" onClick=${() =>
          corner.select(note.corner)}>${label}</button>`
        : html`<span class="badge">${label}</span>`;
    };

    return html`<div class="notes-panel">
      ${showActionError(html, change)}
      ${
      showRequest(html, notes, "your notes", (list) =>
        list.length === 0
          ? html`<p class="muted">No notes yet. Notes are yours alone: reminders for the next session.</p>`
          : html`<ul class="item-list notes-list" aria-label="Your notes">${
            list.map((note) =>
              html`<li key=${note.id} data-note=${note.id} class=${
                note.corner !== null &&
                  note.corner === corner.selected
                  ? "focused"
                  : ""
              }>
                ${anchor(note)}
                ${note.pinned && html`<span class="badge ok">Pinned</span>`}
                <span class="grow note-text">${note.text}${
                note.written_on !== "this session"
                  ? html`
                    <span class="muted small">(from ${note.written_on})</span>
                  `
                  : ""
              }</span>
                <button type="button" class="link small" disabled=${change.pending} onClick=${() =>
                update(() =>
                  api(`/notes/${note.id}`, { method: "PATCH", body: { pinned: !note.pinned } })
                )}>${note.pinned ? "Unpin" : "Pin"}</button>
                <${ConfirmButton} html=${html} hooks=${hooks} label="Delete" confirmLabel="Delete note"
                  ariaLabel=${`Delete the note "${note.text.slice(0, 40)}"`} disabled=${change.pending}
                  onConfirm=${() =>
                update(() =>
                  api(`/notes/${note.id}`, { method: "DELETE" })
                )} />
              </li>`
            )
          }</ul>`)
    }
      <form class="notes-form" onSubmit=${submit} aria-label="Write a note">
        <label class="visually-hidden" for="note-text">Note</label>
        <textarea id="note-text" rows="2" maxLength=${MAX_LENGTH} placeholder="e.g. brake at the 2 board, not the 3"
          value=${text} onInput=${(e: Event) =>
      setText((e.currentTarget as HTMLTextAreaElement).value)}></textarea>
        <div class="form-row">
          <label for="note-about" class="small">About</label>
          <select id="note-about" value=${aboutValue} onChange=${(e: Event) =>
      setAbout((e.currentTarget as HTMLSelectElement).value)}>
            <option value="session">the session</option>
            ${laps.ref !== null && html`<option value=${`lap:${laps.ref}`}>lap ${laps.ref}</option>`}
            ${
      corners.map((c) =>
        html`<option value=${`corner:${c.number}`}>${c.label}${c.name ? ` ${c.name}` : ""}</option>`
      )
    }
          </select>
          <label class="check small" title=${
      canBeForCircuit
        ? "Shown on every one of your sessions at this circuit"
        : "Only a note about the session or an official corner of a known circuit can be for the circuit"
    }>
            <input type="checkbox" checked=${forCircuit} disabled=${!canBeForCircuit}
              onChange=${() => setEverySession(!everySession)} /> every session at ${
      session.trackName ?? "this circuit"
    }
          </label>
          <button type="submit" class="button primary" disabled=${!text.trim() || write.pending}>${
      write.pending ? "Saving…" : "Add note"
    }</button>
        </div>
        ${showActionError(html, write)}
      </form>
    </div>`;
  },
});
