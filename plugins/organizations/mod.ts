/**
 * The `organizations` plugin: clubs and track-day organizers. An
 * organization has members with a role (owner, instructor, member), joined
 * by an invite code or added by an owner, and events (a circuit and a day
 * or a span of days).
 *
 * Rights: members see the member list and the events; owners and
 * instructors create and delete events; owners add and remove members,
 * change roles and manage invite codes; anyone may leave, but an
 * organization always keeps an owner. Session access (`access.ts`): owners
 * and instructors read a member's session only when it was driven at the
 * circuit of one of the organization's events on one of its days; members
 * read only their own.
 *
 * Better than the original, whose organization API (PRODUCT.md §2.10)
 * lists members and events but states no rule for who reads whose
 * sessions: here the rule is explicit, tested, and ties an instructor's
 * reading rights to the events the organization actually ran.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import {
  createEventRoute,
  deleteEventRoute,
  eventSessionsRoute,
  listEventsRoute,
  orgSessionRoute,
} from "./events_routes.ts";
import {
  createOrgInviteRoute,
  joinRoute,
  listOrgInvitesRoute,
  revokeOrgInviteRoute,
} from "./invites_routes.ts";
import { addMemberRoute, changeRoleRoute, listMembersRoute, removeMemberRoute } from "./members_routes.ts";
import { createOrgRoute, myOrgsRoute, orgSummaryRoute } from "./orgs_routes.ts";
import { circuitsRoute } from "./circuits_route.ts";
import { ORGS_PAGE } from "./org_nav.ts";

export default definePlugin({
  id: "organizations",
  version: "1.0.0",
  sdk: "^1.0",
  description:
    "Organizations: members with roles, invite codes, events, and instructors' access to event sessions.",
  appRoutes: [
    createOrgRoute,
    myOrgsRoute,
    orgSummaryRoute,
    listMembersRoute,
    addMemberRoute,
    changeRoleRoute,
    removeMemberRoute,
    createOrgInviteRoute,
    listOrgInvitesRoute,
    revokeOrgInviteRoute,
    joinRoute,
    createEventRoute,
    listEventsRoute,
    deleteEventRoute,
    eventSessionsRoute,
    orgSessionRoute,
    circuitsRoute,
  ],
  views: [{
    kind: "view",
    id: ORGS_PAGE,
    title: "Organizations",
    description: "Clubs and track-day organizers: members, roles, invite codes and events",
    scope: "app",
    order: 60,
    needs: [],
    module: "./orgs_page.ts",
  }],
});
