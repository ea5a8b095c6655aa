/**
 * The Organizations page without an organization open: the caller's
 * organizations with their role, a form that creates one (the caller
 * becomes its owner) and a form that joins one with an invite code.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { CopyButton } from "../../sdk/view_copy.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { orgAddress, ORGS_PAGE } from "./org_nav.ts";
import { type Role, ROLE_LABEL } from "./roles.ts";

interface OrgJson {
  slug: string;
  name: string;
  role: Role;
  members: number;
}

/** The list and the two forms. */
export function OrgList({ ctx }: { ctx: AppPageContext }): VNode {
  const { html, hooks, api, openPage, user } = ctx;
  const orgs = useRequest(hooks, () => api<{ orgs: OrgJson[] }>("/orgs"), []);
  const [name, setName] = hooks.useState("");
  const [code, setCode] = hooks.useState("");
  const create = useAction(hooks);
  const join = useAction(hooks);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const open = (slug: string) => openPage(ORGS_PAGE, orgAddress(slug));
  const submitCreate = (e: Event) => {
    e.preventDefault();
    void create.run(async () => open((await api<OrgJson>("/orgs", { method: "POST", body: { name } })).slug));
  };
  const submitJoin = (e: Event) => {
    e.preventDefault();
    void join.run(async () =>
      open((await api<OrgJson>(`/join/${encodeURIComponent(code.trim())}`, { method: "POST" })).slug)
    );
  };
  return html`
    <div class="page">
      <header class="page-head">
        <h1>Organizations</h1>
        <p
          class="muted">Clubs and track-day organizers: members with roles, events, and instructors who read the sessions driven at those events.</p>
      </header>
      <section class="card" aria-labelledby="orgs-title">
          <h2 id="orgs-title" class="card-title">Yours</h2>
          ${showRequest(
            html,
            orgs,
            "your organizations",
            ({ orgs: list }) =>
              list.length === 0
                ? html`<p class="muted">You belong to no organization yet: create one or join with a code.</p>`
                : html`<ul class="item-list" aria-label="Your organizations">${
                  list.map((o) =>
                    html`
                      <li key=${o.slug} data-org=${o.slug}>
                        <span class="grow"><strong>${o.name}</strong>
                                      <span class="name-line">${ROLE_LABEL[o.role]} · ${o
                                        .members} member${o.members === 1 ? "" : "s"}</span></span>
                        <button type="button" class="button" onClick=${() => open(o.slug)}
                          aria-label=${`Open ${o.name}`}>Open</button>
                      </li>
                    `
                  )
                }</ul>`,
          )}
        </section>
      <div class="grid">
        <section class="card size-half" aria-labelledby="create-org-title">
            <h2 id="create-org-title" class="card-title">Create an organization</h2>
            <form class="form-row" onSubmit=${submitCreate} aria-label="Create an organization">
              <label class="field grow">Name
                <input id="org-name" maxlength="80" required placeholder="e.g. Barber Track Club" value=${name}
                  onInput=${(e: Event) => setName(value(e))} /></label>
              <button type="submit" class="button primary" disabled=${create.pending ||
                name.trim() === ""}>Create</button>
            </form>
            <p class="muted small">You become its owner: you add members, give roles and schedule events.</p>
            ${showActionError(html, create)}
          </section>
        <section class="card size-half" aria-labelledby="join-org-title">
            <h2 id="join-org-title" class="card-title">Join with a code</h2>
            <form class="form-row" onSubmit=${submitJoin} aria-label="Join an organization">
              <label class="field grow">Invite code
                <input id="org-code" class="code" autocomplete="off" autocapitalize="characters" spellcheck="false"
                  maxlength="40" required value=${code} onInput=${(e: Event) => setCode(value(e))} /></label>
              <button type="submit" class="button primary" disabled=${join.pending ||
                code.trim() === ""}>Join</button>
            </form>
            ${showActionError(html, join)}
            ${user && html`
              <div class="form-row small">
                <span
                  class="grow muted">Or give an owner your user id, <code>${user
                    .id}</code>, to be added.</span>
                <${CopyButton} html=${html} hooks=${hooks} text=${user.id} label="Copy your user id" />
              </div>
            `}
          </section>
      </div>
    </div>
  `;
}
