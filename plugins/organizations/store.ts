/**
 * The organizations' records: organizations (collection `orgs`, key the
 * slug), memberships (`members`, key `<slug>:<user id>`, owner the member,
 * index the slug), events (`events`, index the slug) and invite codes
 * (`invites`, key the code, index the slug); plus the lookups that turn a
 * missing record or a missing right into a clear 403/404.
 *
 * @module
 */

import { type InviteBase, liveInvite, type PluginStore, RouteError } from "../../sdk/mod.ts";
import type { Role } from "./roles.ts";

/** An organization. */
export interface Org {
  /** URL id, kebab-case. */
  readonly slug: string;
  /** Display name. */
  readonly name: string;
  /** Who created it. */
  readonly createdBy: string;
  /** When, ms since the epoch. */
  readonly createdAt: number;
}

/** One membership. */
export interface Membership {
  /** The organization's slug. */
  readonly slug: string;
  /** The member's user id. */
  readonly userId: string;
  /** Role in the organization. */
  readonly role: Role;
  /** When they joined, ms since the epoch. */
  readonly joinedAt: number;
}

/** A track day of the organization. */
export interface OrgEvent {
  /** Event id. */
  readonly id: string;
  /** The organization's slug. */
  readonly slug: string;
  /** Display name. */
  readonly name: string;
  /** The circuit's slug (as the workbench matched sessions to it). */
  readonly trackSlug: string;
  /** First day, `YYYY-MM-DD` (UTC). */
  readonly date: string;
  /** Last day, `YYYY-MM-DD` (UTC); the same as `date` for a one-day event. */
  readonly endDate: string;
  /** Who created it. */
  readonly createdBy: string;
}

/** An invite code to join an organization with a role (lapsing at `expiresAt`). */
export interface OrgInvite extends InviteBase {
  /** The organization's slug. */
  readonly slug: string;
  /** Role the joiner gets (never owner). */
  readonly role: Exclude<Role, "owner">;
  /** Who created it. */
  readonly createdBy: string;
}

const memberKey = (slug: string, userId: string) => `${slug}:${userId}`;

/** The organization, or a 404 naming the slug. */
export async function requireOrg(store: PluginStore, slug: string): Promise<Org> {
  const org = (await store.get("orgs", slug))?.value as Org | undefined;
  if (!org) throw new RouteError(404, "org_not_found", `there is no organization "${slug}"`);
  return org;
}

/** Stores an organization. */
export async function saveOrg(store: PluginStore, org: Org): Promise<void> {
  await store.put("orgs", org.slug, { ...org });
}

/** A user's membership, or undefined. */
export async function findMembership(
  store: PluginStore,
  slug: string,
  userId: string,
): Promise<Membership | undefined> {
  return (await store.get("members", memberKey(slug, userId)))?.value as Membership | undefined;
}

/** A member's membership, or a 404 saying they are not a member. */
export async function requireMember(store: PluginStore, slug: string, userId: string): Promise<Membership> {
  const membership = await findMembership(store, slug, userId);
  if (!membership) throw new RouteError(404, "member_not_found", `"${userId}" is not a member of "${slug}"`);
  return membership;
}

/**
 * The caller's membership, or a 403 when they are not a member or their
 * role is not in `roles` (`action` says what was refused).
 */
export async function requireRole(
  store: PluginStore,
  slug: string,
  userId: string,
  roles: readonly Role[],
  action: string,
): Promise<Membership> {
  await requireOrg(store, slug);
  const membership = await findMembership(store, slug, userId);
  if (!membership) throw new RouteError(403, "not_a_member", `you are not a member of "${slug}"`);
  if (!roles.includes(membership.role)) {
    throw new RouteError(
      403,
      "role_required",
      `only ${roles.map((r) => `${r}s`).join(" or ")} of "${slug}" can ${action}`,
    );
  }
  return membership;
}

/** Stores a membership. */
export async function saveMembership(store: PluginStore, membership: Membership): Promise<void> {
  await store.put("members", memberKey(membership.slug, membership.userId), { ...membership }, {
    ownerId: membership.userId,
    index: membership.slug,
  });
}

/** Removes a membership; true when it existed. */
export function removeMembership(store: PluginStore, slug: string, userId: string): Promise<boolean> {
  return store.delete("members", memberKey(slug, userId));
}

/** Every member of an organization, oldest first. */
export async function membersOf(store: PluginStore, slug: string): Promise<Membership[]> {
  return (await store.list("members", { index: slug })).map((r) => r.value as unknown as Membership);
}

/** Every membership of a user, oldest first. */
export async function membershipsOf(store: PluginStore, userId: string): Promise<Membership[]> {
  return (await store.list("members", { ownerId: userId })).map((r) => r.value as unknown as Membership);
}

/** Every event of an organization, by date. */
export async function eventsOf(store: PluginStore, slug: string): Promise<OrgEvent[]> {
  return (await store.list("events", { index: slug }))
    .map((r) => r.value as unknown as OrgEvent)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** An event of the organization, or a 404. */
export async function requireEvent(store: PluginStore, slug: string, eventId: string): Promise<OrgEvent> {
  const event = (await store.get("events", eventId))?.value as OrgEvent | undefined;
  if (!event || event.slug !== slug) {
    throw new RouteError(404, "event_not_found", `"${slug}" has no event "${eventId}"`);
  }
  return event;
}

/** Stores an event. */
export async function saveEvent(store: PluginStore, event: OrgEvent): Promise<void> {
  await store.put("events", event.id, { ...event }, { index: event.slug });
}

/** Removes an event. */
export function removeEvent(store: PluginStore, eventId: string): Promise<boolean> {
  return store.delete("events", eventId);
}

/** An invite, or undefined. */
export async function findInvite(store: PluginStore, code: string): Promise<OrgInvite | undefined> {
  return (await store.get("invites", code))?.value as OrgInvite | undefined;
}

/** The live invite of the code a person typed, or a 404 (unknown, withdrawn or lapsed). */
export function liveOrgInvite(store: PluginStore, typed: string): Promise<OrgInvite> {
  return liveInvite<OrgInvite>(store, "invites", typed);
}

/** Stores an invite. */
export async function saveInvite(store: PluginStore, invite: OrgInvite): Promise<void> {
  await store.put("invites", invite.code, { ...invite }, { index: invite.slug });
}

/** The organization's invites, oldest first. */
export async function invitesOf(store: PluginStore, slug: string): Promise<OrgInvite[]> {
  return (await store.list("invites", { index: slug })).map((r) => r.value as unknown as OrgInvite);
}

/** Removes an invite. */
export function removeInvite(store: PluginStore, code: string): Promise<boolean> {
  return store.delete("invites", code);
}
