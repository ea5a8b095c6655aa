/**
 * An organization's members on its page: everyone sees the list and may
 * leave; an owner changes roles, removes members, adds a user by id and
 * manages invite codes (member or instructor). The last owner's refusal
 * comes from the server and is shown as it says it.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { CopyButton } from "../../sdk/view_copy.ts";
import { formatDay, formatDayTime } from "../../sdk/view_dates.ts";
import { type Action, showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import { managesMembers, type Role, ROLE_LABEL, ROLES } from "./roles.ts";

interface MemberJson {
  user_id: string;
  name: string;
  role: Role;
  joined_at: string;
}

interface InviteJson {
  code: string;
  role: Role;
  expires_at: string;
}

/** Props of the sections below. */
interface Props {
  ctx: AppPageContext;
  slug: string;
  role: Role;
  /** Called when the caller left the organization. */
  onLeft: () => void;
}

function Invites({ ctx, slug, action }: { ctx: AppPageContext; slug: string; action: Action }): VNode {
  const { html, hooks, api } = ctx;
  const base = `/orgs/${encodeURIComponent(slug)}/invites`;
  const invites = useRequest(hooks, () => api<{ invites: InviteJson[] }>(base), [base]);
  const [role, setRole] = hooks.useState<Role>("member");
  const create = () =>
    action.run(async () => {
      await api(base, { method: "POST", body: { role } });
      await invites.reload();
    });
  const withdraw = (code: string) =>
    action.run(async () => {
      await api(`${base}/${encodeURIComponent(code)}`, { method: "DELETE" });
      await invites.reload();
    });
  return html`
    <h3 class="subhead">Invite codes</h3>
        <div class="form-row">
      <label for="org-invite-role">New code for</label>
      <select id="org-invite-role" value=${role} onChange=${(e: Event) =>
        setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
        <option value="member">members</option>
        <option value="instructor">instructors</option>
      </select>
      <button type="button" class="button primary" disabled=${action
        .pending} onClick=${create}>Create code</button>
    </div>
        <p class="muted small">Anyone with the code joins with its role for 30 days, until you withdraw it.</p>
        ${showRequest(
          html,
          invites,
          "the invite codes",
          ({ invites: list }) =>
            list.length === 0
              ? null
              : html`<ul class="item-list" aria-label="Invite codes">${
                list.map((i) =>
                  html`
                    <li key=${i.code} data-org-invite=${i.code}>
                      <span class="code">${i.code}</span>
                      <span class="grow muted small">${ROLE_LABEL[i.role]} · lapses ${formatDayTime(
                        i.expires_at,
                      )}</span>
                      <${CopyButton} html=${html} hooks=${hooks} text=${i
                        .code} label=${`Copy invite code ${i.code}`} />
                      <${ConfirmButton} html=${html} hooks=${hooks} label="Withdraw" confirmLabel="Withdraw code"
                        ariaLabel=${`Withdraw invite code ${i.code}`} disabled=${action.pending}
                        onConfirm=${() => withdraw(i.code)} />
                    </li>
                  `
                )
              }</ul>`,
        )}
  `;
}

function AddMember({ ctx, slug, action, onAdded }: {
  ctx: AppPageContext;
  slug: string;
  action: Action;
  onAdded: () => Promise<void>;
}): VNode {
  const { html, hooks, api } = ctx;
  const [userId, setUserId] = hooks.useState("");
  const [role, setRole] = hooks.useState<Role>("member");
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/orgs/${encodeURIComponent(slug)}/members`, {
        method: "POST",
        body: { user_id: userId.trim(), role },
      });
      setUserId("");
      await onAdded();
    });
  };
  return html`
    <h3 class="subhead">Add a member</h3>
    <form class="form-row" onSubmit=${submit} aria-label="Add a member by user id">
      <label class="field grow">User id
          <input id="org-add-user" autocomplete="off" required value=${userId}
            onInput=${(e: Event) => setUserId((e.currentTarget as HTMLInputElement).value)} /></label>
      <label class="field">Role
          <select id="org-add-role" value=${role} onChange=${(e: Event) =>
            setRole((e.currentTarget as HTMLSelectElement).value as Role)}>${ROLES.map((r) =>
              html`<option key=${r} value=${r}>${ROLE_LABEL[r]}</option>`
            )}</select></label>
      <button type="submit" class="button" disabled=${action.pending || userId.trim() === ""}>Add</button>
    </form>
  `;
}

/** The members card. */
export function OrgMembers({ ctx, slug, role, onLeft }: Props): VNode {
  const { html, hooks, api, user } = ctx;
  const base = `/orgs/${encodeURIComponent(slug)}/members`;
  const members = useRequest(hooks, () => api<{ members: MemberJson[] }>(base), [base]);
  const action = useAction(hooks);
  const owner = managesMembers(role);
  const changeRole = (id: string, next: Role) =>
    action.run(async () => {
      await api(`${base}/${encodeURIComponent(id)}`, { method: "PATCH", body: { role: next } });
      await members.reload();
    });
  const remove = (id: string) =>
    action.run(async () => {
      await api(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" });
      if (id === user?.id) onLeft();
      else await members.reload();
    });
  return html`<section class="card" aria-labelledby="members-title" data-org-members>
    <h2 id="members-title" class="card-title">Members</h2>
    ${showActionError(html, action)}
    ${
    showRequest(html, members, "the members", ({ members: list }) =>
      html`<ul class="item-list" aria-label="Members">${
        list.map((m) => {
          const me = m.user_id === user?.id;
          return html`<li key=${m.user_id} data-member=${m.user_id} data-role=${m.role}>
            <span class="grow"><strong>${m.name}${me ? " (you)" : ""}</strong>
              <span class="name-line">joined ${formatDay(m.joined_at)}</span></span>
            ${
            owner
              ? html`
                <label class="visually-hidden" for=${`role-${m.user_id}`}>Role of ${m.name}</label>
                <select id=${`role-${m.user_id}`} value=${m.role} disabled=${action.pending}
                  onChange=${(e: Event) =>
                    changeRole(m.user_id, (e.currentTarget as HTMLSelectElement).value as Role)}>${ROLES.map((
                      r,
                    ) =>
                      html`<option key=${r} value=${r}>${ROLE_LABEL[r]}</option>`
                    )}</select>
              `
              : html`<span class="badge">${ROLE_LABEL[m.role]}</span>`
          }
            ${
            (owner || me) &&
            html`
              <${ConfirmButton} html=${html} hooks=${hooks} label=${me ? "Leave" : "Remove"}
                confirmLabel=${me ? "Leave organization" : `Remove ${m.name}`}
                ariaLabel=${me ? "Leave the organization" : `Remove ${m.name}`} disabled=${action.pending}
                onConfirm=${() =>
                  remove(m.user_id)} />
            `
          }
          </li>`;
        })
      }</ul>`)
  }
    ${
    owner && html`
      <${AddMember} ctx=${ctx} slug=${slug} action=${action} onAdded=${members.reload} />
      <${Invites} ctx=${ctx} slug=${slug} action=${action} />
    `
  }
  </section>`;
}
