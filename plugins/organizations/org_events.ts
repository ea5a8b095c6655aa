/**
 * An organization's events on its page: every member sees them by date and
 * opens one to see the sessions driven there that they may read; owners
 * and instructors schedule an event (a name, a circuit picked from their
 * own sessions' circuits or typed as an id, a first and an optional last
 * day) and delete one.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { formatDay } from "../../sdk/view_dates.ts";
import { type Action, showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { orgAddress, ORGS_PAGE } from "./org_nav.ts";
import { managesEvents, type Role } from "./roles.ts";

/** An event as the routes return it. */
export interface EventJson {
  id: string;
  name: string;
  track_slug: string;
  date: string;
  end_date: string;
}

interface CircuitJson {
  slug: string;
  name: string;
}

/** `Jun 14, 2026` or `Jun 14, 2026 – Jun 15, 2026`. */
export const eventDays = (e: Pick<EventJson, "date" | "end_date">) =>
  e.end_date === e.date ? formatDay(e.date) : `${formatDay(e.date)} – ${formatDay(e.end_date)}`;

const OTHER = "";

function EventForm({ ctx, slug, circuits, action, onCreated }: {
  ctx: AppPageContext;
  slug: string;
  circuits: CircuitJson[];
  action: Action;
  onCreated: () => Promise<void>;
}): VNode {
  const { html, hooks, api } = ctx;
  const [name, setName] = hooks.useState("");
  const [circuit, setCircuit] = hooks.useState(circuits[0]?.slug ?? OTHER);
  const [typed, setTyped] = hooks.useState("");
  const [date, setDate] = hooks.useState("");
  const [endDate, setEndDate] = hooks.useState("");
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const trackSlug = circuit === OTHER ? typed.trim() : circuit;
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/orgs/${encodeURIComponent(slug)}/events`, {
        method: "POST",
        body: { name, track_slug: trackSlug, date, ...(endDate ? { end_date: endDate } : {}) },
      });
      setName("");
      await onCreated();
    });
  };
  return html`<form class="form-row" onSubmit=${submit} aria-label="Schedule an event">
    <label class="field grow">Event name
      <input id="event-name" maxlength="120" required placeholder="e.g. Spring track day" value=${name}
        onInput=${(e: Event) => setName(value(e))} /></label>
    <label class="field">Circuit
      <select id="event-circuit" value=${circuit} onChange=${(e: Event) => setCircuit(value(e))}>
        ${circuits.map((c) => html`<option key=${c.slug} value=${c.slug}>${c.name}</option>`)}
        <option value=${OTHER}>Another circuit…</option>
      </select></label>
    ${
    circuit === OTHER && html`<label class="field">Circuit id
      <input id="event-track" required pattern="[a-z0-9][a-z0-9-]*" placeholder="e.g. roebling-road-raceway"
        value=${typed} onInput=${(e: Event) => setTyped(value(e))} /></label>`
  }
    <label class="field">First day
      <input id="event-date" type="date" required value=${date} onInput=${(e: Event) =>
    setDate(value(e))} /></label>
    <label class="field">Last day (optional)
      <input id="event-end" type="date" min=${date} value=${endDate} onInput=${(e: Event) =>
    setEndDate(value(e))} /></label>
    <button type="submit" class="button primary"
      disabled=${action.pending || !name.trim() || !trackSlug || !date}>Schedule</button>
  </form>`;
}

/** The events card. */
export function OrgEvents({ ctx, slug, role }: { ctx: AppPageContext; slug: string; role: Role }): VNode {
  const { html, hooks, api, openPage } = ctx;
  const base = `/orgs/${encodeURIComponent(slug)}/events`;
  const events = useRequest(hooks, () => api<{ events: EventJson[] }>(base), [base]);
  const circuits = useRequest(hooks, () => api<{ circuits: CircuitJson[] }>("/circuits"), []);
  const action = useAction(hooks);
  const manager = managesEvents(role);
  const nameOf = (trackSlug: string) =>
    (circuits.state.status === "ready"
      ? circuits.state.value.circuits.find((c) => c.slug === trackSlug)?.name
      : undefined) ?? trackSlug;
  const remove = (id: string) =>
    action.run(async () => {
      await api(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" });
      await events.reload();
    });
  return html`<section class="card" aria-labelledby="events-title" data-org-events>
    <h2 id="events-title" class="card-title">Events</h2>
    ${showActionError(html, action)}
    ${
    showRequest(html, events, "the events", ({ events: list }) =>
      list.length === 0
        ? html`<p class="muted">No events yet.${manager ? " Schedule the first one below." : ""}</p>`
        : html`<ul class="item-list" aria-label="Events">${
          list.map((e) =>
            html`<li key=${e.id} data-event=${e.id}>
              <span class="grow"><strong>${e.name}</strong>
                <span class="name-line">${nameOf(e.track_slug)} · ${eventDays(e)}</span></span>
              <button type="button" class="button" aria-label=${`Sessions driven at ${e.name}`}
                onClick=${() =>
              openPage(ORGS_PAGE, orgAddress(slug, { event: e.id }))}>Sessions</button>
              ${
              manager && html`
                <${ConfirmButton} html=${html} hooks=${hooks} label="Delete" confirmLabel="Delete event"
                  ariaLabel=${`Delete ${e.name}`} disabled=${action.pending} onConfirm=${() =>
                    remove(e.id)} />
              `
            }
            </li>`
          )
        }</ul>`)
  }
    ${
    manager && html`<h3 class="subhead">Schedule an event</h3>
      ${
      showRequest(
        html,
        circuits,
        "your circuits",
        ({ circuits: list }) =>
          html`<${EventForm} ctx=${ctx} slug=${slug} circuits=${list} action=${action} onCreated=${events.reload} />`,
      )
    }`
  }
  </section>`;
}
