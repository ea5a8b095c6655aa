/**
 * The Plugins page (`/?page=plugins`): every plugin the workbench found, as
 * `GET /api/plugins` lists it — version, where it came from (built in or a
 * configured folder), whether it runs sandboxed, its health (a crash or
 * time-out marks it unhealthy, with the reason), what it contributes, its
 * settings, and the problems met while loading plugins. An admin (the local
 * user, or an e-mail in `WORKBENCH_ADMINS`) can enable or disable a plugin;
 * the change is written to `plugins.json` and applies at the next start,
 * which the page says.
 *
 * It is the shell's own page, shown among the plugins' app pages.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import type { AppPageModule, RegisteredView } from "../../sdk/views.ts";
import { requestJson } from "../api/http.ts";

/** One plugin as `GET /api/plugins` lists it (the fields this page shows). */
interface PluginRow {
  id: string;
  version: string;
  sdk: string;
  description: string;
  source: "built-in" | "folder";
  folder: string | null;
  enabled: boolean;
  active: boolean;
  restart_required: boolean;
  isolated: boolean;
  health: { status: "healthy" | "unhealthy"; reason?: string };
  formats: { id: string; name: string }[];
  stages: { id: string; produces: string[] }[];
  routes: unknown[];
  contributions: {
    views: { kind: string; title: string }[];
    app_routes: unknown[];
    settings: Record<string, { type: string; description: string; default: unknown }>;
  };
  settings: Record<string, unknown>;
  needed_by: { plugin: string; stage: string }[];
}

/** What the page loads. */
interface PluginList {
  plugins: PluginRow[];
  problems: { severity: string; plugin: string; message: string }[];
  can_manage: boolean;
  config_file: string;
  config_error: string | null;
}

/** The id of the page in the address bar. */
export const PLUGINS_PAGE_ID = "plugins";

/** "3 stages, 1 format, 2 charts": what a plugin contributes, in words. */
function contributionSummary(p: PluginRow): string {
  const count = (n: number, one: string) => (n === 0 ? [] : [`${n} ${one}${n === 1 ? "" : "s"}`]);
  const byKind = (kind: string) => p.contributions.views.filter((v) => v.kind === kind).length;
  return [
    ...count(p.stages.length, "stage"),
    ...count(p.formats.length, "format"),
    ...count(byKind("view"), "view"),
    ...count(byKind("panel"), "panel"),
    ...count(byKind("chart"), "chart"),
    ...count(p.routes.length + p.contributions.app_routes.length, "route"),
  ].join(", ") || "nothing yet";
}

function PluginCard(
  { plugin: p, canManage, onToggle }: {
    plugin: PluginRow;
    canManage: boolean;
    onToggle: (p: PluginRow) => Promise<string>;
  },
): VNode {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    try {
      setNote(await onToggle(p));
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const settings = Object.entries(p.contributions.settings ?? {});
  const unhealthy = p.health.status === "unhealthy";
  return html`
    <article class="card size-half plugin-card" data-plugin=${p.id} data-active=${String(p.active)}>
      <div class="plugin-head">
        <h2>${p.id} <span class="plugin-version">${p.version}</span></h2>
        <span class="badges">
          <span class="badge">${p.source}</span>
          ${p.isolated &&
            html`<span class="badge" title="Runs in its own sandboxed process">sandboxed</span>`}
          ${!p.active && html`<span class="badge">off</span>`}
          <span class=${unhealthy ? "badge failed" : "badge ok"} data-health=${p.health.status}
            title=${p.health.reason ?? ""}>${p.health.status}</span>
        </span>
      </div>
      <p class="card-desc">${p.description}</p>
      ${unhealthy && html`<p class="inline-error" role="alert">${p.health.reason}</p>`}
      <p class="plugin-meta">${contributionSummary(p)}${p.folder && p.source === "folder"
        ? ` · ${p.folder}`
        : ""}</p>
      ${settings.length > 0 && html`
        <details>
          <summary>Settings</summary>
          <ul class="list">
            ${settings.map(([key, spec]) =>
              html`
                <li><code>${key}</code> = ${JSON.stringify(p.settings[key] ?? spec.default)}: ${spec
                  .description}</li>
              `
            )}
          </ul>
        </details>
      `}
      ${canManage && html`
        <label class="switch">
          <input type="checkbox" checked=${p.enabled} disabled=${busy} onChange=${toggle}
            aria-label=${`Enable ${p.id}`} data-toggle=${p.id} />
          ${p.enabled ? "Enabled" : "Disabled"}
        </label>
        ${p.enabled && p.needed_by.length > 0 &&
          html`<p class="metric-note">Disabling it also stops: ${
            p.needed_by.map((n) => `${n.plugin}/${n.stage}`).join(", ")
          }</p>`}
      `}
      ${(note || p.restart_required) &&
        html`<p class="metric-note" role="status" data-note=${p.id}>${
          note ?? "Changed: applies when the workbench restarts."
        }</p>`}
    </article>
  `;
}

/** The page's content. */
function PluginsPage(): VNode {
  const [list, setList] = useState<PluginList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    requestJson<PluginList>("/api/plugins").then(setList, (e) => setError(e.message ?? String(e)));
  }, []);
  useEffect(load, []);
  const toggle = useCallback(async (p: PluginRow) => {
    const changed = await requestJson<PluginRow & { message: string }>(`/api/plugins/${p.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ enabled: !p.enabled }),
    });
    setList((old) => old && { ...old, plugins: old.plugins.map((q) => (q.id === p.id ? changed : q)) });
    return changed.message;
  }, []);

  if (error) return html`<p class="inline-error" role="alert">Could not list the plugins: ${error}</p>`;
  if (!list) return html`<div class="skeleton tall" aria-busy="true" aria-label="Loading plugins"></div>`;
  const unhealthy = list.plugins.filter((p) => p.health.status === "unhealthy").length;
  return html`
    <div class="plugins-page">
      <header class="page-head">
        <h1>Plugins</h1>
        <p class="card-desc">
          ${list.plugins.length} plugins${unhealthy > 0
            ? `, ${unhealthy} unhealthy`
            : ""}. Configuration: <code>${list
            .config_file}</code>${list.can_manage ? "" : " (read-only: only an admin can change it)"}.
        </p>
      </header>
      ${list.config_error && html`<p class="inline-error" role="alert">${list.config_error}</p>`}
      ${list.problems.length > 0 && html`
        <section class="card" aria-label="Loading problems">
          <h2>Problems</h2>
          <ul class="list">${list.problems.map((d) =>
            html`<li class=${`diag ${d.severity}`}><b>${d.plugin}</b>: ${d.message}</li>`
          )}</ul>
        </section>
      `}
      <div class="grid">
        ${list.plugins.map((p) =>
          html`<${PluginCard} key=${p.id} plugin=${p} canManage=${list.can_manage} onToggle=${toggle} />`
        )}
      </div>
    </div>
  `;
}

const pluginsPageModule: AppPageModule = { kind: "page", render: () => html`<${PluginsPage} />` };

/** The Plugins page as an app page of the shell, shown last in the top bar. */
export const PLUGINS_PAGE: RegisteredView = {
  plugin: "kernel",
  contribution: {
    kind: "view",
    id: PLUGINS_PAGE_ID,
    title: "Plugins",
    description: "Installed plugins, their health and what they contribute",
    scope: "app",
    order: 1000,
    needs: [],
  },
  module: pluginsPageModule,
};
