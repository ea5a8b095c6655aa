/**
 * Workbench-wide pages plugins contribute (`scope: "app"` views, see
 * `sdk/views.ts`): the page in the address bar (`?page=<id>&<its params>`),
 * links to them in the top bar, and the host that renders one with its
 * {@linkcode AppPageContext} inside an error boundary. A page can be public
 * (a shared session's page): it then renders for a visitor who is not signed
 * in, and its plugin's public routes answer them.
 *
 * @module
 */

/// <reference lib="dom" />

import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import type { VNode } from "preact";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type {
  AppPageContext,
  AppPageModule,
  HtmlTag,
  PageUser,
  RegisteredView,
  Units,
} from "../../sdk/views.ts";
import type { Account } from "../api/account.ts";
import { appApi } from "../api/app_api.ts";
import { ErrorBoundary } from "../views/error_boundary.ts";
import { PagePlot } from "./page_plot.ts";

/** The query parameter naming the open page. */
export const PAGE_PARAM = "page";

/** The open app page, if any, and navigation between pages. */
export interface AppPages {
  /** Every app page, in top-bar order. */
  pages: readonly RegisteredView[];
  /** The page in the address bar, or null. */
  current: RegisteredView | null;
  /** Its parameters (the address bar's other query parameters). */
  params: Record<string, string>;
  /** Opens a page (a new history entry). */
  open(pageId: string, params?: Record<string, string>): void;
}

/** Whether a registered contribution is an app page. */
export function isAppPage(view: RegisteredView): boolean {
  return view.contribution.kind === "view" && view.contribution.scope === "app";
}

/** The address of a page, relative to the origin. */
export function pageHref(pageId: string, params: Record<string, string> = {}): string {
  return `/?${new URLSearchParams({ [PAGE_PARAM]: pageId, ...params })}`;
}

/**
 * Tells every listener of the address bar that it changed (the shell's URL
 * state re-reads it on `popstate`).
 */
function announceNavigation(): void {
  dispatchEvent(new PopStateEvent("popstate"));
}

/** Reads the open page from the address bar; re-read on every render and on back/forward. */
export function useAppPages(registry: readonly RegisteredView[]): AppPages {
  const [, setTick] = useState(0);
  useEffect(() => {
    const onPop = () => setTick((n) => n + 1);
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const pages = useMemo(
    () =>
      registry.filter(isAppPage).sort((a, b) =>
        (a.contribution.order ?? 100) - (b.contribution.order ?? 100)
      ),
    [registry],
  );
  const query = new URLSearchParams(location.search);
  const current = pages.find((p) => p.contribution.id === query.get(PAGE_PARAM)) ?? null;
  query.delete(PAGE_PARAM);
  const params = Object.fromEntries(query);
  const open = useCallback((pageId: string, pageParams: Record<string, string> = {}) => {
    history.pushState(null, "", pageHref(pageId, pageParams));
    announceNavigation();
  }, []);
  return { pages, current, params, open };
}

/** Properties of {@linkcode AppPageHost}. */
export interface AppPageHostProps {
  /** The pages, with the open one. */
  pages: AppPages;
  /** Display units. */
  units: Units;
  /** Theme. */
  theme: "light" | "dark";
  /** The browser's account: who is signed in (the local user in local mode), if anyone. */
  account: Account;
}

const hooks = { useState, useEffect, useMemo, useRef, useCallback, useLayoutEffect };

/** Renders the open app page. */
export function AppPageHost({ pages, units, theme, account }: AppPageHostProps): VNode | null {
  const page = pages.current;
  const signedIn = account.user;
  const user = useMemo((): PageUser | null => (signedIn ? { id: signedIn.id, name: signedIn.name } : null), [
    signedIn,
  ]);
  const paramsKey = JSON.stringify(pages.params);
  const ctx = useMemo((): AppPageContext | null => {
    if (!page) return null;
    return {
      html: html as unknown as HtmlTag,
      Plot,
      hooks,
      units,
      theme,
      user,
      params: pages.params,
      api: appApi(page.plugin),
      openPage: pages.open,
      openSession(sessionId, viewId) {
        history.pushState(
          null,
          "",
          `/?${new URLSearchParams({ s: sessionId, ...(viewId ? { v: viewId } : {}) })}`,
        );
        announceNavigation();
      },
      pageUrl: (pageId, params) => `${location.origin}${pageHref(pageId, params)}`,
      plot: (build, options) => html`<${PagePlot} build=${build} options=${options} />`,
    };
  }, [page, units, theme, user, paramsKey]);
  if (!page || !ctx) return null;
  const module = page.module as AppPageModule | undefined;
  return html`
    <section class="view app-page" data-page=${page.contribution.id}>
      <${ErrorBoundary} label=${page.contribution.title}>
          ${module?.kind === "page"
            ? html`<${PageBody} key=${`${page.contribution.id}:${paramsKey}`} module=${module} ctx=${ctx} />`
            : html`<p class="inline-error" role="alert">This page's module is not an app page.</p>`}
        <//>
      </section>
  `;
}

function PageBody({ module, ctx }: { module: AppPageModule; ctx: AppPageContext }) {
  return module.render(ctx);
}
