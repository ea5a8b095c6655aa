/**
 * Instructor notes as the instructor's and the student's pages show them:
 * the JSON the routes send, a label and a badge per kind, and one note as a
 * list item (with the actions the page passes in).
 *
 * @module
 */

import type { VNode } from "preact";
import { formatDay } from "../../sdk/view_dates.ts";
import type { HtmlTag } from "../../sdk/views.ts";
import type { NOTE_KINDS } from "./notes_store.ts";

/** A note as the routes return it. */
export interface NoteJson {
  id: string;
  session_id: string;
  corner: number;
  corner_label: string;
  kind: (typeof NOTE_KINDS)[number];
  text: string;
  created_at: string;
  instructor_name: string | null;
}

/** What each kind is called and how its badge looks, in the order the note form offers them. */
export const KIND_DISPLAY: Record<NoteJson["kind"], { label: string; badge: string }> = {
  attention: { label: "Needs attention", badge: "warn" },
  safety: { label: "Safety", badge: "failed" },
  improvement: { label: "Improvement", badge: "new" },
  praise: { label: "Praise", badge: "ok" },
  note: { label: "Note", badge: "off" },
};

/** One note as a list item: corner, kind, text, who and when, then `actions`. */
export function noteItem(html: HtmlTag, note: NoteJson, actions?: VNode | null): VNode {
  const kind = KIND_DISPLAY[note.kind] ?? KIND_DISPLAY.note;
  return html`<li key=${note.id} data-note=${note.id} data-kind=${note.kind}>
    <strong>${note.corner_label}</strong>
    <span class=${`badge ${kind.badge}`}>${kind.label}</span>
    <span class="grow">${note.text}
      <span class="name-line">${note.instructor_name ? `${note.instructor_name}, ` : ""}${
    formatDay(note.created_at)
  }</span></span>
    ${actions ?? null}
  </li>`;
}
