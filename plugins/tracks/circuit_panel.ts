/**
 * The Circuit card. On a session no circuit matched, a form adds the
 * circuit from the session's laps: the line is drawn from them, its corners
 * numbered, and the session (with every other unmatched one) is analysed
 * again so it gets the circuit's corner numbers, trends and leaderboards.
 * On a known circuit it shows where the circuit comes from; the driver who
 * added a circuit can rename its corners, move its start/finish to where
 * the open session's logger marks its laps, or remove it.
 *
 * @module
 */

/// <reference lib="dom" />

import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { definePanel, type ViewContext } from "../../sdk/views.ts";

/** A circuit as `GET /circuits` returns it (snake_case keys). */
interface CircuitJson {
  slug: string;
  name: string;
  length_m: number;
  line_source: string;
  corners: { number: number; name: string; direction: string | null }[];
  added: boolean;
  added_by_you: boolean;
  added_at: string | null;
}

/** The longest name the server takes (`circuit_routes.ts`). */
const MAX_NAME = 80;

export default definePanel({
  render(ctx) {
    const slug = ctx.data.session.trackSlug;
    return slug === null
      ? ctx.html`<${AddCircuit} ctx=${ctx} />`
      : ctx.html`<${KnownCircuit} key=${slug} ctx=${ctx} slug=${slug} />`;
  },
});

/** The form that adds the open session's circuit. */
function AddCircuit({ ctx }: { ctx: ViewContext }) {
  const { html, hooks, api, data } = ctx;
  const add = useAction(hooks);
  const [name, setName] = hooks.useState("");
  const [stage, setStage] = hooks.useState<"drawing" | "analysing" | null>(null);
  const lapless = data.laps.every((lap) => lap.timeS === null);
  const linePlaced = data.diagnostics.some((d) => d.code === "lap_line_placed");
  const submit = (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    void add.run(async () => {
      setStage("drawing");
      try {
        const answer = await api<{ reanalysed: string[] }>("/circuits", {
          method: "POST",
          body: { session_id: data.session.id, name: name.trim() },
        });
        setStage("analysing");
        if (answer.reanalysed.includes(data.session.id)) await ctx.reanalysed();
      } finally {
        setStage(null);
      }
    });
  };
  return html`<div class="circuit-panel">
    <p>No circuit in this workbench matches this session, so its corners are numbered C1, C2… for this
      session only.</p>
    ${
    lapless
      ? html`<p class="muted">The session has no complete lap, so the circuit cannot
          be drawn from it.</p>`
      : html`
        <p class="muted small">Add the circuit: its line is drawn from your laps, the corners you drove
                  become T1, T2… (name them afterwards), and every session driven there, yours and other drivers', gets the same
                  corner numbers, trends and leaderboards.</p>
        ${linePlaced &&
          html`<p class="muted small">This file has no lap markers, so its laps are timed at a line across its
            fastest point; the circuit keeps that line as its start/finish.</p>`}
        <form class="form-row" onSubmit=${submit} aria-label="Add this circuit">
          <label for="circuit-name" class="small">Circuit name</label>
          <input id="circuit-name" maxLength=${MAX_NAME} placeholder="e.g. Thunderhill East" value=${name}
            onInput=${(e: Event) => setName((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="button primary" disabled=${!name.trim() ||
            add.pending}>${stage === "drawing"
            ? "Drawing…"
            : stage === "analysing"
            ? "Analysing again…"
            : "Add circuit"}</button>
        </form>
      `
  }
    ${showActionError(html, add)}
  </div>`;
}

/** Where the open session's circuit comes from, with the editor of a circuit the driver added. */
function KnownCircuit({ ctx, slug }: { ctx: ViewContext; slug: string }) {
  const { html, hooks, api } = ctx;
  const circuits = useRequest(hooks, () => api<CircuitJson[]>("/circuits"), [slug]);
  return html`<div class="circuit-panel">${
    showRequest(html, circuits, "the circuit", (list) => {
      const circuit = list.find((c) => c.slug === slug);
      if (!circuit) return html`<p class="muted">This circuit is no longer in the workbench.</p>`;
      return html`
        <p><strong>${circuit.name}</strong> · ${(circuit.length_m / 1000).toFixed(
          2,
        )} km · ${`${circuit.corners.length} corners`}</p>
        <p class="muted small">${!circuit.added
          ? "Built into the workbench."
          : `Added ${circuit.added_by_you ? "by you" : "by another driver"} on ${
            circuit.added_at?.slice(0, 10)
          }, its line drawn from ${
            circuit.line_source === "averaged-gps-laps" ? "GPS laps" : circuit.line_source
          }.`}</p>
        ${ctx.data.diagnostics.some((d) => d.code === "markers_elsewhere") &&
          html`<p class="muted small">Your logger marks laps at another line than this circuit's start/finish, so this
            session's laps are timed at your logger's markers.</p>`}
        ${circuit.added_by_you && html`<${CircuitEditor} ctx=${ctx} circuit=${circuit} />`}
      `;
    })
  }</div>`;
}

/** Renames the corners of a circuit the driver added, or removes it. */
function CircuitEditor({ ctx, circuit }: { ctx: ViewContext; circuit: CircuitJson }) {
  const { html, hooks, api } = ctx;
  const save = useAction(hooks);
  const [names, setNames] = hooks.useState<Record<number, string>>({});
  const changed = circuit.corners.filter((c) =>
    names[c.number] !== undefined && names[c.number].trim() !== c.name
  );
  const send = (task: () => Promise<{ reanalysed: string[] }>) =>
    save.run(async () => {
      const answer = await task();
      if (answer.reanalysed.includes(ctx.data.session.id)) await ctx.reanalysed();
    });
  const moveStart = () =>
    send(() =>
      api(`/circuits/${circuit.slug}`, { method: "PATCH", body: { start_line_from: ctx.data.session.id } })
    );
  return html`
    ${ctx.data.diagnostics.some((d) => d.code === "markers_elsewhere") &&
      html`<p><button type="button" class="button" disabled=${save.pending} onClick=${moveStart}>
        Move its start/finish to this session's line</button></p>`}
    <details class="circuit-editor">
      <summary>Name its corners</summary>
      <form onSubmit=${(e: Event) => {
        e.preventDefault();
        void send(() =>
          api(`/circuits/${circuit.slug}`, {
            method: "PATCH",
            body: { corners: changed.map((c) => ({ number: c.number, name: names[c.number].trim() })) },
          })
        );
      }}>
        <ul class="item-list">${circuit.corners.map((c) =>
          html`
            <li key=${c.number}>
              <label for=${`corner-name-${c.number}`} class="badge">T${c.number}</label>
              <input id=${`corner-name-${c.number}`} maxLength=${MAX_NAME} value=${names[c.number] ??
                c.name}
                onInput=${(e: Event) =>
                  setNames({ ...names, [c.number]: (e.currentTarget as HTMLInputElement).value })} />
              <span class="muted small">${c.direction ?? ""}</span>
            </li>
          `
        )}</ul>
        <div class="form-row">
          <button type="submit" class="button primary" disabled=${changed.length === 0 ||
            save.pending}>${save.pending ? "Saving…" : "Save names"}</button>
          <${ConfirmButton} html=${html} hooks=${hooks} label="Remove circuit" confirmLabel=${`Remove ${circuit.name}`}
            ariaLabel=${`Remove the circuit ${circuit.name}`} disabled=${save.pending}
            onConfirm=${() => send(() => api(`/circuits/${circuit.slug}`, { method: "DELETE" }))} />
        </div>
      </form>
    </details>
    ${showActionError(html, save)}
  `;
}
