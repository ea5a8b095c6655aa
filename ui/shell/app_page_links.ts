/**
 * Links to the app pages (the plugins' workbench-wide pages and the Plugins
 * page). In the top bar: a "Pages" menu, whose button names the open page,
 * with any page featured this month (Wrapped in December) as a tab of its
 * own beside it; however many plugins add pages, the bar keeps its width.
 * In the session drawer (phones reach the pages there): a list.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { RegisteredView } from "../../sdk/views.ts";
import { type AppPages, pageHref } from "./app_pages.ts";

/** Whether a page's link is highlighted this month (its `featured` months, in the visitor's calendar). */
export function isFeatured(page: RegisteredView, now: Date = new Date()): boolean {
  return page.contribution.featured?.includes(now.getMonth() + 1) ?? false;
}

/** Properties of {@linkcode AppPageLinks}. */
export interface AppPageLinksProps {
  /** The pages, with the open one. */
  pages: AppPages;
  /** `topbar` (a menu; hidden on a phone) or `drawer` (a list in the session drawer). */
  placement?: "topbar" | "drawer";
  /** Called after a link opened its page (e.g. to close the drawer). */
  onNavigate?: () => void;
}

/** Links to the app pages shown in the navigation (`nav` not false). */
export function AppPageLinks({ pages, placement = "topbar", onNavigate }: AppPageLinksProps): VNode | null {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // A click anywhere else closes the menu.
    const close = (e: PointerEvent) => {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) menu.current.open = false;
    };
    addEventListener("pointerdown", close);
    return () => removeEventListener("pointerdown", close);
  }, []);
  const shown = pages.pages.filter((p) => p.contribution.nav !== false);
  if (shown.length === 0) return null;
  const link = (p: RegisteredView) =>
    html`
      <a href=${pageHref(p.contribution.id)}
        class=${`tab${p === pages.current ? " on" : ""}${isFeatured(p) ? " featured" : ""}`}
        aria-current=${p === pages.current ? "page" : undefined} data-app-page=${p.contribution.id}
        title=${p.contribution.description ?? ""}
        onClick=${(e: MouseEvent) => {
          e.preventDefault();
          pages.open(p.contribution.id);
          if (menu.current) menu.current.open = false;
          onNavigate?.();
        }}>${p.contribution.title}</a>
    `;
  if (placement === "drawer") {
    return html`<nav class="drawer-pages" aria-label="Workbench pages (menu)">${shown.map(link)}</nav>`;
  }
  const featured = shown.filter((p) => isFeatured(p));
  const rest = shown.filter((p) => !isFeatured(p));
  const current = pages.current && rest.includes(pages.current) ? pages.current : null;
  return html`
    <nav class="tabs app-pages" aria-label="Workbench pages">
      ${featured.map(link)}
      ${rest.length > 0 && html`
        <details class="pages-menu" ref=${menu}>
          <summary class=${current ? "tab on" : "tab"} aria-label="Workbench pages">${current?.contribution
            .title ?? "Pages"} ▾</summary>
          <div class="popover pages-list">${rest.map(link)}</div>
        </details>
      `}
    </nav>
  `;
}
