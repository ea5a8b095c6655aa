/**
 * The Organizations page. Without parameters: the caller's organizations,
 * creating one and joining one by code. With `org`: that organization
 * (members, invite codes, events, with the controls the caller's role may
 * use); with `event` or `session` as well: the sessions driven at an event,
 * or one session's summary.
 *
 * @module
 */

import type { VNode } from "preact";
import { showRequest } from "../../sdk/view_requests.ts";
import { type AppPageContext, defineAppPage } from "../../sdk/views.ts";
import { OrgEvents } from "./org_events.ts";
import { OrgList } from "./org_list.ts";
import { OrgMembers } from "./org_members.ts";
import { orgCrumbs, ORGS_PAGE, useOrgSummary } from "./org_nav.ts";
import { EventSessions, OrgSession } from "./org_sessions.ts";
import { ROLE_LABEL, ROLE_RIGHTS } from "./roles.ts";

function OrgDetail({ ctx, slug }: { ctx: AppPageContext; slug: string }): VNode {
  const { html, openPage } = ctx;
  const org = useOrgSummary(ctx, slug);
  return html`<div class="page">
    ${orgCrumbs(ctx, slug, null, org.state.status === "ready" ? org.state.value.name : slug)}
    ${
    showRequest(html, org, "the organization", (o) =>
      o.role === null
        ? html`
          <section class="empty-state" role="alert">
            <h1>${o.name}</h1>
            <p>You are not a member of this organization: ask an owner for an invite code.</p>
          </section>
        `
        : html`
          <header class="page-head" data-org-role=${o.role}>
            <h1>${o.name}</h1>
            <p class="muted">${ROLE_LABEL[o.role]} · ${o.members} member${o.members === 1 ? "" : "s"}</p>
            <p class="small">${ROLE_RIGHTS[o.role]}</p>
          </header>
          <div class="grid">
            <div class="card-column">
              <${OrgMembers} ctx=${ctx} slug=${slug} role=${o.role}
                onLeft=${() => openPage(ORGS_PAGE)} />
            </div>
            <div class="card-column">
              <${OrgEvents} ctx=${ctx} slug=${slug} role=${o.role} />
            </div>
          </div>
        `)
  }
  </div>`;
}

export default defineAppPage({
  render(ctx) {
    const { html, params } = ctx;
    if (!params.org) return html`<${OrgList} ctx=${ctx} />`;
    if (params.event) return html`<${EventSessions} ctx=${ctx} slug=${params.org} eventId=${params.event} />`;
    if (params.session) {
      return html`<${OrgSession} ctx=${ctx} slug=${params.org} sessionId=${params.session} />`;
    }
    return html`<${OrgDetail} ctx=${ctx} slug=${params.org} />`;
  },
});
