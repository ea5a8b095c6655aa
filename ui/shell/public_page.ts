/**
 * What a visitor who is not signed in sees of a public app page (a shared
 * session) when sign-in is configured: the page itself under a slim top bar
 * with a sign-in link that comes back to it. None of the workbench's
 * session machinery runs, so nothing asks the server for private data.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import type { RegisteredView } from "../../sdk/views.ts";
import { type Account, signInHref } from "../api/account.ts";
import { useSettings } from "../state/settings.ts";
import { createUnits } from "../units.ts";
import { AppPageHost, isAppPage, PAGE_PARAM, useAppPages } from "./app_pages.ts";

/** Properties of {@linkcode PublicPage}. */
export interface PublicPageProps {
  /** Every registered view, panel and chart. */
  registry: readonly RegisteredView[];
  /** The (anonymous) account. */
  account: Account;
}

/** Whether the address bar opens an app page that anonymous visitors may see. */
export function opensPublicPage(registry: readonly RegisteredView[]): boolean {
  const id = new URLSearchParams(location.search).get(PAGE_PARAM);
  return registry.some((r) => isAppPage(r) && r.contribution.public === true && r.contribution.id === id);
}

/** The public page. */
export function PublicPage({ registry, account }: PublicPageProps): VNode {
  const [settings] = useSettings();
  const pages = useAppPages(registry);
  const units = useMemo(() => createUnits(settings), [settings.speed, settings.distance]);
  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  const back = `${location.pathname}${location.search}`;
  return html`
    <div class="app">
      <header class="topbar">
        <span class="brand">Cataclysm<span> Workbench</span></span>
        <span class="spacer"></span>
        <a class="button" data-sign-in href=${signInHref(account, back)}>Sign in</a>
      </header>
      <main class="main" id="main">
        <${AppPageHost} pages=${pages} units=${units} theme=${settings.theme} account=${account} />
      </main>
    </div>
  `;
}
