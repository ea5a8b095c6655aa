/**
 * The upload panel: a drop zone (or a file button) and one row per file with
 * a progress bar, what is happening, the server's error next to the file,
 * retry, and a link to the analysed session.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useState } from "preact/hooks";
import type { UploadQueue } from "./upload_queue.ts";

/** Properties of {@linkcode UploadPanel}. */
export interface UploadPanelProps {
  /** The queue. */
  queue: UploadQueue;
  /** Opens an analysed session. */
  onOpen: (sessionId: string) => void;
  /** Large drop zone (welcome screen) or compact (drawer). */
  large?: boolean;
}

/** Drop zone and file rows. */
export function UploadPanel({ queue, onOpen, large }: UploadPanelProps): VNode {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer?.files.length) queue.add(event.dataTransfer.files);
  };
  return html`
    <div class=${`upload ${large ? "large" : ""}`}>
      <label
        class=${`dropzone ${over ? "over" : ""}`}
        onDragOver=${(e: DragEvent) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave=${() => setOver(false)}
        onDrop=${onDrop}
      >
        <input type="file" multiple class="visually-hidden" aria-label="Choose session files to upload"
          onChange=${(e: Event) => {
            const input = e.currentTarget as HTMLInputElement;
            if (input.files?.length) queue.add(input.files);
            input.value = "";
          }} />
        <span class="dropzone-text">
          <strong>Drop session files here</strong> or <span class="link">choose files</span>
          <small>RaceChrono CSV v3, VBOX .vbo, AiM CSV — several at once</small>
        </span>
      </label>
      ${queue.items.length > 0 && html`<ul class="upload-list" aria-live="polite">
        ${
        queue.items.map((item) =>
          html`<li class=${`upload-item ${item.phase}`} data-file=${item.file.name}>
            <div class="upload-row">
              <span class="upload-name">${item.file.name}</span>
              <span class="upload-detail">${item.detail}</span>
            </div>
            <progress max="1" value=${
            item.phase === "failed" ? 0 : item.fraction
          } aria-label=${`${item.file.name}: ${item.detail}`}></progress>
            ${item.error && html`<p class="upload-error" role="alert">${item.error}</p>`}
            <div class="upload-actions">
              ${
            item.phase === "ready" && item.sessionId &&
            html`<button type="button" class="link" onClick=${() => onOpen(item.sessionId!)}>Open</button>`
          }
              ${
            item.phase === "failed" &&
            html`<button type="button" class="link" onClick=${() => queue.retry(item.key)}>Retry</button>`
          }
              ${
            (item.phase === "ready" || item.phase === "failed") &&
            html`<button type="button" class="link" onClick=${() => queue.dismiss(item.key)}>Dismiss</button>`
          }
            </div>
          </li>`
        )
      }
      </ul>`}
    </div>
  `;
}
