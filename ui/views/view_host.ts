/**
 * Renders one view: its header, then every registered panel and chart placed
 * in it, grouped by section, in order. A contribution whose artifacts the
 * session lacks is hidden (the view says how many and why); each visible one
 * loads its own data, shows a skeleton meanwhile, and renders inside an error
 * boundary.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { ChartModule, PanelModule, RegisteredView, ViewContext, ViewModule } from "../../sdk/views.ts";
import type { SessionStore } from "../api/session_store.ts";
import { ChartHost } from "../charts/chart_host.ts";
import { loadContributionData, missingArtifacts, viewItems } from "./contribution_data.ts";
import { ErrorBoundary } from "./error_boundary.ts";
import { buildViewContext, type ContextInputs } from "./view_context.ts";

/** Properties of {@linkcode ViewHost}. */
export interface ViewHostProps {
  /** The view. */
  view: RegisteredView;
  /** Every registered contribution. */
  registry: readonly RegisteredView[];
  /** Everything but the track stores (loaded here for `scope: "track"` contributions). */
  inputs: Omit<ContextInputs, "trackStores">;
  /** Loads the stores of every ready session on the open session's circuit. */
  loadTrackStores: () => Promise<SessionStore[]>;
  /** Subscribes to zoom changes. */
  subscribeZoom: (listener: () => void) => () => void;
}

/** One view of the open session. */
export function ViewHost({ view, registry, inputs, loadTrackStores, subscribeZoom }: ViewHostProps): VNode {
  const { store } = inputs;
  const items = useMemo(() => viewItems(registry, view.contribution.id), [registry, view]);
  const visible = items.filter((r) => missingArtifacts(r, store).length === 0);
  const hidden = items.filter((r) => missingArtifacts(r, store).length > 0);
  const sections: { title: string; entries: RegisteredView[] }[] = [];
  for (const entry of visible) {
    const title = entry.contribution.in?.[0] === view.contribution.id ? entry.contribution.section ?? "" : "";
    const section = sections.find((s) => s.title === title) ??
      sections[sections.push({ title, entries: [] }) - 1];
    section.entries.push(entry);
  }
  const props = { inputs, loadTrackStores, subscribeZoom };
  const header = (view.module as ViewModule | undefined)?.header;
  return html`
    <section class="view" aria-label=${view.contribution.title} data-view=${view.contribution.id}>
      ${header && html`
        <${ErrorBoundary} label="The header">
          <${Loaded} entry=${view} ...${props} render=${(ctx: ViewContext) =>
            html`<${HeaderHost} header=${header} ctx=${ctx} />`} />
          <//>
      `}
      ${visible.length === 0 &&
        html`<p class="empty-state">Nothing to show for this session yet: ${
          items.length === 0 ? "no plugin contributes to this view." : "the analysis it needs is missing."
        }</p>`}
      ${sections.map((section) =>
        html`
          ${section.title && html`<h2 class="section-title">${section.title}</h2>`}
          <div class="grid">${section.entries.map((entry) =>
            html`<${Card} key=${entry.contribution.id} entry=${entry} ...${props} />`
          )}</div>
        `
      )}
      ${hidden.length > 0 && html`
        <details class="hidden-note">
          <summary>${hidden.length} ${hidden.length === 1
            ? "item needs"
            : "items need"} analysis this session does not have</summary>
          <ul>${hidden.map((h) =>
            html`<li>${h.contribution.title}: needs ${missingArtifacts(h, store).join(", ")}</li>`
          )}</ul>
        </details>
      `}
    </section>
  `;
}

function HeaderHost({ header, ctx }: { header: NonNullable<ViewModule["header"]>; ctx: ViewContext }) {
  return header(ctx);
}

function PanelHost({ panel, ctx }: { panel: PanelModule; ctx: ViewContext }) {
  return panel.render(ctx);
}

type LoadState =
  | { status: "loading" }
  | { status: "ready"; trackStores: SessionStore[]; ref: number | null; comp: number | null }
  | Error;

type LoadedProps = Omit<ViewHostProps, "view" | "registry"> & {
  entry: RegisteredView;
  render: (ctx: ViewContext) => VNode;
};

/** Loads what a contribution needs, then renders it with its context. */
function Loaded({ entry, inputs, loadTrackStores, render }: LoadedProps): VNode {
  const { store, laps } = inputs;
  const [state, setState] = useState<LoadState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    const [ref, comp] = [laps.ref, laps.comp];
    loadContributionData(store, entry, { ref, comp }, loadTrackStores).then(
      (trackStores) => live && setState({ status: "ready", trackStores, ref, comp }),
      (error) => live && setState(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [store, entry, laps.ref, laps.comp]);
  // Until new laps are loaded, keep drawing the laps that are.
  const ctx = useMemo(
    () =>
      state instanceof Error || state.status !== "ready" ? null : buildViewContext({
        ...inputs,
        laps: { ...inputs.laps, ref: state.ref, comp: state.comp },
        trackStores: state.trackStores,
      }, entry.plugin),
    [state, inputs],
  );
  if (state instanceof Error) {
    return html`<p class="inline-error" role="alert">Could not load its data: ${state.message}</p>`;
  }
  if (!ctx) return html`<div class="skeleton" aria-busy="true" aria-label="Loading"></div>`;
  return render(ctx);
}

function Card(props: Omit<LoadedProps, "render">): VNode {
  const { entry, subscribeZoom } = props;
  const c = entry.contribution;
  const module = entry.module as ChartModule | PanelModule | undefined;
  const render = (ctx: ViewContext) => {
    if (module?.kind === "chart") {
      return html`<${ChartHost} chart=${module} title=${c.title} ctx=${ctx} subscribeZoom=${subscribeZoom} />`;
    }
    if (module?.kind === "panel") return html`<${PanelHost} panel=${module} ctx=${ctx} />`;
    throw new Error(
      `module of "${c.id}" is not a ${c.kind} (default-export define${
        c.kind === "chart" ? "Chart" : "Panel"
      }(...))`,
    );
  };
  return html`
    <article class=${`card size-${c.size ?? "full"}`} data-contribution=${c.id} data-kind=${c
      .kind} aria-labelledby=${`t-${c.id}`}>
      <header class="card-head">
        <h3 id=${`t-${c.id}`}>${c.title}</h3>
        ${c.description && html`<p class="card-desc">${c.description}</p>`}
      </header>
      <${ErrorBoundary} label=${c.title}>
        <${Loaded} ...${props} render=${render} />
        <//>
        </article>
  `;
}
