/**
 * "Your data" in the settings popover: download everything the workbench
 * keeps for you as one JSON file (`GET /api/account/export`: sessions with
 * their original files, tags, equipment, coaching, plugin records), import
 * such a file (`POST /api/account/import`: its sessions come back with
 * their tags and cars), or delete all of it after a confirmation
 * (`DELETE /api/account`); the page then starts afresh.
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import * as hooks from "preact/hooks";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { showActionError, useAction } from "../../sdk/view_requests.ts";
import { requestJson } from "../api/http.ts";

/** What `DELETE /api/account` wants in `confirm` (`kernel/server/routes/account.ts`). */
const CONFIRMATION = "delete everything";

/** What an import did, as the route answers. */
interface Imported {
  sessions_created: number;
  sessions_already_here: number;
  files_skipped: { file: string; reason: string }[];
  equipment_profiles_created: number;
  lap_tags_restored: number;
  plugin_records_restored: number;
}

/** One sentence about an import. */
function importSummary(done: Imported): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const parts = [
    `${plural(done.sessions_created, "session")} imported`,
    ...(done.sessions_already_here ? [`${done.sessions_already_here} already here`] : []),
    ...(done.equipment_profiles_created ? [plural(done.equipment_profiles_created, "car profile")] : []),
    ...(done.lap_tags_restored ? [`tags of ${plural(done.lap_tags_restored, "lap")}`] : []),
    ...(done.plugin_records_restored
      ? [`${plural(done.plugin_records_restored, "plugin record")}, such as circuits you added`]
      : []),
  ];
  const skipped = done.files_skipped.map((f) => `${f.file}: ${f.reason}`);
  return `${parts.join(", ")}.${skipped.length ? ` Skipped ${skipped.join("; ")}.` : ""}`;
}

/** Properties of {@linkcode YourData}. */
export interface YourDataProps {
  /** Called after an import (to list the new sessions). */
  onImported: () => void;
}

/** The download link, the import field and the delete button. */
export function YourData({ onImported }: YourDataProps): VNode {
  const remove = useAction(hooks);
  const load = useAction(hooks);
  const [summary, setSummary] = hooks.useState<string | null>(null);
  const importFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void load.run(async () => {
      const form = new FormData();
      form.append("file", file);
      const done = await requestJson<Imported>("/api/account/import", { method: "POST", body: form });
      input.value = "";
      setSummary(importSummary(done));
      onImported();
    });
  };
  const deleteAll = () =>
    remove.run(async () => {
      await requestJson("/api/account", {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirm: CONFIRMATION }),
      });
      location.assign("/");
    });
  return html`
    <fieldset class="your-data">
      <legend>Your data</legend>
      <p><a href="/api/account/export" download>Download all your data</a>
        <span class="muted small"> (one JSON file, your original logger files included)</span></p>
      <label class="small" for="import-export">Import an export</label>
      <input id="import-export" type="file" accept=".json,application/json" disabled=${load.pending}
        onChange=${importFile} />
      ${load.pending && html`<p class="muted small" role="status">Importing…</p>`}
      ${summary && !load.pending && html`<p class="small" role="status">${summary}</p>`}
      ${showActionError(html, load)}
      <${ConfirmButton} html=${html} hooks=${hooks} label="Delete all your data…"
        confirmLabel="Delete everything" disabled=${remove.pending} onConfirm=${deleteAll} />
      ${showActionError(html, remove)}
    </fieldset>
  `;
}
