/**
 * Membership: members see the member list; owners add members by user id,
 * change roles and remove members; anyone may leave; an organization
 * always keeps at least one owner (the last owner can neither leave, be
 * removed, nor be demoted: a 409 saying so).
 *
 * @module
 */

import { bodyObject, defineAppRoute, RouteError, signedInUser, stringField } from "../../sdk/mod.ts";
import {
  findMembership,
  type Membership,
  membersOf,
  removeMembership,
  requireMember,
  requireRole,
  saveMembership,
} from "./store.ts";
import { type Role, ROLES } from "./roles.ts";

const slugParam = { type: "string", description: "The organization's slug", required: true } as const;
const userParam = { type: "string", description: "The member's user id", required: true } as const;

function assertNotLastOwner(members: Membership[], target: Membership, action: string): void {
  if (target.role !== "owner") return;
  if (members.filter((m) => m.role === "owner").length <= 1) {
    throw new RouteError(
      409,
      "last_owner",
      `"${target.userId}" is the last owner of "${target.slug}" and cannot ${action}; make another member an owner first`,
    );
  }
}

/** `GET /orgs/{slug}/members`: the member list, for members. */
export const listMembersRoute = defineAppRoute({
  method: "GET",
  path: "/orgs/{slug}/members",
  description: "An organization's members with names and roles; 403 for non-members.",
  params: { slug: slugParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see members");
    await requireRole(services.store, params.slug, me.id, ROLES, "see its members");
    const members = await Promise.all((await membersOf(services.store, params.slug)).map(async (m) => ({
      userId: m.userId,
      name: (await services.user(m.userId))?.name ?? m.userId,
      role: m.role,
      joinedAt: new Date(m.joinedAt).toISOString(),
    })));
    return { members };
  },
});

/** `POST /orgs/{slug}/members`: an owner adds a user by id. */
export const addMemberRoute = defineAppRoute({
  method: "POST",
  path: "/orgs/{slug}/members",
  description: "An owner adds a user {user_id, role} to the organization; 409 when already a member.",
  params: { slug: slugParam },
  async handler({ user, services, params, body }) {
    const me = signedInUser(user, "add members");
    await requireRole(services.store, params.slug, me.id, ["owner"], "add members");
    const fields = bodyObject(body);
    const userId = stringField(fields, "user_id");
    const role = stringField(fields, "role", { oneOf: ROLES }) as Role;
    const added = await services.user(userId);
    if (!added) throw new RouteError(404, "user_not_found", `there is no user "${userId}"`);
    if (await findMembership(services.store, params.slug, userId)) {
      throw new RouteError(409, "already_member", `${added.name} is already a member of "${params.slug}"`);
    }
    const membership = { slug: params.slug, userId, role, joinedAt: Date.now() };
    await saveMembership(services.store, membership);
    return { userId, name: added.name, role, joinedAt: new Date(membership.joinedAt).toISOString() };
  },
});

/** `PATCH /orgs/{slug}/members/{userId}`: an owner changes a member's role. */
export const changeRoleRoute = defineAppRoute({
  method: "PATCH",
  path: "/orgs/{slug}/members/{userId}",
  description:
    "An owner changes a member's {role}; 409 when it would leave the organization without an owner.",
  params: { slug: slugParam, userId: userParam },
  async handler({ user, services, params, body }) {
    const me = signedInUser(user, "change roles");
    await requireRole(services.store, params.slug, me.id, ["owner"], "change roles");
    const role = stringField(bodyObject(body), "role", { oneOf: ROLES }) as Role;
    const target = await requireMember(services.store, params.slug, params.userId);
    if (role !== "owner") {
      assertNotLastOwner(await membersOf(services.store, params.slug), target, `become ${role}`);
    }
    await saveMembership(services.store, { ...target, role });
    return { userId: target.userId, role };
  },
});

/** `DELETE /orgs/{slug}/members/{userId}`: an owner removes a member, or a member leaves. */
export const removeMemberRoute = defineAppRoute({
  method: "DELETE",
  path: "/orgs/{slug}/members/{userId}",
  description:
    "An owner removes a member, or a member (their own id) leaves; the last owner cannot go (409).",
  params: { slug: slugParam, userId: userParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "manage members");
    const leaving = params.userId === me.id;
    await requireRole(
      services.store,
      params.slug,
      me.id,
      leaving ? ROLES : ["owner"],
      "remove other members",
    );
    const target = await requireMember(services.store, params.slug, params.userId);
    assertNotLastOwner(
      await membersOf(services.store, params.slug),
      target,
      leaving ? "leave" : "be removed",
    );
    await removeMembership(services.store, params.slug, params.userId);
  },
});
