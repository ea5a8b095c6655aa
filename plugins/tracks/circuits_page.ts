/**
 * The Circuits page: every circuit the workbench knows, built-in and added
 * by drivers, with its length and corners; the driver removes the circuits
 * they added (after a confirmation), and learns how to add one.
 *
 * @module
 */

/// <reference lib="dom" />

import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { formatDay } from "../../sdk/view_dates.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { defineAppPage } from "../../sdk/views.ts";

/** A circuit as `GET /circuits` returns it (snake_case keys). */
interface CircuitRow {
  slug: string;
  name: string;
  length_m: number;
  corners: { number: number; name: string }[];
  added: boolean;
  added_by_you: boolean;
  added_at: string | null;
}

export default defineAppPage({
  render(ctx) {
    const { html, hooks, api } = ctx;
    const circuits = useRequest(hooks, () => api<CircuitRow[]>("/circuits"), []);
    const remove = useAction(hooks);
    const source = (c: CircuitRow) =>
      !c.added
        ? "built in"
        : `added ${c.added_by_you ? "by you" : "by another driver"}${
          c.added_at ? ` on ${formatDay(c.added_at)}` : ""
        }`;
    return html`<section class="card">
      <h1>Circuits</h1>
      <p class="muted">Sessions are matched to these by the shape of their GPS trace. To add a circuit, open a
        session the workbench did not recognise and use its Circuit card.</p>
      ${showActionError(html, remove)}
      ${
      showRequest(html, circuits, "the circuits", (list) =>
        html`
          <table class="data" aria-label="Circuits">
            <thead>
              <tr>
                <th>Circuit</th>
                <th>Length</th>
                <th>Corners</th>
                <th>Source</th>
                <th></th>
              </tr>
            </thead>
            <tbody>${list.map((c) =>
              html`
                <tr key=${c.slug} data-circuit=${c.slug}>
                  <td>${c.name}</td>
                  <td>${(c.length_m / 1000).toFixed(2)} km</td>
                  <td title=${c.corners.map((k) => `T${k.number} ${k.name}`).join(", ")}>${c.corners
                    .length}</td>
                  <td class="muted">${source(c)}</td>
                  <td>${c.added_by_you &&
                    html`
                      <${ConfirmButton} html=${html} hooks=${hooks} label="Remove" confirmLabel=${`Remove ${c.name}`}
                        ariaLabel=${`Remove the circuit ${c.name}`} disabled=${remove.pending}
                        onConfirm=${() =>
                          remove.run(async () => {
                            await api(`/circuits/${c.slug}`, { method: "DELETE" });
                            await circuits.reload();
                          })} />
                    `}</td>
                </tr>
              `
            )}</tbody>
          </table>
        `)
    }
    </section>`;
  },
});
