/**
 * The session drawer: search, the session list (circuit, date, best lap,
 * analysis state), delete with confirmation, and what the shell puts
 * inside (links to the workbench's pages, the upload panel).
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { ComponentChildren, VNode } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Units } from "../../sdk/views.ts";
import type { SessionListItem } from "../api/server_api.ts";

/** Properties of {@linkcode SessionDrawer}. */
export interface SessionDrawerProps {
  /** Sessions, newest first. */
  sessions: readonly SessionListItem[];
  /** Open session id. */
  current: string | null;
  /** Units for lap times. */
  units: Units;
  /** Opens a session. */
  onOpen: (id: string) => void;
  /** Deletes a session. */
  onDelete: (id: string) => Promise<void>;
  /** Closes the drawer. */
  onClose: () => void;
  /** Shown above the list: links to the app pages, the upload panel. */
  children?: ComponentChildren;
}

/** A dialog-like side panel; Esc closes it and focus starts in the search box. */
export function SessionDrawer(props: SessionDrawerProps): VNode {
  const { sessions, current, units, onOpen, onDelete, onClose } = props;
  const [query, setQuery] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => searchRef.current?.focus(), []);
  const needle = query.trim().toLowerCase();
  const shown = sessions.filter((s) =>
    !needle ||
    [s.session.trackName, s.session.fileName, s.session.date?.slice(0, 10)].some((v) =>
      v?.toLowerCase().includes(needle)
    )
  );
  const remove = async (id: string) => {
    setError(null);
    try {
      await onDelete(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setConfirming(null);
  };
  return html`
    <aside class="drawer" aria-label="Sessions" onKeyDown=${(e: KeyboardEvent) =>
      e.key === "Escape" && onClose()}>
      <div class="drawer-head">
        <h2>Sessions</h2>
        <button type="button" class="icon" aria-label="Close sessions" onClick=${onClose}>✕</button>
      </div>
      ${props.children}
      <input ref=${searchRef} type="search" class="search" placeholder="Search circuit, file or date"
        aria-label="Search sessions" value=${query} onInput=${(e: Event) =>
          setQuery((e.currentTarget as HTMLInputElement).value)} />
      ${error && html`<p class="inline-error" role="alert">${error}</p>`}
      ${shown.length === 0 &&
        html`<p class="muted">${sessions.length ? "No session matches." : "No sessions yet."}</p>`}
      <ul class="session-list">
        ${shown.map(({ session: s, status, error: failure }) =>
          html`<li class=${s.id === current ? "current" : ""} data-session=${s.id}>
            <button type="button" class="session-open" onClick=${() => onOpen(s.id)} aria-current=${
            s.id === current ? "true" : undefined
          }>
              <span class="session-track">${s.trackName ?? "Unknown circuit"}</span>
              <span class="session-meta">${s.date?.slice(0, 10) ?? ""} · ${s.fileName}</span>
              <span class="session-meta">
                ${
            status === "ready"
              ? html`${s.lapCount} laps · best ${units.formatLapTime(s.bestLapTimeS)}`
              : html`<span class=${`badge ${status}`}>${status}</span>`
          }
                ${status === "failed" && failure ? ` ${failure}` : ""}
              </span>
            </button>
            ${
            confirming === s.id
              ? html`
                <span class="confirm">
                  <button type="button" class="button danger" onClick=${() => remove(s.id)}>Delete</button>
                  <button type="button" class="button" onClick=${() => setConfirming(null)}>Keep</button>
                </span>
              `
              : html`<button type="button" class="icon" aria-label=${`Delete ${s.fileName}`} onClick=${() =>
                setConfirming(s.id)}>🗑</button>`
          }
          </li>`
        )}
      </ul>
    </aside>
  `;
}
