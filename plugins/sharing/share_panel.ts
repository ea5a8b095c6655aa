/**
 * The Share card on the dashboard: create a read-only link to the open
 * session lasting from a day up to `MAX_EXPIRY_DAYS`, copy it, and see every link to the session with
 * its state (active, expired, revoked); an active link can be revoked, after
 * a confirmation.
 *
 * @module
 */

/// <reference lib="dom" />

import { formatDay, formatDayTime } from "../../sdk/view_dates.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { CopyButton } from "../../sdk/view_copy.ts";
import { definePanel } from "../../sdk/views.ts";
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from "./expiry.ts";

/** A share link as `GET /links` returns it. */
interface LinkJson {
  token: string;
  url: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  state: "active" | "expired" | "revoked";
}

const STATE_LABEL = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;
const STATE_BADGE = { active: "ok", expired: "warn", revoked: "off" } as const;

/** The link's address with this server's origin. */
const absolute = (link: LinkJson) => new URL(link.url, location.origin).href;

function when(link: LinkJson): string {
  if (link.state === "revoked") return `revoked ${formatDay(link.revoked_at)}`;
  return `${link.state === "expired" ? "expired" : "expires"} ${formatDayTime(link.expires_at)}`;
}

export default definePanel({
  render(ctx) {
    const { html, hooks, api, data } = ctx;
    const sessionId = data.session.id;
    const links = useRequest(
      hooks,
      () => api<LinkJson[]>(`/links?session_id=${encodeURIComponent(sessionId)}`),
      [sessionId],
    );
    const [days, setDays] = hooks.useState(String(DEFAULT_EXPIRY_DAYS));
    const [created, setCreated] = hooks.useState<LinkJson | null>(null);
    const create = useAction(hooks);
    const revoke = useAction(hooks);
    const dayCount = Number(days);
    const validDays = Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= MAX_EXPIRY_DAYS;

    const submit = (e: Event) => {
      e.preventDefault();
      if (!validDays) return;
      void create.run(async () => {
        const link = await api<LinkJson>("/links", {
          method: "POST",
          body: { session_id: sessionId, expires_in_days: dayCount },
        });
        setCreated(link);
        await links.reload();
      });
    };
    const revokeLink = (token: string) =>
      revoke.run(async () => {
        await api(`/links/${token}`, { method: "DELETE" });
        if (created?.token === token) setCreated(null);
        await links.reload();
      });

    return html`<div class="share-panel">
      <form class="form-row" onSubmit=${submit} aria-label="Create a share link">
        <label for="share-days">Link lasts</label>
        <input id="share-days" type="number" inputmode="numeric" min="1" max=${MAX_EXPIRY_DAYS} step="1" required
          style="width:5.5em" value=${days} aria-invalid=${!validDays}
          aria-describedby="share-days-help" onInput=${(e: Event) =>
      setDays((e.currentTarget as HTMLInputElement).value)} />
        <span>days</span>
        <button type="submit" class="button primary" disabled=${!validDays || create.pending}>${
      create.pending ? "Creating…" : "Create link"
    }</button>
      </form>
      <p id="share-days-help" class=${validDays ? "muted small" : "inline-error"}>${
      validDays
        ? "The link stops working when it expires or when you revoke it."
        : `Choose a whole number of days from 1 to ${MAX_EXPIRY_DAYS}.`
    }</p>
      ${showActionError(html, create)}
      ${
      created && html`
        <div class="form-row share-created" data-share-created>
          <label class="visually-hidden" for="share-url">New share link</label>
          <input id="share-url" class="grow" readonly value=${absolute(created)}
            onFocus=${(e: Event) => (e.currentTarget as HTMLInputElement).select()} />
          <${CopyButton} html=${html} hooks=${hooks} text=${absolute(created)} label="Copy the new link" />
        </div>
      `
    }
      <h4 class="subhead">Links to this session</h4>
      ${showActionError(html, revoke)}
      ${
      showRequest(html, links, "the links", (list) =>
        list.length === 0
          ? html`<p class="muted">No links yet: this session is private.</p>`
          : html`<ul class="item-list" aria-label="Share links">${
            list.map((link) =>
              html`<li key=${link.token} data-link=${link.token} data-state=${link.state}>
                <span class=${`badge ${STATE_BADGE[link.state]}`}>${STATE_LABEL[link.state]}</span>
                <span class="grow muted">${when(link)}</span>
                ${
                link.state === "active" && html`
                  <${CopyButton} html=${html} hooks=${hooks} text=${absolute(
                    link,
                  )} label=${`Copy the link that ${when(link)}`} />
                  <${ConfirmButton} html=${html} hooks=${hooks} label="Revoke" confirmLabel="Revoke link"
                    ariaLabel=${`Revoke the link that ${when(link)}`} disabled=${revoke.pending}
                    onConfirm=${() =>
                      revokeLink(link.token)} />
                `
              }
              </li>`
            )
          }</ul>`)
    }
    </div>`;
  },
});
