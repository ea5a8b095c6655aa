/**
 * The public page of a share link (`/?page=shared-session&token=…`): no
 * account needed. It shows the shared session read-only and lets the
 * visitor compare their own session of the same circuit. A link that
 * expired, was revoked, never existed, or whose session was deleted gets a
 * page saying which, and what to do.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { useRequest } from "../../sdk/view_requests.ts";
import { type AppApiError, defineAppPage, type HtmlTag } from "../../sdk/views.ts";
import { FriendCompare } from "./friend_compare.ts";
import { type SharedJson, SharedSummary } from "./shared_summary.ts";

/** What the visitor is told about a link that cannot be opened, by the server's code. */
const DEAD_LINKS: Record<string, { state: string; title: string; hint?: string }> = {
  share_link_expired: { state: "expired", title: "This share link has expired" },
  share_link_revoked: {
    state: "revoked",
    title: "This share link was revoked",
    hint: "Ask the driver for a new link if they want to share the session again.",
  },
  share_link_not_found: { state: "not-found", title: "This share link does not exist" },
  shared_session_deleted: {
    state: "deleted",
    title: "The shared session was deleted",
    hint: "There is nothing left to see at this link.",
  },
};

function deadLink(html: HtmlTag, error: AppApiError, retry: () => void): VNode {
  const known = DEAD_LINKS[error.code];
  if (!known) {
    return html`<div class="inline-error" role="alert">
      Could not open the shared session: ${error.message}
      <button type="button" class="link" onClick=${retry}>Retry</button>
    </div>`;
  }
  return html`<section class="empty-state" data-link-state=${known.state} role="alert">
    <h1>${known.title}</h1>
    <p>${error.message}.</p>
    ${known.hint && html`<p class="muted">${known.hint}</p>`}
  </section>`;
}

export default defineAppPage({
  render(ctx) {
    const { html, hooks, api, params } = ctx;
    const token = params.token ?? "";
    const shared = useRequest(
      hooks,
      () => api<SharedJson>(`/shared/${encodeURIComponent(token)}`),
      [token],
    );
    if (!token) {
      return html`
        <section class="empty-state" data-link-state="no-token" role="alert">
          <h1>No share link here</h1>
          <p>This address has no share token. Open the whole link the driver sent you.</p>
        </section>
      `;
    }
    const { state } = shared;
    if (state.status === "loading") {
      return html`<div class="skeleton tall" aria-busy="true" aria-label="Loading the shared session"></div>`;
    }
    if (state.status === "error") return deadLink(html, state.error, () => void shared.reload());
    return html`
      <div class="page" data-link-state="active">
        <${SharedSummary} ctx=${ctx} shared=${state.value} />
        <${FriendCompare} ctx=${ctx} token=${token} trackName=${state.value.session.track_name} />
      </div>
    `;
  },
});
