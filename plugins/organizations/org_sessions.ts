/**
 * Sessions read through an organization: the sessions driven at one of its
 * events (every member's for owners and instructors, one's own for
 * members, as `access.ts` rules) and one such session's summary. One's own
 * session also opens in the workbench.
 *
 * @module
 */

import type { VNode } from "preact";
import { formatDay } from "../../sdk/view_dates.ts";
import { showRequest, useRequest } from "../../sdk/view_requests.ts";
import { type SessionSummaryJson, summaryTiles } from "../../sdk/view_summary.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { eventDays, type EventJson } from "./org_events.ts";
import { orgAddress, orgCrumbs, ORGS_PAGE, useOrgSummary } from "./org_nav.ts";
import { managesEvents } from "./roles.ts";

interface EventSessionJson {
  id: string;
  user_id: string;
  driver: string;
  track_name: string | null;
  date: string | null;
  status: string;
}

/** `GET /orgs/{slug}/sessions/{id}`. */
interface OrgSessionJson {
  session: { id: string; user_id: string; track_name: string | null; date: string | null };
  driver: string;
  event: EventJson | null;
  summary: SessionSummaryJson;
}

/** Props of both views. */
interface Props {
  ctx: AppPageContext;
  slug: string;
}

/** The sessions driven at an event that the caller may read. */
export function EventSessions({ ctx, slug, eventId }: Props & { eventId: string }): VNode {
  const { html, hooks, api, openPage, user } = ctx;
  const org = useOrgSummary(ctx, slug);
  const orgValue = org.state.status === "ready" ? org.state.value : null;
  const sessions = useRequest(
    hooks,
    () =>
      api<{ event: EventJson; sessions: EventSessionJson[] }>(
        `/orgs/${encodeURIComponent(slug)}/events/${encodeURIComponent(eventId)}/sessions`,
      ),
    [slug, eventId],
  );
  const event = sessions.state.status === "ready" ? sessions.state.value.event : null;
  const everyone = managesEvents(orgValue?.role ?? null);
  return html`<div class="page">
    ${orgCrumbs(ctx, slug, orgValue?.name ?? null, event?.name ?? "Event")}
    <header class="page-head">
      <h1>${event?.name ?? "Event"}</h1>
      <p class="muted">${event ? `${eventDays(event)} · ` : ""}${
    everyone
      ? "Every member's sessions driven at this circuit on these days."
      : "Your sessions driven at this circuit on these days (only owners and instructors see everyone's)."
  }</p>
    </header>
    <section class="card" aria-label="Sessions at the event">${
    showRequest(html, sessions, "the event's sessions", ({ sessions: list }) =>
      list.length === 0
        ? html`<p class="muted">No session was driven at this event's circuit on its days.</p>`
        : html`<ul class="item-list" data-event-sessions>${
          list.map((s) =>
            html`
              <li key=${s.id} data-session=${s.id}>
                <span class="grow"><strong>${s.driver}${s.user_id === user?.id ? " (you)" : ""}</strong>
                              <span class="name-line">${s.track_name ?? "Unknown circuit"} · ${formatDay(
                                s.date,
                              )}</span></span>
                <button type="button" class="button" disabled=${s.status !== "done"}
                  aria-label=${`Summary of ${s.driver}'s session`}
                  onClick=${() =>
                    openPage(ORGS_PAGE, orgAddress(slug, { session: s.id }))}>Summary</button>
              </li>
            `
          )
        }</ul>`)
  }</section>
  </div>`;
}

/** One session's summary, read through the organization. */
export function OrgSession({ ctx, slug, sessionId }: Props & { sessionId: string }): VNode {
  const { html, hooks, api, units, user } = ctx;
  const org = useOrgSummary(ctx, slug);
  const orgName = org.state.status === "ready" ? org.state.value.name : null;
  const detail = useRequest(
    hooks,
    () => api<OrgSessionJson>(`/orgs/${encodeURIComponent(slug)}/sessions/${encodeURIComponent(sessionId)}`),
    [slug, sessionId],
  );
  const value = detail.state.status === "ready" ? detail.state.value : null;
  const title = value ? `${value.driver}, ${formatDay(value.session.date)}` : "Session";
  return html`<div class="page">
    ${orgCrumbs(ctx, slug, orgName, title)}
    ${
    showRequest(html, detail, "the session", (d) =>
      html`
        <header class="page-head">
          <p class="eyebrow">${d.event ? `${d.event.name} · ` : ""}read-only summary</p>
          <h1>${d.session.track_name ?? "Unknown circuit"}</h1>
          <p class="muted">${d.driver} · ${formatDay(d.session.date)}</p>
        </header>
        <section class="card" aria-label="Summary">${summaryTiles(html, units, d.summary)}
                ${d.session.user_id === user?.id &&
                  html`<p><button type="button" class="button" onClick=${() =>
                    ctx.openSession(d.session.id)}>Open in the workbench</button></p>`}
              </section>
      `)
  }
  </div>`;
}
