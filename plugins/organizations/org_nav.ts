/**
 * Moving around the Organizations page: its id, the address of an
 * organization (`org`), of one of its events (`event`) or of a session read
 * through it (`session`), the organization's summary those pages show, and
 * the breadcrumbs back up.
 *
 * @module
 */

import type { VNode } from "preact";
import { breadcrumbs } from "../../sdk/view_crumbs.ts";
import { type Request, useRequest } from "../../sdk/view_requests.ts";
import type { AppPageContext } from "../../sdk/views.ts";
import type { Role } from "./roles.ts";

/** Id of the Organizations app page (see `mod.ts`). */
export const ORGS_PAGE = "organizations";

/** `GET /orgs/{slug}`: the organization and the caller's role in it (null: not a member). */
export interface OrgSummaryJson {
  slug: string;
  name: string;
  members: number;
  role: Role | null;
}

/** Parameters of the page of an organization, or of one of its events or sessions. */
export function orgAddress(
  slug: string,
  inside: { event?: string; session?: string } = {},
): Record<string, string> {
  return {
    org: slug,
    ...(inside.event ? { event: inside.event } : {}),
    ...(inside.session ? { session: inside.session } : {}),
  };
}

/** The organization's summary. */
export function useOrgSummary(ctx: AppPageContext, slug: string): Request<OrgSummaryJson> {
  return useRequest(ctx.hooks, () => ctx.api<OrgSummaryJson>(`/orgs/${encodeURIComponent(slug)}`), [slug]);
}

/** Breadcrumbs: Organizations › the organization (when known and not the current page) › `here`. */
export function orgCrumbs(ctx: AppPageContext, slug: string, orgName: string | null, here: string): VNode {
  const { html, openPage } = ctx;
  return breadcrumbs(html, [
    { label: "Organizations", open: () => openPage(ORGS_PAGE) },
    ...(orgName !== null && orgName !== here
      ? [{ label: orgName, open: () => openPage(ORGS_PAGE, orgAddress(slug)) }]
      : []),
    { label: here },
  ]);
}
