/**
 * The Achievements page: the latest awards first (new ones marked, with a
 * button that marks them all seen), then every badge: earned ones with each
 * reason and a link to the session that earned it, the others with the
 * progress the rules measured. A button re-checks the whole history (for
 * sessions analysed before the plugin was installed).
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import { formatDay } from "../../sdk/view_dates.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { type AppPageContext, defineAppPage } from "../../sdk/views.ts";

interface ProgressJson {
  current: number;
  target: number;
  unit: string;
  lower_is_better: boolean;
  note: string;
}

interface EarnedJson {
  key: string;
  reason: string;
  session_id: string;
  driven_at: string;
}

/** `GET /badges`. */
interface BadgesJson {
  earned_count: number;
  sessions_counted: number;
  badges: {
    id: string;
    title: string;
    description: string;
    earned: EarnedJson[];
    progress: ProgressJson | null;
  }[];
}

/** `GET /recent`. */
interface RecentJson {
  unseen: number;
  achievements: (EarnedJson & { badge: string; title: string; awarded_at: string; seen: boolean })[];
}

/** Reasons shown per earned badge before "and N more". */
const REASONS_SHOWN = 3;

function SessionLink({ ctx, sessionId }: { ctx: AppPageContext; sessionId: string }): VNode {
  return ctx.html`<button type="button" class="link" onClick=${() =>
    ctx.openSession(sessionId)}>Open the session</button>`;
}

function progressOf(ctx: AppPageContext, p: ProgressJson): VNode {
  const { html } = ctx;
  const number = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return html`<div class="small">
    ${
    !p.lower_is_better &&
    html`
      <progress max=${p.target} value=${Math.min(p.current, p.target)}
        aria-label=${`${number(p.current)} of ${number(p.target)} ${p.unit}`}></progress>
    `
  }
    <span class="muted">${p.note}</span>
  </div>`;
}

function Badges({ ctx, data }: { ctx: AppPageContext; data: BadgesJson }): VNode {
  const { html } = ctx;
  return html`<ul class="tiles" aria-label="Badges">${
    data.badges.map((badge) => {
      const earned = badge.earned.length > 0;
      return html`
        <li key=${badge.id} class=${`tile ${earned ? "earned" : ""}`} data-badge=${badge.id}
          data-earned=${earned}>
                <strong>${badge.title}</strong>
                <span class="small muted">${badge.description}</span>
                ${earned
                  ? html`
                    <span class="badge ok">${badge.earned.length === 1
                      ? "Earned"
                      : `Earned ×${badge.earned.length}`}</span>
                    <ul class="list small">${badge.earned.slice(0, REASONS_SHOWN).map((e) =>
                      html`<li key=${e.key}>${e.reason} <span class="muted">(${
                        formatDay(e.driven_at)
                      })</span></li>`
                    )}${badge.earned.length > REASONS_SHOWN &&
                      html`<li class="muted">and ${badge.earned.length - REASONS_SHOWN} more</li>`}</ul>
                  `
                  : badge.progress
                  ? progressOf(ctx, badge.progress)
                  : html`<span class="small muted">Not earned yet.</span>`}
              </li>
      `;
    })
  }</ul>`;
}

function Recent({ ctx, data, onSeen }: { ctx: AppPageContext; data: RecentJson; onSeen: () => void }) {
  const { html } = ctx;
  if (data.achievements.length === 0) {
    return html`<p class="muted">Nothing yet: analyse a session with a timed lap to earn your first badge.</p>`;
  }
  return html`
    <div class="form-row">
      <span class="grow" data-unseen=${data.unseen}>${data.unseen === 0
        ? "All seen."
        : `${data.unseen} new since you last looked.`}</span>
      <button type="button" class="button" disabled=${data.unseen ===
        0} onClick=${onSeen}>Mark all as seen</button>
    </div>
    <ul class="item-list" aria-label="Recent achievements">${data.achievements.map((a) =>
      html`<li key=${a.key} data-seen=${a.seen}>
        ${!a.seen && html`<span class="badge new">New</span>`}
        <span class="grow"><strong>${a.title}</strong> <span class="muted">${formatDay(a.awarded_at)}</span>
          <span class="name-line">${a.reason}</span></span>
        <${SessionLink} ctx=${ctx} sessionId=${a.session_id} />
      </li>`
    )}</ul>
  `;
}

export default defineAppPage({
  render(ctx) {
    const { html, hooks, api } = ctx;
    const badges = useRequest(hooks, () => api<BadgesJson>("/badges"), []);
    const recent = useRequest(hooks, () => api<RecentJson>("/recent?limit=10"), []);
    const action = useAction(hooks);
    const reloadBoth = () => Promise.all([badges.reload(), recent.reload()]);
    const markSeen = () =>
      action.run(async () => {
        await api("/recent/seen", { method: "POST" });
        await recent.reload();
      });
    const recheck = () =>
      action.run(async () => {
        await api("/refresh", { method: "POST" });
        await reloadBoth();
      });
    const counted = badges.state.status === "ready" ? badges.state.value : null;
    return html`<div class="page">
      <header class="page-head">
        <h1>Achievements</h1>
        <p class="muted">${
      counted
        ? `${counted.earned_count} earned over ${counted.sessions_counted} analysed session${
          counted.sessions_counted === 1 ? "" : "s"
        }.`
        : "Badges for what your sessions show."
    }</p>
      </header>
      ${showActionError(html, action)}
      <section class="card" aria-labelledby="recent-title">
        <h2 id="recent-title" class="card-title">Recent</h2>
        ${
      showRequest(html, recent, "your recent achievements", (data) =>
        html`<${Recent} ctx=${ctx} data=${data} onSeen=${markSeen} />`)
    }
      </section>
      <section class="card" aria-labelledby="badges-title">
        <div class="form-row">
          <h2 id="badges-title" class="card-title grow">Badges</h2>
          <button type="button" class="button" disabled=${action.pending} onClick=${recheck}
            title="Applies the rules to every session you have, including those analysed before achievements were installed">Re-check my sessions</button>
        </div>
        ${showRequest(html, badges, "your badges", (data) => html`<${Badges} ctx=${ctx} data=${data} />`)}
      </section>
    </div>`;
  },
});
