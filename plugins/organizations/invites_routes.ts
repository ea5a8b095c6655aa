/**
 * Joining by code: an owner creates a code that gives the member or
 * instructor role, valid for {@linkcode ORG_INVITE_DAYS} days and usable by
 * several people (a club hands one code to its drivers) until it lapses or
 * an owner withdraws it.
 *
 * @module
 */

import {
  bodyObject,
  defineAppRoute,
  inviteJson,
  inviteLive,
  newInvite,
  normaliseInviteCode,
  RouteError,
  signedInUser,
  stringField,
} from "../../sdk/mod.ts";
import {
  findInvite,
  findMembership,
  invitesOf,
  liveOrgInvite,
  type OrgInvite,
  removeInvite,
  requireOrg,
  requireRole,
  saveInvite,
  saveMembership,
} from "./store.ts";

/** Days an organization's invite code stays valid. */
export const ORG_INVITE_DAYS = 30;

const slugParam = { type: "string", description: "The organization's slug", required: true } as const;
const codeParam = { type: "string", description: "The invite code", required: true } as const;

function describe(invite: OrgInvite) {
  return { ...inviteJson(invite), role: invite.role };
}

/** `POST /orgs/{slug}/invites`: an owner creates a code. */
export const createOrgInviteRoute = defineAppRoute({
  method: "POST",
  path: "/orgs/{slug}/invites",
  description:
    `An owner creates an invite code {role: member or instructor, default member}, valid ${ORG_INVITE_DAYS} days.`,
  params: { slug: slugParam },
  async handler({ user, services, params, body }) {
    const me = signedInUser(user, "invite members");
    await requireRole(services.store, params.slug, me.id, ["owner"], "invite members");
    const fields = body === undefined || body === null ? {} : bodyObject(body);
    const role = fields.role === undefined
      ? "member"
      : stringField(fields, "role", { oneOf: ["member", "instructor"] }) as OrgInvite["role"];
    const invite: OrgInvite = { ...newInvite(ORG_INVITE_DAYS), slug: params.slug, role, createdBy: me.id };
    await saveInvite(services.store, invite);
    return describe(invite);
  },
});

/** `GET /orgs/{slug}/invites`: the codes still valid, for owners. */
export const listOrgInvitesRoute = defineAppRoute({
  method: "GET",
  path: "/orgs/{slug}/invites",
  description: "An organization's invite codes that have not lapsed; owners only.",
  params: { slug: slugParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see invites");
    await requireRole(services.store, params.slug, me.id, ["owner"], "see invites");
    const now = Date.now();
    return {
      invites: (await invitesOf(services.store, params.slug)).filter((i) => inviteLive(i, now)).map(describe),
    };
  },
});

/** `DELETE /orgs/{slug}/invites/{code}`: an owner withdraws a code. */
export const revokeOrgInviteRoute = defineAppRoute({
  method: "DELETE",
  path: "/orgs/{slug}/invites/{code}",
  description: "An owner withdraws an invite code.",
  params: { slug: slugParam, code: codeParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "withdraw invites");
    await requireRole(services.store, params.slug, me.id, ["owner"], "withdraw invites");
    const code = normaliseInviteCode(params.code);
    const invite = await findInvite(services.store, code);
    if (!invite || invite.slug !== params.slug) {
      throw new RouteError(404, "invite_not_found", `"${params.slug}" has no invite "${code}"`);
    }
    await removeInvite(services.store, code);
  },
});

/** `POST /join/{code}`: the caller joins the code's organization with its role. */
export const joinRoute = defineAppRoute({
  method: "POST",
  path: "/join/{code}",
  description: "Joins the organization of an invite code with the code's role; 409 when already a member.",
  params: { code: codeParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "join an organization");
    const invite = await liveOrgInvite(services.store, params.code);
    const org = await requireOrg(services.store, invite.slug);
    if (await findMembership(services.store, org.slug, me.id)) {
      throw new RouteError(409, "already_member", `you are already a member of "${org.slug}"`);
    }
    await saveMembership(services.store, {
      slug: org.slug,
      userId: me.id,
      role: invite.role,
      joinedAt: Date.now(),
    });
    return { slug: org.slug, name: org.name, role: invite.role };
  },
});
