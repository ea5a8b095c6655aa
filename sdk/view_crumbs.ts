/**
 * Breadcrumbs for app pages with levels (an organization, its event, a
 * session): each level above the current one is a button that opens it.
 *
 * @module
 */

import type { VNode } from "preact";
import type { HtmlTag } from "./views.ts";

/** One level of the trail: its label and, for levels above the current one, what opens it. */
export interface Crumb {
  /** Shown text. */
  readonly label: string;
  /** Opens the level; absent on the current one (the last). */
  readonly open?: () => void;
}

/** The trail, `Organizations › Barber Track Club › Spring day`. */
export function breadcrumbs(html: HtmlTag, trail: readonly Crumb[]): VNode {
  return html`<nav class="crumbs" aria-label="Breadcrumbs">${
    trail.map((crumb, i) =>
      html`${i > 0 ? html`<span aria-hidden="true">›</span>` : ""}${
        crumb.open
          ? html`<button type="button" class="link" onClick=${crumb.open}>${crumb.label}</button>`
          : html`<span aria-current="page">${crumb.label}</span>`
      }`
    )
  }</nav>`;
}
