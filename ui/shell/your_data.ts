/**
 * "Your data" in the settings popover: download everything the workbench
 * keeps for you as one JSON file (`GET /api/account/export`: sessions with
 * their original files, tags, equipment, coaching, plugin records), or
 * delete all of it after a confirmation (`DELETE /api/account`); the page
 * then starts afresh.
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

/** The download link and the delete button. */
export function YourData(): VNode {
  const remove = useAction(hooks);
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
      <${ConfirmButton} html=${html} hooks=${hooks} label="Delete all your data…"
        confirmLabel="Delete everything" disabled=${remove.pending} onConfirm=${deleteAll} />
      ${showActionError(html, remove)}
    </fieldset>
  `;
}
